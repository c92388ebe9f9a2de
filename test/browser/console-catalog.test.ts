import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleHarness } from './console-setup.ts';
import { startConsole } from './console-setup.ts';
import {
  a11y,
  answerTo,
  chooseTree,
  confirmAction,
  dialog,
  poll,
  shot,
  signIn,
  signOut,
  typeDate,
} from './console-helpers.ts';

describe('the staff console in Chromium: 主动公开', { timeout: 240_000 }, () => {
  let h: ConsoleHarness;
  let page: Page;
  let url: string;
  beforeAll(async () => {
    h = await startConsole('2026-03-09T02:00:00Z'); // a Monday, 10:00 in China
    ({ page } = h);
    url = h.t.url;
  }, 180_000); // may build the console first
  afterAll(() => h?.close());

  const state = () => page.getByTestId('item-state').innerText();
  /** Takes a review action through its dialog and waits for the server to have answered it. */
  async function act(label: string, reason?: string) {
    await page.getByRole('button', { name: label, exact: true }).click();
    const d = dialog(page);
    if (reason) await d.getByLabel('理由').fill(reason);
    await answerTo(page, 'POST', /^\/api\/catalog\/items\/\d+\/actions$/, () =>
      confirmAction(page, d, label),
    );
  }

  it('drafts, reviews, clears a scanner hit and publishes an item', async () => {
    // a handler drafts an item whose body carries a mobile number
    await signIn(page, url, 'gk1-handler');
    await page.getByRole('menuitem', { name: '主动公开' }).click();
    await page.getByRole('heading', { name: '主动公开' }).waitFor();
    await page.getByRole('button', { name: '起草信息' }).click();
    const editor = page.getByRole('dialog', { name: '起草政府信息' });
    await editor.getByLabel('标题').fill('关于公布2026年第一批医疗机构校验结果的通知');
    await editor.getByLabel('文号').fill('某区卫健发〔2026〕5号');
    await typeDate(editor.getByLabel('成文日期'), '2026-03-05');
    await chooseTree(page, editor.getByLabel('目录分类'), '监督检查');
    await editor
      .getByLabel('正文')
      .fill('经校验，以下医疗机构校验合格。\n如有疑问，请联系医政科张医生，电话13812345678。');
    await answerTo(page, 'POST', /^\/api\/catalog\/agencies\/\d+\/items$/, () =>
      editor.getByRole('button', { name: '保存草稿' }).click(),
    );
    await page.waitForURL(/\/console\/catalog\/items\/\d+$/);
    const itemUrl = page.url();
    await poll(state).toBe('草稿');
    const hits = page.getByTestId('scan-hit');
    await poll(() => hits.count()).toBe(1);
    expect(await hits.first().innerText()).toMatch(/手机号码[\s\S]*13812345678/);
    expect(await page.locator('.ant-card').filter({ hasText: '元数据' }).innerText()).toContain(
      '待公开（2026-04-02 前）',
    );
    await act('提交审核');
    await poll(state).toBe('待审核');
    await signOut(page);

    // the reviewer finds it in the queue, approves, and cannot pass 保密审查 before clearing the hit
    await signIn(page, url, 'gk1-reviewer');
    await page.getByRole('menuitem', { name: '主动公开' }).click();
    await page.getByRole('tab', { name: '审核队列' }).click();
    const queued = page.locator('tr.ant-table-row').filter({ hasText: '医疗机构校验结果' });
    await poll(() => queued.innerText()).toContain('1 处待确认');
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-catalog-queue');
    await queued.getByRole('link').click();
    await act('审核通过');
    await poll(state).toBe('待保密审查');
    await page.getByRole('button', { name: '保密审查通过', exact: true }).click();
    await dialog(page).getByRole('button', { name: '保密审查通过', exact: true }).click();
    await poll(() => dialog(page).getByRole('alert').innerText()).toMatch(/1 处未经审核人确认/);
    await dialog(page).getByRole('button', { name: '取消' }).click();
    await hits.first().getByRole('button', { name: '确认' }).click();
    await page.getByLabel('确认说明').fill('医政科对外公布的工作电话，可以公开');
    await answerTo(page, 'POST', /^\/api\/catalog\/hits\/\d+\/clear$/, () =>
      page.getByRole('button', { name: '确认可以公开' }).click(),
    );
    await poll(() => hits.first().innerText()).toContain('已确认');
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-catalog-item-cleared');
    await act('保密审查通过');
    await poll(state).toBe('待领导签发');
    await signOut(page);

    // the head signs it off and publishes: the 索引号 is assigned
    await signIn(page, url, 'gk1-head');
    await page.goto(itemUrl);
    await act('领导签发');
    await poll(state).toBe('已签发待发布');
    await act('发布');
    await poll(state).toBe('已发布');
    const meta = page.locator('.ant-card').filter({ hasText: '元数据' });
    await poll(() => meta.innerText()).toMatch(/GK1\/2026-00001/);
    await poll(() => meta.innerText()).toContain('按时公开');
    await poll(() => page.getByTestId('item-event').locator('strong').allInnerTexts()).toEqual([
      '起草',
      '提交审核',
      '审核通过',
      '确认敏感信息检查结果',
      '保密审查通过',
      '领导签发',
      '发布',
    ]);
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-catalog-published');
  });

  it('keeps the register of 规章 and 规范性文件 that table 二 counts', async () => {
    await signIn(page, url, 'gk1-head');
    await page.getByRole('menuitem', { name: '主动公开' }).click();
    await page.getByRole('tab', { name: '规章和规范性文件' }).click();
    await page.getByRole('button', { name: '登记文件' }).click();
    const d = dialog(page);
    await d.getByLabel('名称').fill('某区医疗机构校验管理办法');
    await d.getByLabel('文号').fill('某区卫健规〔2026〕1号');
    await typeDate(d.getByLabel('制发日期'), '2026-02-10');
    await typeDate(d.getByLabel('施行日期'), '2026-03-01');
    await d.getByRole('button', { name: '保存' }).click();
    await d.waitFor({ state: 'detached' });
    const row = page
      .getByRole('main')
      .locator('tr.ant-table-row')
      .filter({ hasText: '某区医疗机构校验管理办法' });
    expect(await row.innerText()).toMatch(/行政规范性文件[\s\S]*现行有效/);
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-catalog-normative');
    await page.getByRole('tab', { name: '表二其他系统数据' }).click();
    await page.getByLabel('年度').fill('2026');
    await poll(() => page.getByRole('main').locator('tr.ant-table-row').count()).toBe(4);
    expect(await a11y(page)).toEqual([]);
  });
});
