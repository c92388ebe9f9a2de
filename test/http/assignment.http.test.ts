import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import { agencyWithStaff, counterApplication } from '../support/fixtures.ts';
import type { Session } from '../support/http.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';
import { createUser } from '../../src/services/staff.service.ts';
import { eventsOf } from '../../src/persistence/repositories/event.repository.ts';

/** Issue 12 point 1 over HTTP: 分办, 我的待办, 转办 with a reason, the inbox by assignee, each person's load. */
describe.each(DIALECTS)('分办 and 转办 over HTTP on %s', (dialect) => {
  let t: TestServer;
  const clock = new TestClock(new Date('2026-09-24T02:00:00Z'));
  let registrar: Session;
  let handler: Session;
  let second: Session;
  let head: Session;
  let reviewer: Session;
  let outsider: Session;
  let ids: { handler: number; second: number; reviewer: number };
  beforeAll(async () => {
    t = await startTestServer(dialect, { now: clock.now });
    const { agency, staff } = await agencyWithStaff(t.app.ctx, 'A2');
    await agencyWithStaff(t.app.ctx, 'B2');
    const user = await createUser(t.app.ctx, 'system', {
      agencyId: agency.id,
      username: 'a2-handler2',
      displayName: '刘洋',
      roles: ['handler'],
      password: 'test-password-1',
    });
    ids = { handler: staff.handler.userId, second: user.id, reviewer: staff.reviewer.userId };
    registrar = await loginAs(t.server, 'a2-registrar');
    handler = await loginAs(t.server, 'a2-handler');
    second = await loginAs(t.server, 'a2-handler2');
    head = await loginAs(t.server, 'a2-head');
    reviewer = await loginAs(t.server, 'a2-reviewer');
    outsider = await loginAs(t.server, 'b2-head');
  });
  afterAll(() => t.close());

  const newCase = async () => {
    const created = await registrar.request('POST', '/api/applications', counterApplication('2026-09-24'));
    return (created.json() as { application: { id: number } }).application.id;
  };
  const assign = (who: Session, id: number, body: Record<string, unknown>) =>
    who.request('POST', `/api/applications/${id}/assign`, body);
  const mine = async (who: Session) =>
    (
      (await who.request('GET', '/api/applications?mine=true')).json() as {
        rows: { id: number; handlerName: string }[];
      }
    ).rows;

  it('the registrar assigns; the handler sees it in 我的待办; a 转办 needs a reason; every step audited', async () => {
    const id = await newCase();
    expect(await mine(handler)).toEqual([]);
    const list = (await registrar.request('GET', '/api/assignees')).json() as { id: number; name: string }[];
    expect(list.map((a) => a.name).sort()).toEqual(['handler-A2', '刘洋'].sort());
    expect((await assign(handler, id, { assigneeId: ids.second })).statusCode).toBe(403);
    const notHandler = await assign(registrar, id, { assigneeId: ids.reviewer });
    expect(notHandler.statusCode).toBe(400);
    expect(notHandler.json()).toMatchObject({ error: { field: 'assigneeId' } });
    expect((notHandler.json() as { error: { message: string } }).error.message).toContain('没有承办人角色');
    const done = await assign(registrar, id, { assigneeId: ids.handler });
    expect(done.statusCode).toBe(200);
    expect(
      (done.json() as { handlerId: number; people: Record<string, string> }).people[`user:${ids.handler}`],
    ).toBe('handler-A2');
    expect((await mine(handler)).map((r) => [r.id, r.handlerName])).toEqual([[id, 'handler-A2']]);
    expect(await mine(second)).toEqual([]);

    const noReason = await assign(head, id, { assigneeId: ids.second, reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ error: { field: 'reason', message: '转办须写明理由' } });
    const reason = '承办人休假，'.repeat(40);
    expect((await assign(head, id, { assigneeId: ids.second, reason })).statusCode).toBe(200);
    expect(await mine(handler)).toEqual([]);
    expect((await mine(second)).map((r) => r.id)).toEqual([id]);
    const history = (await handler.request('GET', `/api/applications/${id}/assignments`)).json() as unknown[];
    expect(history).toMatchObject([
      { assignee: 'handler-A2', previous: null, reason: null, by: 'registrar-A2' },
      { assignee: '刘洋', previous: 'handler-A2', reason: reason.trim(), by: 'head-A2' },
    ]);
    const events = await eventsOf(t.app.ctx.database.db, 'application', id);
    expect(
      events.filter((e) => e.action === 'assign' || e.action === 'reassign').map((e) => e.action),
    ).toEqual(['assign', 'reassign']);
    expect((await assign(outsider, id, { assigneeId: ids.second, reason: 'x' })).statusCode).toBe(404);
  });

  it('filters the inbox by assignee and shows the head each person’s load and overdue count', async () => {
    const a = await newCase();
    const b = await newCase();
    await assign(registrar, a, { assigneeId: ids.second });
    const byAssignee = (
      await head.request('GET', `/api/applications?assignee=${ids.second}&open=true`)
    ).json() as {
      rows: { id: number }[];
    };
    expect(byAssignee.rows.map((r) => r.id)).toContain(a);
    expect(byAssignee.rows.map((r) => r.id)).not.toContain(b);
    const none = (await head.request('GET', '/api/applications?assignee=none')).json() as {
      rows: { id: number }[];
    };
    expect(none.rows.map((r) => r.id)).toContain(b);
    expect((await head.request('GET', '/api/applications?assignee=abc')).statusCode).toBe(400);

    clock.set('2026-10-30T02:00:00Z'); // the reply periods (due 2026-10-29) have passed
    head = await loginAs(t.server, 'a2-head');
    second = await loginAs(t.server, 'a2-handler2');
    const load = (await head.request('GET', '/api/workload')).json() as {
      handlers: { name: string; open: number; overdue: number }[];
      unassigned: { open: number; overdue: number };
    };
    expect(load.handlers.find((h) => h.name === '刘洋')).toMatchObject({ open: 2, overdue: 2 });
    expect(load.handlers.find((h) => h.name === 'handler-A2')).toMatchObject({ open: 0, overdue: 0 });
    expect(load.unassigned).toMatchObject({ open: 1, overdue: 1 });
    const own = (await second.request('GET', '/api/workload')).json() as {
      handlers: unknown[];
      unassigned: unknown;
    };
    expect(own).toMatchObject({ handlers: [{ name: '刘洋', open: 2 }], unassigned: null });
    reviewer = await loginAs(t.server, 'a2-reviewer');
    expect((await reviewer.request('GET', '/api/workload')).statusCode).toBe(200);
  });
});
