import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMail } from '../../src/persistence/repositories/mail.repository.ts';
import { finishReport, supervisedAgencies } from '../../src/services/report-workspace/workspace.fixture.ts';
import { startReport } from '../../src/services/report-workspace/workspace.service.ts';
import { changeUser } from '../../src/services/staff.service.ts';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

describe.each(DIALECTS)(
  'early submission, 催报 and the 通报名单 over HTTP on %s (#12 points 7, 9)',
  (dialect) => {
    let t: TestServer;
    let ids: { health: number; education: number };
    const clock = new TestClock(new Date('2025-12-20T02:00:00Z'));
    beforeAll(async () => {
      t = await startTestServer(dialect, { now: clock.now });
      const a = await supervisedAgencies(t.app.ctx, 'U');
      ids = { health: a.health.agency.id, education: a.education.agency.id };
      await changeUser(t.app.ctx, a.health.staff.admin, a.health.staff.head.userId, {
        email: 'head@uh.example.gov.cn',
      });
      await startReport(t.app.ctx, a.education.staff.handler, ids.education, 2025);
      await finishReport(t.app.ctx, a.education.staff.head, ids.education, 2025);
    });
    afterAll(() => t?.close());

    it('warns before the year has ended, and the supervisor sees the report flagged, not 按时报送', async () => {
      const head = await loginAs(t.server, 'ue-head');
      const warned = await head.request('POST', '/api/reports/2025/actions', { action: 'submit' });
      expect(warned.statusCode).toBe(409);
      expect(warned.json()).toMatchObject({ error: { field: 'acknowledgeEarly' } });
      expect((warned.json() as { error: { message: string } }).error.message).toMatch(/^报告年度尚未结束/);
      const ok = await head.request('POST', '/api/reports/2025/actions', {
        action: 'submit',
        acknowledgeEarly: true,
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'submitted', submittedEarly: true });
      clock.set('2026-02-05T02:00:00Z');
      const supervisor = await loginAs(t.server, 'ug-supervisor');
      const view = (await supervisor.request('GET', '/api/supervision/collection?year=2025')).json() as {
        rows: { agency: { id: number }; timeliness: { state: string; label: string }; urgeable: boolean }[];
      };
      const row = (id: number) => view.rows.find((r) => r.agency.id === id)!;
      expect(row(ids.education).timeliness).toMatchObject({
        state: 'early',
        label: '提前报送（年度未结束）',
      });
      expect(row(ids.health)).toMatchObject({ timeliness: { state: 'overdue' }, urgeable: true });
    });

    it('sends a 催报 to an overdue agency (kept, an event, mailed through the outbox) and exports the 通报名单', async () => {
      const supervisor = await loginAs(t.server, 'ug-supervisor');
      const outsider = await loginAs(t.server, 'ue-head');
      expect(
        (await outsider.request('POST', `/api/supervision/reports/${ids.health}/2025/urge`, {})).statusCode,
      ).toBe(403);
      expect(
        (await supervisor.request('POST', `/api/supervision/reports/${ids.education}/2025/urge`, {}))
          .statusCode,
      ).toBe(409);
      const urged = await supervisor.request('POST', `/api/supervision/reports/${ids.health}/2025/urge`, {
        message: '请于2月10日前报送',
      });
      expect(urged.statusCode, urged.body).toBe(201);
      expect(urged.json()).toMatchObject({ recipients: 1, message: '请于2月10日前报送' });
      const mail = await listMail(t.app.database.db, { kind: 'report_urge' });
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ toAddress: 'head@uh.example.gov.cn', status: 'pending' });
      expect(mail[0]!.body).toContain('请于2月10日前报送');
      const events = await t.app.database.db
        .selectFrom('events')
        .select('action')
        .where('entity_type', '=', 'report_urge')
        .execute();
      expect(events.map((e) => e.action)).toEqual(['urge']);
      const csv = await supervisor.request('GET', '/api/supervision/notice/export?year=2025&to=csv');
      expect(csv.statusCode).toBe(200);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('机构代码,机关名称,报送期限,期限依据,状态,是否按时,收到日期,逾期天数,催报次数');
      expect(lines.find((l) => l.includes('U区卫生健康局'))).toMatch(/未开始,逾期未报送,,5,1$/);
      expect(lines.find((l) => l.includes('U区教育局'))).toMatch(
        /已报送待审核,提前报送（年度未结束）,2025-12-20,0,0$/,
      );
      const xlsx = await supervisor.request('GET', '/api/supervision/notice/export?year=2025&to=xlsx');
      expect(xlsx.statusCode).toBe(200);
    });
  },
);
