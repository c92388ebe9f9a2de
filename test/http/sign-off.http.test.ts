import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import { agencyWithStaff, counterApplication } from '../support/fixtures.ts';
import type { Session } from '../support/http.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';
import { createUser } from '../../src/services/staff.service.ts';

/**
 * Issue 12 point 3 over HTTP: the handler drafts, a reviewer reviews (审核意见), the head signs off (签发意见);
 * nobody reviews or signs their own draft unless the agency allows it, and then the record says so. The
 * extension is a request the head approves.
 */
describe.each(DIALECTS)('sign-off with separation of duties over HTTP on %s', (dialect) => {
  let t: TestServer;
  const clock = new TestClock(new Date('2026-09-24T02:00:00Z'));
  let registrar: Session;
  let handler: Session;
  let reviewer: Session;
  let head: Session;
  let solo: Session;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestServer(dialect, { now: clock.now });
    const { agency } = await agencyWithStaff(t.app.ctx, 'S1');
    await createUser(t.app.ctx, 'system', {
      agencyId: agency.id,
      username: 's1-solo',
      displayName: '王敏',
      roles: ['registrar', 'handler', 'reviewer', 'head'],
      password: 'test-password-1',
    });
    registrar = await loginAs(t.server, 's1-registrar');
    handler = await loginAs(t.server, 's1-handler');
    reviewer = await loginAs(t.server, 's1-reviewer');
    head = await loginAs(t.server, 's1-head');
    solo = await loginAs(t.server, 's1-solo');
    admin = await loginAs(t.server, 's1-admin');
  });
  afterAll(() => t.close());

  const decision = {
    outcome: 'granted',
    replyType: 'already_public',
    exemption: null,
    reasons: '该信息已主动公开',
    responsibleAgency: null,
  };
  const newCase = async () => {
    const created = await registrar.request('POST', '/api/applications', counterApplication('2026-09-24'));
    return (created.json() as { application: { id: number } }).application.id;
  };
  const act = (who: Session, id: number, action: Record<string, unknown>) =>
    who.request('POST', `/api/applications/${id}/actions`, { action });

  it('goes 起草 → 审核 → 签发 by three people, each step with its opinion and its author, audited', async () => {
    const id = await newCase();
    expect((await act(handler, id, { type: 'submit_decision', decision })).statusCode).toBe(200);
    const early = await act(head, id, { type: 'approve_decision' });
    expect(early.statusCode).toBe(409);
    expect((early.json() as { error: { message: string } }).error.message).toContain('待审核');
    const byHandler = await act(handler, id, { type: 'review_decision' });
    expect(byHandler.statusCode).toBe(403);
    expect(
      (await act(reviewer, id, { type: 'review_decision', opinion: '拟同意，依据充分' })).statusCode,
    ).toBe(200);
    const byReviewer = await act(reviewer, id, { type: 'approve_decision' });
    expect(byReviewer.statusCode).toBe(403);
    expect((byReviewer.json() as { error: { message: string } }).error.message).toBe(
      '签发答复意见须由负责人办理',
    );
    const long = '同意'.repeat(1001);
    const tooLong = await act(head, id, { type: 'approve_decision', opinion: long });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ error: { field: 'opinion' } });
    const signed = await act(head, id, { type: 'approve_decision', opinion: '同意' });
    expect(signed.statusCode).toBe(200);
    const view = signed.json() as {
      stateLabel: string;
      application: { decision: Record<string, unknown> };
      people: Record<string, string>;
    };
    expect(view.stateLabel).toBe('已签发待答复');
    const d = view.application.decision;
    expect(d).toMatchObject({
      reviewOpinion: '拟同意，依据充分',
      approvalOpinion: '同意',
      selfSignOff: false,
    });
    expect([
      view.people[d.draftedBy as string],
      view.people[d.reviewedBy as string],
      view.people[d.approvedBy as string],
    ]).toEqual(['handler-S1', 'reviewer-S1', 'head-S1']);
    const timeline = (await handler.request('GET', `/api/applications/${id}/timeline`)).json() as {
      events: { action: string; actorName: string; data: { details: { opinion?: string } } }[];
    };
    expect(
      timeline.events.slice(-3).map((e) => [e.action, e.actorName, e.data.details.opinion ?? null]),
    ).toEqual([
      ['submit_decision', 'handler-S1', null],
      ['review_decision', 'reviewer-S1', '拟同意，依据充分'],
      ['approve_decision', 'head-S1', '同意'],
    ]);
  });

  it('refuses a review or sign-off of one’s own draft unless the agency allows it, and then records it', async () => {
    const id = await newCase();
    expect((await act(solo, id, { type: 'submit_decision', decision })).statusCode).toBe(200);
    const own = await act(solo, id, { type: 'review_decision' });
    expect(own.statusCode).toBe(409);
    expect((own.json() as { error: { message: string } }).error.message).toContain(
      '不能审核本人起草的答复意见',
    );
    expect(
      (await admin.request('PATCH', '/api/admin/agency', { settings: { allowSelfSignOff: true } }))
        .statusCode,
    ).toBe(200);
    expect((await act(solo, id, { type: 'review_decision' })).statusCode).toBe(200);
    const signed = await act(solo, id, { type: 'approve_decision' });
    expect(signed.statusCode).toBe(200);
    expect((signed.json() as { application: { decision: unknown } }).application.decision).toMatchObject({
      selfSignOff: true,
      reviewOpinion: '同意',
      approvalOpinion: '同意',
    });
    expect(
      (await admin.request('PATCH', '/api/admin/agency', { settings: { allowSelfSignOff: false } }))
        .statusCode,
    ).toBe(200);
  });

  it('takes the extension as the handler’s request, approved by the head only', async () => {
    const id = await newCase();
    await act(handler, id, { type: 'accept' });
    expect((await act(handler, id, { type: 'extend', days: 10, reason: '调取档案' })).statusCode).toBe(403);
    const asked = await act(handler, id, { type: 'request_extension', days: 10, reason: '调取档案' });
    expect(asked.statusCode).toBe(200);
    expect((asked.json() as { availableActions: string[] }).availableActions).not.toContain(
      'request_extension',
    );
    const approved = await act(head, id, { type: 'extend', days: 10, reason: '调取档案' });
    expect(approved.statusCode).toBe(200);
    const a = (approved.json() as { application: { extension: unknown; extensionRequest: unknown } })
      .application;
    expect(a.extensionRequest).toBeNull();
    expect(a.extension).toMatchObject({ days: 10, approvedOn: '2026-09-24', requestedOn: '2026-09-24' });
  });
});
