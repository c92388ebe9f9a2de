import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerByStaff } from '../../src/services/applications/intake.ts';
import { createAgency } from '../../src/services/staff.service.ts';
import { GRANTED, reply, supervisedAgencies } from '../../src/services/report-workspace/workspace.fixture.ts';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import { counterApplication, publishThroughReview } from '../support/fixtures.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

interface RankedRow {
  agency: { id: number; name: string };
  rank: number | null;
  value: number | null;
  belowMinimum: boolean;
  score: number | null;
  scoreParts: Record<string, number | null>;
}

describe.each(DIALECTS)(
  'the ranking’s minimum volume and 考核 score, and the 法定栏目 check, over HTTP on %s (#12 point 9)',
  (dialect) => {
    let t: TestServer;
    let ids: { government: number; health: number; education: number; outside: number };
    const clock = new TestClock(new Date('2025-03-03T02:00:00Z'));
    beforeAll(async () => {
      t = await startTestServer(dialect, { now: clock.now });
      const a = await supervisedAgencies(t.app.ctx, 'K');
      const outside = await createAgency(t.app.ctx, 'system', {
        code: 'KX',
        name: 'K区司法局',
        kind: 'department',
        parentId: a.government.agency.id,
      });
      ids = {
        government: a.government.agency.id,
        health: a.health.agency.id,
        education: a.education.agency.id,
        outside: outside.id,
      };
      // 卫生健康局: 6 applications, all answered on time; 教育局: 2, answered
      for (const [unit, n] of [
        [a.health, 6],
        [a.education, 2],
      ] as const)
        for (let i = 0; i < n; i++) {
          clock.set('2025-03-03T02:00:00Z');
          const { application } = await registerByStaff(
            t.app.ctx,
            unit.staff.registrar,
            counterApplication('2025-03-03'),
          );
          clock.set('2025-03-10T02:00:00Z');
          await reply(t.app.ctx, unit.staff, application.id, GRANTED);
        }
      // catalog: 卫生健康局 publishes 机构职能 in 2024 (stale by 2026-02) and 行政许可 recently; 教育局 nothing
      const publish = async (day: string, categoryCode: string, title: string) => {
        clock.set(`${day}T02:00:00Z`);
        await publishThroughReview(t.app.ctx, a.health.staff, ids.health, {
          title,
          publisher: 'K区卫生健康局',
          categoryCode,
          body: `${title}。`,
        });
      };
      await publish('2024-06-03', 'jgzn', '本局主要职责');
      await publish('2025-12-15', 'xzxk', '医疗机构执业许可公示');
      await publish('2026-01-20', 'xzxk', '护士执业注册公示');
      clock.set('2026-02-10T02:00:00Z');
    });
    afterAll(() => t?.close());

    it('refuses 考核 weights that are negative, not whole or do not sum to 100, naming the field, and keeps nothing', async () => {
      const supervisor = await loginAs(t.server, 'kg-supervisor');
      const weights = {
        onTimeSubmission: 20,
        tableConsistency: 20,
        replyTimeliness: 30,
        appealCorrection: 15,
        proactiveTimeliness: 15,
      };
      for (const [body, field, message] of [
        [
          { scoreWeights: { ...weights, replyTimeliness: -30 } },
          'supervision.scoreWeights.replyTimeliness',
          /“答复及时率”的权重应为 0 到 100 的整数/,
        ],
        [
          { scoreWeights: { ...weights, onTimeSubmission: 25 } },
          'supervision.scoreWeights',
          /考核权重合计应为 100，现为 105/,
        ],
        [{ rankMinimum: 2.5 }, 'supervision.rankMinimum', /参与排名的最低申请量/],
        [
          { columnStaleMonths: { budget: 500 } },
          'supervision.columnStaleMonths.budget',
          /“财政预决算”的更新周期/,
        ],
      ] as const) {
        const r = await supervisor.request('PUT', '/api/supervision/settings', body);
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json()).toMatchObject({ error: { field, message: expect.stringMatching(message) } });
      }
      const events = await t.app.database.db
        .selectFrom('events')
        .select('action')
        .where('action', '=', 'update_supervision_settings')
        .execute();
      expect(events).toHaveLength(0);
      const handler = await loginAs(t.server, 'kh-handler');
      expect((await handler.request('PUT', '/api/supervision/settings', { rankMinimum: 1 })).statusCode).toBe(
        403,
      );
    });

    it('stores the office’s weights and minimum (audited) and ranks by the 考核 score, the small agency apart', async () => {
      const supervisor = await loginAs(t.server, 'kg-supervisor');
      const put = await supervisor.request('PUT', '/api/supervision/settings', {
        rankMinimum: 5,
        scoreWeights: {
          onTimeSubmission: 10,
          tableConsistency: 10,
          replyTimeliness: 50,
          appealCorrection: 10,
          proactiveTimeliness: 20,
        },
        columnStaleMonths: { licensing: 1 },
      });
      expect(put.statusCode, put.body).toBe(200);
      const event = await t.app.database.db
        .selectFrom('events')
        .select(['data', 'actor'])
        .where('action', '=', 'update_supervision_settings')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(event.data).after.scoreWeights.replyTimeliness).toBe(50);
      const r = await supervisor.request('GET', '/api/supervision/performance?year=2025&rank=score');
      expect(r.statusCode, r.body).toBe(200);
      const view = r.json() as {
        metricLabel: string;
        rankMinimum: number;
        scoreMeasures: { key: string; label: string; weight: number; definition: string; source: string }[];
        agencies: RankedRow[];
      };
      expect(view.metricLabel).toBe('考核综合得分');
      expect(view.rankMinimum).toBe(5);
      expect(view.scoreMeasures.map((m) => [m.label, m.weight])).toEqual([
        ['按时报送', 10],
        ['表格一致性', 10],
        ['答复及时率', 50],
        ['复议诉讼纠错率', 10],
        ['主动公开及时率', 20],
      ]);
      const row = (id: number) => view.agencies.find((a) => a.agency.id === id)!;
      // 2025 report not submitted by 31 January: 按时报送 0, 表格一致性 not counted; replies 100 %;
      // no appeal: 100; nothing published in 2025 but one on time (15 December)
      expect(row(ids.health).scoreParts).toEqual({
        onTimeSubmission: 0,
        tableConsistency: null,
        replyTimeliness: 100,
        appealCorrection: 100,
        proactiveTimeliness: 100,
      });
      // (10×0 + 50×100 + 10×100 + 20×100) ÷ 90 = 88.9
      expect(row(ids.health)).toMatchObject({ rank: 1, value: 88.9, score: 88.9, belowMinimum: false });
      expect(row(ids.education)).toMatchObject({ rank: null, belowMinimum: true });
      expect(row(ids.education).value).not.toBeNull();
      const order = view.agencies.map((a) => a.agency.id);
      expect(order.indexOf(ids.education)).toBeGreaterThan(order.indexOf(ids.health));
      // the same minimum applies to any figure
      const byRate = (
        await supervisor.request('GET', '/api/supervision/performance?year=2025&rank=onTimeRate')
      ).json() as { agencies: RankedRow[] };
      expect(byRate.agencies.find((a) => a.agency.id === ids.education)).toMatchObject({
        rank: null,
        value: 100,
      });
      // the XLSX ranking sheet carries the score, its parts under their weights, and why an agency is not ranked
      const xlsx = await supervisor.request(
        'GET',
        '/api/supervision/performance/export?year=2025&rank=score&to=xlsx',
      );
      expect(xlsx.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('按机关排名')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(
        expect.arrayContaining(['排名（考核综合得分）', '考核综合得分', '答复及时率（权重 50）', '备注']),
      );
      const cells = (name: string) => {
        let found: unknown[] = [];
        sheet.eachRow((row) => {
          const values = (row.values as unknown[]).slice(1);
          if (values[2] === name) found = values;
        });
        return Object.fromEntries(header.map((h, i) => [h, found[i] ?? null]));
      };
      expect(cells('K区卫生健康局')).toMatchObject({
        '排名（考核综合得分）': 1,
        考核综合得分: 88.9,
        '按时报送（权重 10）': 0,
      });
      expect(cells('K区教育局')).toMatchObject({
        '排名（考核综合得分）': null,
        备注: '收到申请少于 5 件，不参与排名',
      });
    });

    it('shows each subordinate portal’s empty and stale statutory columns with their counts, and exports them', async () => {
      const supervisor = await loginAs(t.server, 'kg-supervisor');
      const r = await supervisor.request('GET', '/api/supervision/columns');
      expect(r.statusCode, r.body).toBe(200);
      const view = r.json() as {
        summary: { agencies: number; withProblems: number; notOnPlatform: number };
        rows: {
          agency: { id: number; onPlatform: boolean };
          columns:
            | {
                key: string;
                state: string;
                total: number;
                recent: number;
                lastOn: string | null;
                staleMonths: number;
              }[]
            | null;
          problems: number | null;
        }[];
      };
      expect(view.summary).toMatchObject({ agencies: 3, notOnPlatform: 1 });
      const columns = (id: number) =>
        Object.fromEntries(view.rows.find((x) => x.agency.id === id)!.columns!.map((c) => [c.key, c]));
      const health = columns(ids.health);
      expect(health.functions).toMatchObject({ state: 'stale', total: 1, recent: 0, lastOn: '2024-06-03' });
      // the office set 1 month for 行政许可: the item of 20 January counts, that of 15 December does not
      expect(health.licensing).toMatchObject({ state: 'current', total: 2, recent: 1, staleMonths: 1 });
      expect(health.budget).toMatchObject({ state: 'empty', total: 0 });
      expect(health.rules).toMatchObject({ state: 'missing' });
      expect(health.guide).toMatchObject({ state: 'generated' });
      expect(columns(ids.education).functions).toMatchObject({ state: 'empty', total: 0 });
      expect(view.rows.find((x) => x.agency.id === ids.outside)).toMatchObject({
        columns: null,
        problems: null,
      });
      const csv = await supervisor.request('GET', '/api/supervision/columns/export?to=csv');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-disposition']).toContain(encodeURIComponent('法定栏目检查'));
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        '机构代码,机关名称,一级栏目,栏目,依据,状态,更新周期（月）,统计起点,已公开信息,期间内公开,最近发布日期,对应分类',
      );
      expect(lines).toContain(
        'KH,K区卫生健康局,法定主动公开内容,机构职能,条例第二十条第（二）项,未及时更新,12,2025-02-10,1,0,2024-06-03,jgzn',
      );
      // 卫生健康局's 行政许可 is current: not listed; 教育局's is empty: listed
      expect(lines.some((l) => l.startsWith('KH,') && l.includes(',行政许可,'))).toBe(false);
      expect(
        lines.some((l) => l.startsWith('KE,') && l.includes(',行政许可,') && l.includes(',空栏目,')),
      ).toBe(true);
      const xlsx = await supervisor.request('GET', '/api/supervision/columns/export?to=xlsx&all=true');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      // outside the subtree: not found; an agency's own staff: not a supervisor
      const other = await loginAs(t.server, 'kh-supervisor');
      expect((await other.request('GET', `/api/supervision/columns?root=${ids.education}`)).statusCode).toBe(
        404,
      );
      const head = await loginAs(t.server, 'kh-head');
      expect((await head.request('GET', '/api/supervision/columns')).statusCode).toBe(403);
    });
  },
);
