import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import { agencyWithStaff, counterApplication } from '../support/fixtures.ts';
import type { Session } from '../support/http.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';
import { eventsOf } from '../../src/persistence/repositories/event.repository.ts';

interface CosignList {
  rule: string;
  mayOpen: boolean;
  cosigns: {
    id: number;
    department: string;
    dueOn: string;
    status: string;
    mayAnswer: boolean;
    openedByName: string;
    recordedByName: string | null;
    answer: { opinion: string; answererName: string; onBehalf: boolean } | null;
    mayWithdraw?: boolean;
    withdrawnByName?: string | null;
    withdrawal?: { withdrawnAt: string; withdrawnBy: string; reason: string } | null;
  }[];
}
interface Reminders {
  reminders: { kind: string; applicationId: number; department: string | null; dueOn: string }[];
}

/** Issue 12 point 2 over HTTP: the departments, opening 会签 inside the reply period, answering, reminders, audit. */
describe.each(DIALECTS)('内部会签 over HTTP on %s', (dialect) => {
  let t: TestServer;
  const clock = new TestClock(new Date('2026-09-24T02:00:00Z'));
  let admin: Session;
  let registrar: Session;
  let handler: Session;
  let reviewer: Session;
  let legal: Session;
  let outsider: Session;
  let id: number;
  beforeAll(async () => {
    t = await startTestServer(dialect, { now: clock.now });
    await agencyWithStaff(t.app.ctx, 'C3');
    await agencyWithStaff(t.app.ctx, 'D3');
    admin = await loginAs(t.server, 'c3-admin');
    registrar = await loginAs(t.server, 'c3-registrar');
    handler = await loginAs(t.server, 'c3-handler');
    reviewer = await loginAs(t.server, 'c3-reviewer');
    outsider = await loginAs(t.server, 'd3-head');
  });
  afterAll(() => t.close());

  it('the administrator keeps the departments and puts staff in them; bad entries are refused by field', async () => {
    const repeated = await admin.request('PATCH', '/api/admin/agency', {
      settings: { departments: ['法规科', '法规科'] },
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json()).toMatchObject({
      error: { field: 'settings.departments.1', message: '科室“法规科”重复' },
    });
    const set = await admin.request('PATCH', '/api/admin/agency', {
      settings: { departments: ['法规科', '医政科', '办公室'] },
    });
    expect(set.statusCode).toBe(200);
    const unknown = await admin.request('POST', '/api/admin/users', {
      username: 'c3-legal',
      displayName: '孙丽',
      roles: ['reviewer'],
      password: 'test-password-1',
      department: '财务科',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { field: 'department' } });
    const made = await admin.request('POST', '/api/admin/users', {
      username: 'c3-legal',
      displayName: '孙丽',
      roles: ['reviewer'],
      password: 'test-password-1',
      department: '法规科',
      email: 'sunli@example.org',
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ department: '法规科', email: 'sunli@example.org' });
    legal = await loginAs(t.server, 'c3-legal');
    const list = (await handler.request('GET', '/api/departments')).json() as {
      name: string;
      members: string[];
    }[];
    expect(list).toEqual([
      { name: '法规科', members: ['孙丽'], mine: false },
      { name: '医政科', members: [], mine: false },
      { name: '办公室', members: [], mine: false },
    ]);
  });

  it('the handler opens 会签 inside the reply period; the clock does not stop; refusals name the field', async () => {
    const created = await registrar.request('POST', '/api/applications', counterApplication('2026-09-24'));
    id = (created.json() as { application: { id: number } }).application.id;
    const handlerId = ((await handler.request('GET', '/api/auth/me')).json() as { user: { id: number } }).user
      .id;
    expect(
      (await registrar.request('POST', `/api/applications/${id}/assign`, { assigneeId: handlerId }))
        .statusCode,
    ).toBe(200);
    const before = (await handler.request('GET', `/api/applications/${id}`)).json() as {
      application: { state: string; deadlines: { reply: { date: string } } };
    };
    expect(before.application.deadlines.reply.date).toBe('2026-10-29');
    const open = (who: Session, body: unknown) =>
      who.request('POST', `/api/applications/${id}/cosigns`, body);
    const question = '请就申请公开的医疗机构校验结果是否涉及商业秘密提出意见';
    expect(
      (await open(reviewer, { question, departments: [{ department: '法规科', workingDays: 3 }] }))
        .statusCode,
    ).toBe(403);
    const late = await open(handler, {
      question,
      departments: [
        { department: '法规科', workingDays: 3 },
        { department: '医政科', dueOn: '2026-10-30' },
      ],
    });
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({
      error: {
        field: 'departments.1.dueOn',
        message:
          '医政科的会签期限（2026-10-30）晚于本申请的答复期限（2026-10-29）：会签不中止答复期限，应在答复期限内',
      },
    });
    const tooLong = await open(handler, {
      question,
      departments: [{ department: '法规科', workingDays: 25 }],
    });
    expect(tooLong.json()).toMatchObject({ error: { field: 'departments.0.workingDays' } });
    // nothing was written by the refusals
    expect(
      ((await handler.request('GET', `/api/applications/${id}/cosigns`)).json() as CosignList).cosigns,
    ).toEqual([]);

    const done = await open(handler, {
      question,
      departments: [
        { department: '法规科', workingDays: 3 }, // 25 September is 中秋节: 28, 29, 30 September
        { department: '医政科', dueOn: '2026-10-09' },
      ],
    });
    expect(done.statusCode).toBe(201);
    const list = done.json() as CosignList;
    expect(list.rule).toContain('内部会签不中止、不延长答复期限');
    expect(list.cosigns.map((c) => [c.department, c.dueOn, c.status, c.openedByName])).toEqual([
      ['法规科', '2026-09-30', 'pending', 'handler-C3'],
      ['医政科', '2026-10-09', 'pending', 'handler-C3'],
    ]);
    const again = await open(handler, { question, departments: [{ department: '法规科', workingDays: 2 }] });
    expect(again.json()).toMatchObject({ error: { field: 'departments.0.department' } });
    const after = (await handler.request('GET', `/api/applications/${id}`)).json() as typeof before;
    expect(after.application).toMatchObject({
      state: before.application.state,
      deadlines: { reply: { date: '2026-10-29' } },
    });
    expect((await outsider.request('GET', `/api/applications/${id}/cosigns`)).statusCode).toBe(404);
  });

  it('reminds the department while open and the handler once overdue; shows in the inbox', async () => {
    const kinds = async (who: Session) =>
      ((await who.request('GET', '/api/reminders')).json() as Reminders).reminders
        .filter((r) => r.applicationId === id)
        .map((r) => [r.kind, r.department]);
    expect(await kinds(legal)).toEqual([['cosign_pending', '法规科']]);
    expect(await kinds(handler)).toEqual([]);
    clock.set('2026-10-01T02:00:00Z'); // 法规科's 会签 was due 30 September
    legal = await loginAs(t.server, 'c3-legal');
    handler = await loginAs(t.server, 'c3-handler');
    reviewer = await loginAs(t.server, 'c3-reviewer');
    expect(await kinds(legal)).toEqual([['cosign_overdue', '法规科']]);
    expect(await kinds(handler)).toEqual([['cosign_overdue', '法规科']]);
    const inbox = (await handler.request('GET', '/api/applications?open=true')).json() as {
      rows: { id: number; cosignsOpen: number; cosignsOverdue: number }[];
    };
    expect(inbox.rows.find((r) => r.id === id)).toMatchObject({ cosignsOpen: 2, cosignsOverdue: 1 });
  });

  it('the department’s member answers; the handler records another’s answer naming who gave it; all audited', async () => {
    const list = (await legal.request('GET', `/api/applications/${id}/cosigns`)).json() as CosignList;
    const [law, med] = list.cosigns;
    expect([law!.mayAnswer, med!.mayAnswer, list.mayOpen]).toEqual([true, false, false]);
    const answer = (who: Session, cosignId: number, body: unknown) =>
      who.request('POST', `/api/applications/${id}/cosigns/${cosignId}/answer`, body);
    expect((await answer(legal, med!.id, { opinion: '同意' })).statusCode).toBe(403);
    expect((await answer(reviewer, law!.id, { opinion: '同意' })).statusCode).toBe(403);
    expect((await answer(legal, law!.id, { opinion: ' ' })).json()).toMatchObject({
      error: { field: 'opinion' },
    });
    const ok = await answer(legal, law!.id, { opinion: '经审查，校验结果不涉及商业秘密，可以公开' });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as CosignList).cosigns[0]).toMatchObject({
      status: 'answered_late',
      recordedByName: '孙丽',
      answer: { answererName: '孙丽', onBehalf: false },
    });
    expect((await answer(legal, law!.id, { opinion: '再答一次' })).statusCode).toBe(409);
    const unnamed = await answer(handler, med!.id, { opinion: '无意见' });
    expect(unnamed.json()).toMatchObject({ error: { field: 'answererName' } });
    const recorded = await answer(handler, med!.id, {
      opinion: '无意见',
      answererName: '医政科 周涛（电话答复）',
    });
    expect((recorded.json() as CosignList).cosigns[1]).toMatchObject({
      status: 'answered',
      recordedByName: 'handler-C3',
      answer: { answererName: '医政科 周涛（电话答复）', onBehalf: true },
    });
    expect(((await legal.request('GET', '/api/reminders')).json() as Reminders).reminders).toEqual([]);

    const events = await eventsOf(t.app.ctx.database.db, 'application', id);
    const cosignEvents = events.filter((e) => e.action.endsWith('_cosign'));
    expect(cosignEvents.map((e) => [e.action, e.actor])).toEqual([
      ['open_cosign', expect.stringMatching(/^user:\d+$/)],
      ['answer_cosign', expect.stringMatching(/^user:\d+$/)],
      ['answer_cosign', cosignEvents[0]!.actor],
    ]);
    const timeline = (await handler.request('GET', `/api/applications/${id}/timeline`)).json() as {
      events: { action: string; actorName: string; data: { details: Record<string, unknown> } }[];
    };
    expect(
      timeline.events
        .filter((e) => e.action.endsWith('_cosign'))
        .map((e) => [e.action, e.actorName, e.data.details.department ?? null]),
    ).toEqual([
      ['open_cosign', 'handler-C3', null],
      ['answer_cosign', '孙丽', '法规科'],
      ['answer_cosign', 'handler-C3', '医政科'],
    ]);
  });

  it('撤回会签: the opener, the handler or the head withdraw an open 会签 with a reason; it counts as open nowhere', async () => {
    // the clock moved on in the tests above: sessions of then have expired
    registrar = await loginAs(t.server, 'c3-registrar');
    admin = await loginAs(t.server, 'c3-admin');
    outsider = await loginAs(t.server, 'd3-head');
    const created = await registrar.request('POST', '/api/applications', counterApplication('2026-10-01'));
    const caseId = (created.json() as { application: { id: number } }).application.id;
    const me = async (s: Session) =>
      ((await s.request('GET', '/api/auth/me')).json() as { user: { id: number } }).user.id;
    const made = await admin.request('POST', '/api/admin/users', {
      username: 'c3-handler2',
      displayName: '刘洋',
      roles: ['handler'],
      password: 'test-password-1',
    });
    expect(made.statusCode).toBe(201);
    const second = await loginAs(t.server, 'c3-handler2');
    const head = await loginAs(t.server, 'c3-head');
    const handlerId = await me(handler);
    const assign = (who: Session, body: unknown) =>
      who.request('POST', `/api/applications/${caseId}/assign`, body);
    expect((await assign(registrar, { assigneeId: handlerId })).statusCode).toBe(200);
    const opened = await handler.request('POST', `/api/applications/${caseId}/cosigns`, {
      question: '请核实申请公开的档案是否已移交档案馆',
      departments: [
        { department: '法规科', workingDays: 2 },
        { department: '办公室', workingDays: 2 },
        { department: '医政科', workingDays: 2 },
      ],
    });
    expect(opened.statusCode).toBe(201);
    const [law, office, med] = (opened.json() as CosignList).cosigns;
    expect([law!.mayWithdraw, office!.mayWithdraw]).toEqual([true, true]);
    const mine = async (who: Session) =>
      ((await who.request('GET', '/api/reminders')).json() as Reminders).reminders
        .filter((r) => r.applicationId === caseId)
        .map((r) => [r.kind, r.department]);
    expect(await mine(legal)).toEqual([['cosign_pending', '法规科']]);

    const withdraw = (who: Session, cosignId: number, body: unknown) =>
      who.request('POST', `/api/applications/${caseId}/cosigns/${cosignId}/withdraw`, body);
    const reason = '申请人来电澄清，所需信息不涉及档案移交，无需会签';
    // another handler, the registrar and the department's own member may not
    for (const who of [second, registrar, legal])
      expect((await withdraw(who, law!.id, { reason })).statusCode).toBe(403);
    const forbidden = (await withdraw(second, law!.id, { reason })).json() as { error: { message: string } };
    expect(forbidden.error.message).toBe('会签由发起人、本申请的承办人或负责人撤回');
    expect((await withdraw(outsider, law!.id, { reason })).statusCode).toBe(404);
    // the reason is required, and limited
    expect((await withdraw(handler, law!.id, { reason: '  ' })).json()).toMatchObject({
      error: { field: 'reason', message: '请填写撤回理由' },
    });
    expect((await withdraw(handler, law!.id, {})).statusCode).toBe(400);
    expect((await withdraw(handler, law!.id, { reason: '理'.repeat(501) })).json()).toMatchObject({
      error: { field: 'reason', message: '撤回理由不能超过 500 字（现有 501 字）' },
    });
    const untouched = (
      await handler.request('GET', `/api/applications/${caseId}/cosigns`)
    ).json() as CosignList;
    expect(untouched.cosigns.map((c) => [c.status, c.withdrawal])).toEqual([
      ['pending', null],
      ['pending', null],
      ['pending', null],
    ]);

    const done = await withdraw(handler, law!.id, { reason: `  ${reason} ` });
    expect(done.statusCode).toBe(200);
    expect((done.json() as CosignList).cosigns[0]).toMatchObject({
      status: 'withdrawn',
      statusLabel: '已撤回',
      withdrawnByName: 'handler-C3',
      withdrawal: { withdrawnBy: `user:${handlerId}`, reason, withdrawnAt: clock.now().toISOString() },
      mayAnswer: false,
      mayWithdraw: false,
    });
    const twice = await withdraw(handler, law!.id, { reason });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: { message: '法规科的会签已撤回，不能再次撤回' } });
    const answered = await legal.request('POST', `/api/applications/${caseId}/cosigns/${law!.id}/answer`, {
      opinion: '同意',
    });
    expect(answered.statusCode).toBe(409);
    expect(answered.json()).toMatchObject({
      error: { message: `法规科的会签已撤回（理由：${reason}），不能再答复` },
    });
    // no longer reminded, no longer counted in the inbox; the department may be asked again
    expect(await mine(legal)).toEqual([]);
    const inboxRow = async () =>
      (
        (await handler.request('GET', '/api/applications?open=true')).json() as {
          rows: { id: number; cosignsOpen: number; cosignsOverdue: number }[];
        }
      ).rows.find((r) => r.id === caseId);
    expect(await inboxRow()).toMatchObject({ cosignsOpen: 2 });

    // the head withdraws one he did not open; the opener still may after the case moved to another handler
    expect(
      (await withdraw(head, office!.id, { reason: '办公室已口头答复，改为书面说明附卷' })).statusCode,
    ).toBe(200);
    expect((await assign(head, { assigneeId: await me(second), reason: '承办人出差' })).statusCode).toBe(200);
    expect((await withdraw(registrar, med!.id, { reason })).statusCode).toBe(403);
    const byOpener = await withdraw(handler, med!.id, { reason: '改由新承办人重新发起' });
    expect(byOpener.statusCode).toBe(200);
    // nobody is reminded of a withdrawn 会签 (past its due date too: see daily-reminders.test.ts)
    for (const who of [legal, handler, second, head]) expect(await mine(who)).toEqual([]);
    expect(await inboxRow()).toMatchObject({ cosignsOpen: 0, cosignsOverdue: 0 });
    const law2 = await second.request('POST', `/api/applications/${caseId}/cosigns`, {
      question: '请再就档案移交情况提出意见',
      departments: [{ department: '法规科', workingDays: 2 }],
    });
    expect(law2.statusCode).toBe(201);

    const events = (await eventsOf(t.app.ctx.database.db, 'application', caseId)).filter(
      (e) => e.action === 'withdraw_cosign',
    );
    expect(events.map((e) => [e.actor, (e.data as { details: Record<string, unknown> }).details])).toEqual([
      [`user:${handlerId}`, expect.objectContaining({ cosignId: law!.id, department: '法规科', reason })],
      [`user:${await me(head)}`, expect.objectContaining({ cosignId: office!.id, department: '办公室' })],
      [`user:${handlerId}`, expect.objectContaining({ cosignId: med!.id, reason: '改由新承办人重新发起' })],
    ]);
  });
});
