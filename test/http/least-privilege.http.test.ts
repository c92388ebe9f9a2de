import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import { agencyWithStaff, counterApplication, naturalApplicant } from '../support/fixtures.ts';
import type { Session } from '../support/http.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

/**
 * Issue 16 point 5: letters only to the staff who handle the case, every view of one audited; a supervisor
 * above sees statistics and reports, never a subordinate's individual applications — not by asking for the
 * application, its timeline, letters or attachments, not through a drill-down, not by counting through ids.
 */
const NAME = '诸葛隐名';
const ADDRESS = '某市某区隐秘路88号3幢';
const REQUEST = '关于某某家庭住址登记情况的信息';

describe.each(DIALECTS)('least privilege for applications and letters on %s', (dialect) => {
  let t: TestServer;
  const clock = new TestClock(new Date('2026-09-24T02:00:00Z'));
  const s: Record<string, Session> = {};
  let applicationId = 0;
  let letterId = 0;
  let agencyId = 0;

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: clock.now });
    const city = await agencyWithStaff(t.app.ctx, 'LPC', 'LPC市人民政府');
    const district = await agencyWithStaff(t.app.ctx, 'LPD', 'LPD区人民政府', city.agency.id);
    const bureau = await agencyWithStaff(t.app.ctx, 'LPB', 'LPB区卫生健康局', district.agency.id);
    agencyId = bureau.agency.id;
    for (const [key, user] of [
      ['city', 'lpc-supervisor'],
      ['district', 'lpd-supervisor'],
      ['registrar', 'lpb-registrar'],
      ['handler', 'lpb-handler'],
      ['reviewer', 'lpb-reviewer'],
      ['head', 'lpb-head'],
      ['admin', 'lpb-admin'],
      ['ownSupervisor', 'lpb-supervisor'],
    ] as const)
      s[key] = await loginAs(t.server, user);
    const created = await s.registrar!.request('POST', '/api/applications', {
      ...counterApplication('2026-09-24'),
      applicant: naturalApplicant({ name: NAME, address: ADDRESS }),
      items: [{ description: REQUEST, documentNumber: null }],
      delivery: 'post',
    });
    expect(created.statusCode).toBe(201);
    applicationId = (created.json() as { application: { id: number } }).application.id;
    const corrected = await s.handler!.request('POST', `/api/applications/${applicationId}/actions`, {
      action: { type: 'request_correction', points: ['请写明文号'], periodDays: 10 },
    });
    expect(corrected.statusCode).toBe(200);
    const timeline = (
      await s.handler!.request('GET', `/api/applications/${applicationId}/timeline`)
    ).json() as { letters: { id: number }[] };
    letterId = timeline.letters[0]!.id;
  }, 180_000);
  afterAll(() => t.close());

  const letterViews = async () =>
    Number(
      (
        await t.app.database.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', 'view_letter')
          .where('entity_id', '=', String(letterId))
          .executeTakeFirst()
      )?.n,
    );

  it('serves a letter to the staff who handle the case, and audits every view', async () => {
    for (const role of ['registrar', 'handler', 'reviewer', 'head'] as const) {
      const before = await letterViews();
      const html = await s[role]!.request('GET', `/api/applications/${applicationId}/letters/${letterId}`);
      expect(html.statusCode, role).toBe(200);
      expect(html.body).toContain(ADDRESS);
      expect(await letterViews(), role).toBe(before + 1);
    }
    const docx = await s.handler!.request(
      'GET',
      `/api/applications/${applicationId}/letters/${letterId}?format=docx`,
    );
    expect(docx.statusCode).toBe(200);
    const last = await t.app.database.db
      .selectFrom('events')
      .selectAll()
      .where('action', '=', 'view_letter')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.entity_type).toBe('letter');
    expect(last.actor).toMatch(/^user:\d+$/);
    expect(JSON.parse(last.data)).toMatchObject({ applicationId, format: 'docx' });
    // the preview too shows the full address: audited
    const preview = await s.handler!.request('POST', `/api/applications/${applicationId}/letters/preview`, {
      kind: 'correction',
    });
    expect(preview.statusCode).toBe(200);
    const previewed = await t.app.database.db
      .selectFrom('events')
      .select('action')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(previewed.action).toBe('preview_letter');
  });

  it('refuses letters to the agency’s staff without a case-handling role, in Chinese, and logs no view', async () => {
    const before = await letterViews();
    for (const role of ['admin', 'ownSupervisor'] as const) {
      const res = await s[role]!.request('GET', `/api/applications/${applicationId}/letters/${letterId}`);
      expect(res.statusCode, role).toBe(403);
      expect(res.body).not.toContain(ADDRESS);
      expect((res.json() as { error: { message: string } }).error.message).toMatch(
        /只有承办机关的登记员、承办人、审核人、负责人可以查看/,
      );
      const preview = await s[role]!.request('POST', `/api/applications/${applicationId}/letters/preview`, {
        kind: 'correction',
      });
      expect(preview.statusCode, role).toBe(403);
    }
    expect(await letterViews()).toBe(before);
  });

  it('never shows a supervisor above an individual application, however they ask', async () => {
    for (const who of ['district', 'city'] as const) {
      const session = s[who]!;
      for (const url of [
        `/api/applications/${applicationId}`,
        `/api/applications/${applicationId}/timeline`,
        `/api/applications/${applicationId}/letters/${letterId}`,
        `/api/applications/${applicationId}/letters/${letterId}?format=pdf`,
        `/api/applications/${applicationId}/attachments`,
        `POST /api/applications/${applicationId}/reveal`,
      ]) {
        const [method, path] = url.startsWith('POST ') ? ['POST', url.slice(5)] : ['GET', url];
        const res = await session.request(method, path, method === 'POST' ? {} : undefined);
        expect(res.statusCode, `${who} ${url}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${who} ${url}`).toBeLessThan(500);
        for (const secret of [NAME, ADDRESS, REQUEST])
          expect(res.body, `${who} ${url}`).not.toContain(secret);
      }
      // counting through ids: an id of a subordinate's application answers as one that does not exist
      const answers = new Set<number>();
      for (let id = 1; id <= applicationId + 3; id++) {
        const res = await session.request('GET', `/api/applications/${id}`);
        answers.add(res.statusCode);
        expect(res.body).not.toContain(NAME);
      }
      expect([...answers]).toEqual([404]);
      // the drill-downs list applications: refused for table 三, counts only for the report
      const cell = await session.request(
        'GET',
        `/api/table3/cell?year=2026&agencyId=${agencyId}&row=new_received&column=total`,
      );
      expect(cell.statusCode).toBe(403);
      expect(cell.body).not.toContain(NAME);
      const reportCell = await session.request(
        'GET',
        `/api/reports/2026/cell?agencyId=${agencyId}&path=requests.new_received.total`,
      );
      expect(reportCell.body).not.toContain(NAME);
      expect(reportCell.body).not.toContain(REQUEST);
      // statistics stay open to them
      const table3 = await session.request('GET', `/api/table3?year=2026&agencyId=${agencyId}`);
      expect(table3.statusCode, who).toBe(200);
    }
    // the agency's own staff still drill down
    const own = await s.handler!.request(
      'GET',
      `/api/table3/cell?year=2026&agencyId=${agencyId}&row=new_received&column=total`,
    );
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(NAME);
  });
});
