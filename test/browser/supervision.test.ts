import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access/roles.ts';
import { encodeReport, getCell, setCell } from '../../src/domain/report/index.ts';
import { registerByStaff } from '../../src/services/applications/intake.ts';
import type { Staff } from '../../src/services/report-workspace/workspace.fixture.ts';
import {
  finishReport,
  GRANTED,
  REPEAT,
  reply,
} from '../../src/services/report-workspace/workspace.fixture.ts';
import { changeStatus } from '../../src/services/report-workspace/transitions.service.ts';
import { startReport } from '../../src/services/report-workspace/workspace.service.ts';
import { collectReport } from '../../src/services/supervision/collect.service.ts';
import { publishThroughReview } from '../support/fixtures.ts';
import type { Hierarchy } from '../../src/services/supervision/supervision.fixture.ts';
import { supervisionHierarchy } from '../../src/services/supervision/supervision.fixture.ts';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { TestClock } from '../support/context.ts';
import { counterApplication } from '../support/fixtures.ts';
import { consistentReport, withNarrative } from '../support/report-arbitrary.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';
import { ensureConsoleBuilt } from './console-build.ts';
import { a11y, answerTo, choose, dialog, poll, shot, signIn, signOut } from './console-helpers.ts';

const YEAR = 2025;
const reportJson = (seed: number, copyLicensing = false) => {
  let n = seed;
  const report = consistentReport('2021', () => (n = (n * 1103 + 12345) % 9973) % 90, YEAR);
  // the figure copied from 行政许可 into 本年新收 (seed 000): an outlier the checks flag
  if (copyLicensing)
    setCell(report, 'active', 'licensing', 'decisions', getCell(report, 'requests', 'new_received', 'total'));
  return JSON.stringify(encodeReport(withNarrative(report)));
};

