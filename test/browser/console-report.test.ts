import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act } from '../../src/services/applications/actions.ts';
import { registerByStaff } from '../../src/services/applications/intake.ts';
import { counterApplication, naturalApplicant } from '../support/fixtures.ts';
import type { ConsoleHarness } from './console-setup.ts';
import { startConsole } from './console-setup.ts';
import { a11y, confirmAction, dialog, poll, shot, signIn } from './console-helpers.ts';

describe('the staff console in Chromium: 年度报告', { timeout: 240_000 }, () => {
  let h: ConsoleHarness;
  let page: Page;
  beforeAll(async () => {
    h = await startConsole('2026-03-02T02:00:00Z');
    ({ page } = h);
    const ctx = h.t.app.ctx;
    const { registrar, handler, reviewer, head } = h.staff;
    // 2026: one application answered 予以公开, one still open at the year's end
    const granted = await registerByStaff(ctx, registrar, counterApplication('2026-03-02'));
    await registerByStaff(
      ctx,
      registrar,
      counterApplication('2026-03-02', { applicant: naturalApplicant({ name: '赵磊' }) }),
    );
    const id = granted.application.id;
    await act(ctx, handler, id, { type: 'accept' });
    await act(ctx, handler, id, {
      type: 'submit_decision',
      decision: {
        outcome: 'granted',
        replyType: 'disclosed',
        exemption: null,
        reasons: null,
        responsibleAgency: null,
      },
    });
    await act(ctx, reviewer, id, { type: 'review_decision' });
    await act(ctx, head, id, { type: 'approve_decision' });
    await act(ctx, registrar, id, { type: 'send_reply' });
    h.clock.set('2027-01-12T02:00:00Z'); // January: the 2026 report is due by 31 January
  }, 180_000); // may build the console first
  afterAll(() => h?.close());

  it('opens the year, drills into a cell, fills table 二, fixes a flagged narrative figure, exports and publishes', async () => {
    await signIn(page, h.t.url, 'gk1-head');
    await page.getByRole('menuitem', { name: '年度报告' }).click();
    await page.getByLabel('年度').fill('2026');
    await page.getByRole('button', { name: '打开 2026 年度报告' }).click();
    await page.getByRole('heading', { name: /2026年政府信息公开工作年度报告/ }).waitFor();
    const status = () => page.getByTestId('report-status').innerText();
    expect(await status()).toBe('未开始');
    expect(await page.getByRole('status').innerText()).toMatch(/公开期限 2027-01-31（未到期，还有 19 天）/);
    await page.getByRole('button', { name: '开始编制' }).click();
    await confirmAction(page, dialog(page), '开始编制');
    await poll(status).toBe('起草中');

    // table 三 from the register: the 2 applications behind 本年新收 · 总计
    await page.getByRole('button', { name: /表三“一、本年新收”行“总计”列：2，查看明细/ }).click();
    const drawer = page.getByRole('dialog', { name: /表三“一、本年新收”行“总计”列/ });
    await poll(() => drawer.locator('tbody tr.ant-table-row').count()).toBe(2);
    await shot(page, 'console-report-drilldown');
    await drawer.getByRole('button', { name: '关闭' }).click();

    // table 二 figures from other systems, each with a note
    for (const [label, value] of [
      ['行政许可', '128'],
      ['行政处罚', '37'],
      ['行政强制', '0'],
      ['行政事业性收费', '2.35'],
    ] as const) {
      await page.getByRole('button', { name: new RegExp(`表二“${label}”行.*填报`) }).click();
      const d = dialog(page);
      await d.getByLabel('数值').fill(value);
      await d.getByLabel('说明（数据来源）').fill('据区政务服务平台统计');
      await d.getByRole('button', { name: '保存' }).click();
      await d.waitFor({ state: 'detached' });
    }
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-report-tables');

    // the narrative: a figure that contradicts table 三 is flagged beside the text, and cleared once fixed
    await page.getByRole('tab', { name: '正文' }).click();
    const overview = page.getByLabel('一、总体情况');
    const template = await overview.inputValue();
    expect(template).toContain('本年新收政府信息公开申请2件');
    await overview.fill(template.replace('本年新收政府信息公开申请2件', '本年新收政府信息公开申请5件'));
    await page.getByRole('button', { name: '保存正文并核对' }).click();
    const findings = page.getByTestId('findings');
    await poll(() => findings.innerText()).toMatch(/5/);
    expect(await findings.innerText()).toMatch(/表三/);
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-report-narrative-flagged');
    await overview.fill(
      (await overview.inputValue()).replace('本年新收政府信息公开申请5件', '本年新收政府信息公开申请2件'),
    );
    await page.getByRole('button', { name: '保存正文并核对' }).click();
    await poll(() => findings.innerText()).toContain('正文引用的数字与表格一致');

    // charts of the year
    await page.getByRole('tab', { name: '图表' }).click();
    await poll(() => page.getByTestId('charts').locator('canvas').count()).toBeGreaterThanOrEqual(3);
    await poll(() => page.getByRole('img', { name: /办理结果：（一）予以公开1件/ }).count()).toBe(1);
    await shot(page, 'console-report-charts');

    // export the draft as Word
    await page.getByRole('button', { name: '导出' }).hover();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '导出 Word（DOCX）' }).click();
    expect((await download).suggestedFilename()).toMatch(/2026.*\.docx$/);

    // publish before 31 January
    await page.getByRole('button', { name: '公开发布' }).click();
    await confirmAction(page, dialog(page), '公开发布');
    await poll(status).toBe('已公开');
    expect(await page.getByRole('status').innerText()).toMatch(/按时公开/);
    await page.getByRole('tab', { name: '记录与版本' }).click();
    await poll(() => page.getByText('第 1 版').count()).toBe(1);
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-report-published');
  });
});
