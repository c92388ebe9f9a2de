import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import { agencyWithStaff, counterApplication } from '../support/fixtures.ts';
import type { Session } from '../support/http.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

/**
 * Issue 16 point 10: what reaches the audit log is what the schema allows — a field an action does not have, or
 * a key that is not an agency setting, is refused with a Chinese 400 naming it, and nothing is written.
 */
describe.each(DIALECTS)('closed schemas before the audit log on %s', (dialect) => {
  let t: TestServer;
  let handler: Session;
  let admin: Session;
  let applicationId = 0;
  const eventCount = async () =>
    Number(
      (
        await t.app.database.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst()
      )?.n,
    );

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: new TestClock(new Date('2026-09-24T02:00:00Z')).now });
    await agencyWithStaff(t.app.ctx, 'AS1');
    handler = await loginAs(t.server, 'as1-handler');
    admin = await loginAs(t.server, 'as1-admin');
    const registrar = await loginAs(t.server, 'as1-registrar');
    const created = await registrar.request('POST', '/api/applications', counterApplication('2026-09-24'));
    applicationId = (created.json() as { application: { id: number } }).application.id;
  }, 120_000);
  afterAll(() => t.close());

  const refused = async (send: () => Promise<{ statusCode: number; json: () => unknown }>, field: string) => {
    const before = await eventCount();
    const res = await send();
    expect(res.statusCode, field).toBe(400);
    const error = (res.json() as { error: { message: string; field?: string } }).error;
    expect(error.message).toMatch(/不允许的字段/);
    expect(error.field).toBe(field);
    expect(await eventCount(), field).toBe(before);
  };

  it('refuses a field an action does not have, at any level, and stores nothing', async () => {
    const url = `/api/applications/${applicationId}/actions`;
    await refused(
      () => handler.request('POST', url, { action: { type: 'accept', note: '<script>' } }),
      'action.note',
    );
    await refused(
      () =>
        handler.request('POST', url, {
          action: {
            type: 'request_correction',
            points: ['请写明文号'],
            periodDays: 10,
            payload: 'x'.repeat(1000),
          },
        }),
      'action.payload',
    );
    await refused(
      () =>
        handler.request('POST', url, {
          action: {
            type: 'submit_decision',
            decision: {
              outcome: 'granted',
              replyType: null,
              exemption: null,
              reasons: null,
              responsibleAgency: null,
              extra: 1,
            },
          },
        }),
      'action.decision.extra',
    );
    // the action itself, without the extra field, goes through and is recorded as sent
    const before = await eventCount();
    const accepted = await handler.request('POST', url, { action: { type: 'accept' } });
    expect(accepted.statusCode).toBe(200);
    expect(await eventCount()).toBe(before + 1);
  });

  it('refuses a key that is not an agency setting, in Chinese, and changes nothing', async () => {
    const before = (await admin.request('GET', '/api/admin/agency')).json() as { settings: unknown };
    await refused(
      () => admin.request('PATCH', '/api/admin/agency', { settings: { address: '某路1号', isAdmin: true } }),
      'settings.isAdmin',
    );
    await refused(
      () =>
        admin.request('PATCH', '/api/admin/agency', { settings: { office: { phone: '1', secret: 'x' } } }),
      'settings.office.secret',
    );
    await refused(
      () =>
        admin.request('PATCH', '/api/admin/agency', {
          settings: { demoLogin: { username: 'demo', password: 'x' } },
        }),
      'settings.demoLogin',
    );
    expect(
      ((await admin.request('GET', '/api/admin/agency')).json() as { settings: unknown }).settings,
    ).toEqual(before.settings);
    const wrongType = await admin.request('PATCH', '/api/admin/agency', { settings: { channels: { a: 1 } } });
    expect(wrongType.statusCode).toBe(400);
    expect((wrongType.json() as { error: { message: string } }).error.message).toMatch(
      /settings\.channels.*数组/,
    );
    // the settings the console writes are accepted
    const ok = await admin.request('PATCH', '/api/admin/agency', {
      settings: {
        office: { name: '办公室', address: '某路1号', hours: '工作日', phone: '010-1', fax: null },
        address: '某路1号',
        officeHours: '工作日',
        phone: '010-1',
        letterhead: null,
        reconsiderationBodyName: null,
        channels: ['网上'],
        readingRooms: [],
        indexScheme: '{agency}-{year}-{serial:4}',
        letterNumberPrefix: null,
        feePausesReplyClock: true,
        letterTemplates: { correction: { intro: '您好' } },
      },
    });
    expect(ok.statusCode).toBe(200);
  });
});