describe('supervision in Chromium: collection, return, clear, rollup export', { timeout: 180_000 }, () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let h: Hierarchy;

  beforeAll(async () => {
    ensureConsoleBuilt();
    const clock = new TestClock(new Date('2026-02-10T02:00:00Z'));
    t = await startTestServer('sqlite', { listen: true, now: clock.now });
    h = await supervisionHierarchy(t.app.ctx, 'Z');
    const supervisor = h.staff.citySupervisor;
    // two agencies not on Gongkai sent their reports; one on Gongkai submitted its own
    await collectReport(t.app.ctx, supervisor, h.cityOffice.id, YEAR, {
      json: reportJson(1),
      receivedOn: '2026-01-28',
    });
    await collectReport(t.app.ctx, supervisor, h.cityDepartments[2]!.id, YEAR, {
      json: reportJson(2, true),
      receivedOn: '2026-02-03',
    });
    const [health] = h.staff.cityDepartment;
    // a year of applications at the city's 卫生健康委员会: some answered on time, one late, one still open
    const roles = Object.fromEntries(
      (['registrar', 'handler', 'reviewer', 'head'] as Role[]).map((r, i) => [
        r,
        { ...health, userId: health.userId + 100 + i, roles: [r] },
      ]),
    ) as Record<Role, Staff>;
    const ids: number[] = [];
    for (const [day, n] of [
      ['2025-03-03', 3],
      ['2025-06-09', 2],
      ['2025-09-15', 4],
    ] as const) {
      clock.set(`${day}T02:00:00Z`);
      for (let i = 0; i < n; i++)
        ids.push((await registerByStaff(t.app.ctx, roles.registrar, counterApplication(day))).application.id);
    }
    for (const [day, id, decision] of [
      ['2025-03-17', ids[0]!, GRANTED],
      ['2025-03-20', ids[1]!, REPEAT],
      ['2025-05-06', ids[2]!, GRANTED],
      ['2025-06-20', ids[3]!, GRANTED],
      ['2025-07-01', ids[4]!, GRANTED],
      ['2025-09-30', ids[5]!, GRANTED],
      ['2025-10-20', ids[6]!, REPEAT],
    ] as const) {
      clock.set(`${day}T02:00:00Z`);
      await reply(t.app.ctx, roles, id, decision);
    }
    // 教育局: two applications only — below the minimum volume of the ranking
    const [, education] = h.staff.cityDepartment;
    const eduRoles = Object.fromEntries(
      (['registrar', 'handler', 'reviewer', 'head'] as Role[]).map((r, i) => [
        r,
        { ...education, userId: education.userId + 200 + i, roles: [r] },
      ]),
    ) as Record<Role, Staff>;
    for (const day of ['2025-04-01', '2025-04-02']) {
      clock.set(`${day}T02:00:00Z`);
      const { application } = await registerByStaff(t.app.ctx, eduRoles.registrar, counterApplication(day));
      clock.set('2025-04-20T02:00:00Z');
      await reply(t.app.ctx, eduRoles, application.id, GRANTED);
    }
    // the 卫生健康委员会's portal: 机构职能 in 2024 (stale by 2026), 行政许可 in January 2026
    for (const [day, categoryCode, title] of [
      ['2024-05-06', 'jgzn', '本委主要职责'],
      ['2026-01-12', 'xzxk', '医疗机构执业许可公示'],
    ] as const) {
      clock.set(`${day}T02:00:00Z`);
      await publishThroughReview(t.app.ctx, roles, h.cityDepartments[0]!.id, {
        title,
        publisher: '某市卫生健康委员会',
        categoryCode,
        body: `${title}。`,
      });
    }
    clock.set('2026-01-30T02:00:00Z');
    await startReport(t.app.ctx, health, h.cityDepartments[0]!.id, YEAR);
    await finishReport(t.app.ctx, health, h.cityDepartments[0]!.id, YEAR);
    await changeStatus(t.app.ctx, health, h.cityDepartments[0]!.id, YEAR, 'submit');
    clock.set('2026-02-10T02:00:00Z');
    // 教育局 drafts its 2026 report, finished, before the year has ended
    await startReport(t.app.ctx, education, h.cityDepartments[1]!.id, YEAR + 1);
    await finishReport(t.app.ctx, education, h.cityDepartments[1]!.id, YEAR + 1);
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const rowOf = (name: string) => page.locator('tr.ant-table-row', { hasText: name });

  it('a supervisor opens the year’s collection: every agency, status, deadline, on time or late', async () => {
    await signIn(page, t.url, 'z-city-supervisor');
    await page.getByRole('menuitem', { name: '监督汇总' }).click();
    await page.goto(`${t.url}/console/supervision?year=${YEAR}`);
    await page.getByRole('heading', { name: `${YEAR}年度 监督汇总` }).waitFor();
    await expect.poll(() => rowOf('某市公安局').count()).toBe(1);
    expect(await rowOf('某市人民政府办公室').innerText()).toMatch(/已报送待审核[\s\S]*按时报送/);
    expect(await rowOf('某市公安局').innerText()).toMatch(/已报送待审核[\s\S]*逾期报送[\s\S]*2026-02-03/);
    expect(await rowOf('某市卫生健康委员会').innerText()).toMatch(/已报送待审核[\s\S]*按时报送/);
    expect(await rowOf('某市教育局').innerText()).toMatch(/未开始[\s\S]*逾期未报送/);
    expect(await rowOf('某市A区人民政府').first().innerText()).toMatch(/2026-03-31[\s\S]*未到期/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'supervision-collection');
  });

  it('returns one report with a comment and clears another, each confirmed with its 审核意见', async () => {
    await page.getByRole('button', { name: '审核：某市人民政府办公室' }).click();
    let d = dialog(page);
    await d.locator('.ant-radio-button-wrapper', { hasText: '退回修改' }).click();
    await d.getByLabel(/退回理由/).fill('表三“二、上年结转”与上年度报告不一致，请核对后重新报送');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'supervision-return');
    await d.getByRole('button', { name: '退回修改' }).click();
    await d.getByTestId('review-confirm').waitFor();
    await d.getByRole('button', { name: '确认退回修改' }).click();
    await d.waitFor({ state: 'detached' }).catch(async () => {
      throw new Error(await d.innerText());
    });
    await poll(() => rowOf('某市人民政府办公室').innerText()).toMatch(/已退回修改/);
    await page.getByRole('button', { name: '审核：某市公安局' }).click();
    d = dialog(page);
    await d.getByLabel('审核意见').fill('通过，请按时公开');
    await d.getByRole('button', { name: '审核通过' }).click();
    await d.getByRole('button', { name: '确认审核通过' }).click();
    await poll(() => rowOf('某市公安局').innerText()).toMatch(/审核通过待公开/);
    const events = await t.app.database.db
      .selectFrom('events')
      .select(['action', 'data'])
      .where('entity_type', '=', 'annual_report')
      .where('action', 'in', ['return', 'clear'])
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual(['clear', 'return']);
    expect(events.find((e) => e.action === 'return')!.data).toContain('上年结转');
    expect(events.find((e) => e.action === 'clear')!.data).toContain('通过，请按时公开');
  });

  it('shows the findings across agencies', async () => {
    await page.getByRole('tab', { name: '跨机关核对' }).click();
    await page.getByText('已核对报告').waitFor();
    const outlier = page.locator('tr.ant-table-row', { hasText: '可能误把行政许可数量填入了表三' });
    await expect.poll(() => outlier.count()).toBe(1);
    expect(await outlier.innerText()).toMatch(/某市公安局[\s\S]*异常数值/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'supervision-checks');
  });

  it('shows the rollup, breaks a cell down by agency, and exports it', async () => {
    await page.getByRole('tab', { name: '汇总表' }).click();
    await page.getByText(/已汇总 2 个机关的年度报告/).waitFor();
    const cell = page.getByRole('button', { name: /表三“一、本年新收”行“总计”列：\d+，查看分机关明细/ });
    await cell.click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('某市公安局').waitFor();
    expect(await drawer.innerText()).toContain('某市卫生健康委员会');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'supervision-rollup-cell');
    await drawer.getByRole('button', { name: /关闭|Close/ }).click();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'supervision-rollup');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /导出 XLSX/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`某市人民政府${YEAR}年政府信息公开工作年度报告汇总表.xlsx`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows the performance dashboard with charts', async () => {
    await page.getByRole('tab', { name: '工作绩效' }).click();
    await page.getByRole('img', { name: /各月收到申请/ }).waitFor();
    await page.locator('svg').first().waitFor();
    const ranked = page.locator('tr.ant-table-row', { hasText: '某市卫生健康委员会' });
    expect(await ranked.innerText()).toMatch(/^1\s+某市卫生健康委员会\s+9\s+7/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'supervision-performance');
  });

  it('sends a 催报 to an overdue agency from its row, and the row counts it', async () => {
    await page.goto(`${t.url}/console/supervision?year=${YEAR}&tab=collection`);
    await page.getByRole('heading', { name: `${YEAR}年度 监督汇总` }).waitFor();
    const button = page.getByRole('button', { name: '催报：某市教育局' });
    await answerTo(page, 'POST', /\/api\/supervision\/reports\/\d+\/2025\/urge$/, () => button.click());
    await page.getByText('已向某市教育局催报').waitFor();
    await poll(() => button.innerText()).toMatch(/催报（已 1 次）/);
    const urges = await t.app.database.db
      .selectFrom('events')
      .select('action')
      .where('entity_type', '=', 'report_urge')
      .execute();
    expect(urges.map((e) => e.action)).toEqual(['urge']);
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'supervision-urge');
  });

  it('exports the 通报名单: the overdue and late agencies, with the 催报 count', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出通报名单 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`某市人民政府${YEAR}年度报告报送情况通报名单.csv`);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('机构代码,机关名称,报送期限,期限依据,状态,是否按时,收到日期,逾期天数,催报次数');
    expect(lines.find((l) => l.includes(',某市教育局,'))).toMatch(/逾期未报送,,10,1$/);
    expect(lines.find((l) => l.includes(',某市公安局,'))).toMatch(/逾期报送,2026-02-03,3,0$/);
    expect(lines.some((l) => l.includes('某市卫生健康委员会'))).toBe(false);
    await page.getByRole('link', { name: '导出通报名单 CSV' }).focus();
    await shot(page, 'supervision-notice-export');
  });

  it('sets the 考核 weights and the minimum volume (a wrong sum refused), and ranks by the score', async () => {
    await page.getByRole('tab', { name: '设置' }).click();
    await page.getByLabel(/参与排名的最低申请量/).waitFor();
    await page.getByLabel(/参与排名的最低申请量/).fill('5');
    await page.getByLabel('答复及时率', { exact: true }).fill('40');
    await poll(() => page.getByTestId('weight-sum').innerText()).toBe('110');
    const refused = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/api/supervision/settings') && r.request().method() === 'PUT',
      ),
      page.getByRole('button', { name: '保存' }).first().click(),
    ]);
    expect(refused[0].status()).toBe(400);
    await page.getByRole('alert').filter({ hasText: '考核权重合计应为 100，现为 110' }).waitFor();
    await shot(page, 'supervision-weights-refused');
    await page.getByLabel('主动公开及时率', { exact: true }).fill('5');
    await poll(() => page.getByTestId('weight-sum').innerText()).toBe('100');
    await answerTo(page, 'PUT', /\/api\/supervision\/settings$/, () =>
      page.getByRole('button', { name: '保存' }).first().click(),
    );
    await page.getByText('监督参数已保存').waitFor();
    const saved = await t.app.database.db
      .selectFrom('events')
      .select('data')
      .where('action', '=', 'update_supervision_settings')
      .execute();
    expect(saved).toHaveLength(1);
    expect(JSON.parse(saved[0]!.data).after.scoreWeights).toMatchObject({
      replyTimeliness: 40,
      proactiveTimeliness: 5,
    });
    await page.getByRole('tab', { name: '工作绩效' }).click();
    await choose(page, page.getByLabel('排名依据'), '考核综合得分');
    await page.getByTestId('score-definitions').getByText('答复及时率（权重 40）').waitFor();
    const health = page.locator('tr.ant-table-row', { hasText: '某市卫生健康委员会' });
    const education = page.locator('tr.ant-table-row', { hasText: '某市教育局' });
    // 卫健委: 按时报送 100 (submitted 30 January), 表格一致性 100 (no error), 答复及时率 5 of 7 = 71.4,
    // 纠错率 100 (no case), 主动公开 — (nothing published in 2025): (20×100 + 20×100 + 40×71.4 + 15×100) ÷ 95 = 88
    await poll(() => health.innerText()).toMatch(/^1\s+某市卫生健康委员会/);
    expect(await health.innerText()).toMatch(/\s71\.4%[\s\S]*\s88\s+100\s+100\s+71\.4\s+100\s+—$/);
    expect(await education.innerText()).toMatch(/^不排名\s+某市教育局\s+2\s+2/);
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'supervision-ranking');
  });

  it('shows each portal’s statutory columns that are empty or stale, with the counts, and exports them', async () => {
    await page.getByRole('tab', { name: '法定栏目' }).click();
    await page.getByTestId('columns-definitions').waitFor();
    const row = page.locator('tr.ant-table-row', { hasText: '某市卫生健康委员会' });
    await row.waitFor();
    await row.getByRole('button', { name: /展开行|Expand row/ }).click();
    const detail = page.getByRole('table', { name: '某市卫生健康委员会的法定栏目' });
    const column = (label: string) =>
      detail.locator('tr', { has: page.getByRole('cell', { name: label, exact: true }) });
    await poll(() => column('机构职能').innerText()).toMatch(
      /未及时更新\s+0 条（2025-02-10 起，12 个月）\s+1\s+2024-05-06/,
    );
    expect(await column('行政许可').innerText()).toMatch(
      /正常更新\s+1 条（2025-11-10 起，3 个月）\s+1\s+2026-01-12/,
    );
    expect(await column('财政预决算').innerText()).toMatch(/空栏目/);
    expect(await column('政府信息公开制度').innerText()).toMatch(/未设栏目/);
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'supervision-columns');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 CSV' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain(
      '某市卫生健康委员会,法定主动公开内容,机构职能,条例第二十条第（二）项,未及时更新,12,2025-02-10,1,0,2024-05-06,jgzn',
    );
  });

  it('asks the agency to confirm a report submitted before the year has ended', async () => {
    await signOut(page);
    await signIn(page, t.url, 'z-city-education');
    await page.goto(`${t.url}/console/reports/${YEAR + 1}`);
    await page.getByRole('button', { name: '报送上级审核' }).click();
    const d = dialog(page);
    await d
      .getByText(/报告年度尚未结束/)
      .first()
      .waitFor();
    await d.getByRole('button', { name: '报送上级审核' }).click();
    await d.getByText('请确认提前报送').waitFor();
    expect(
      await t.app.database.db
        .selectFrom('annual_reports')
        .select('status')
        .where('year', '=', YEAR + 1)
        .execute(),
    ).toEqual([{ status: 'draft' }]);
    await d.getByLabel('我已知晓报告年度尚未结束，确认提前报送').check();
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'supervision-early-submit');
    await answerTo(page, 'POST', /\/api\/reports\/2026\/actions$/, () =>
      d.getByRole('button', { name: '报送上级审核' }).click(),
    );
    await d.waitFor({ state: 'detached' });
    const events = await t.app.database.db
      .selectFrom('events')
      .select('data')
      .where('entity_type', '=', 'annual_report')
      .where('action', '=', 'submit')
      .execute();
    // recorded as an early submission
    expect(events.filter((e) => JSON.parse(e.data).early === true)).toHaveLength(1);
  });
});
