import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewAction } from '../../src/domain/catalog/index.ts';
import { createItem } from '../../src/services/catalog/item.service.ts';
import { listMatters, loadHealthStarter } from '../../src/services/catalog/matter.service.ts';
import { actOnItem } from '../../src/services/catalog/review.service.ts';
import { axeViolations } from '../support/browser.ts';
import type { Staff } from '../support/fixtures.ts';
import { agencyWithStaff } from '../support/fixtures.ts';
import type { ConsoleHarness } from './console-setup.ts';
import { startConsole } from './console-setup.ts';
import {
  a11y,
  choose,
  chooseTree,
  poll,
  sendingClick,
  shot,
  signIn,
  signOut,
  typeDate,
} from './console-helpers.ts';

/**
 * Issue 18 in Chromium: the administrator loads the 卫生健康 standard catalog and adds a 事项 of her own; a handler
 * files an item under a 7-working-day 事项 and sees its deadline; a 规范性文件 without its 解读 is flagged; the
 * coverage tab shows the gaps; the supervisor sees the agency below; the portal's catalog page lists 事项 → items
 * and a document and its 解读 link each other.
 */
describe('the standard catalog in Chromium', { timeout: 300_000 }, () => {
  let h: ConsoleHarness;
  let page: Page;
  let url: string;
  let documentId = 0;
  let interpretationId = 0;
  beforeAll(async () => {
    h = await startConsole('2026-03-09T02:00:00Z'); // a Monday, 10:00 in China
    ({ page } = h);
    url = h.t.url;
    // a 卫生院 below GK1, with the catalog and nothing published: the supervisor's view shows its gaps
    const child = await agencyWithStaff(h.t.app.ctx, 'GKC', '某镇卫生院');
    await h.t.app.database.db
      .updateTable('agencies')
      .set({ parent_id: h.agency.id })
      .where('id', '=', child.agency.id)
      .execute();
    await loadHealthStarter(h.t.app.ctx, child.staff.admin, child.agency.id);
  }, 180_000);
  afterAll(() => h?.close());

  async function publish(
    id: number,
    steps: readonly ReviewAction[] = ['submit', 'approve', 'pass_secrecy', 'sign', 'publish'],
  ) {
    const by: Record<ReviewAction, Staff> = {
      submit: h.staff.handler,
      approve: h.staff.reviewer,
      pass_secrecy: h.staff.reviewer,
      sign: h.staff.head,
      publish: h.staff.head,
      return: h.staff.reviewer,
      expire: h.staff.head,
      repeal: h.staff.head,
      withdraw: h.staff.head,
    };
    for (const action of steps) await actOnItem(h.t.app.ctx, by[action], id, action);
  }

  it('the administrator loads the starter set and adds her own 事项', async () => {
    await signIn(page, url, 'gk1-admin');
    await page.getByRole('menuitem', { name: '标准目录' }).click();
    await page.getByRole('heading', { name: '政务公开事项标准目录' }).waitFor();
    await page.getByText('尚未建立标准目录').waitFor();
    await page.getByRole('button', { name: '载入卫生健康起步目录' }).click();
    const loaded = await sendingClick(
      page,
      page.locator('.ant-popover').getByRole('button', { name: '载入' }),
    );
    expect(loaded?.status()).toBe(200);
    await poll(() => page.getByText(/新增 \d+ 个事项/).innerText()).toBe('新增 19 个事项，更新 0 个事项');
    const row = page.locator('tr.ant-table-row').filter({ hasText: '医疗机构执业登记' });
    expect(await row.innerText()).toContain('按 7个工作日 检查');
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-standards-matters');

    await page.getByRole('button', { name: '新增事项' }).click();
    const d = page.getByRole('dialog', { name: '新增公开事项' });
    await d.getByLabel('一级事项').fill('医疗服务');
    await d.getByLabel('公开时限').fill('信息形成之日起10个工作日内');
    await d.getByRole('button', { name: '保存' }).click();
    await poll(() => d.getByText('请填写二级事项').isVisible()).toBe(true);
    await d.getByLabel('二级事项').fill('院前急救网络');
    expect((await sendingClick(page, d.getByRole('button', { name: '保存' })))?.status()).toBe(201);
    await d.waitFor({ state: 'hidden' });
    await poll(() =>
      page.locator('tr.ant-table-row').filter({ hasText: '院前急救网络' }).innerText(),
    ).toContain('按 10个工作日 检查');
    await signOut(page);
  });

  it('a handler files an item under a 7-WD 事项; a 规范性文件 without 解读 is flagged', async () => {
    await signIn(page, url, 'gk1-handler');
    await page.getByRole('menuitem', { name: '主动公开' }).click();
    await page.getByRole('button', { name: '起草信息' }).click();
    const editor = page.getByRole('dialog', { name: '起草政府信息' });
    await editor.getByLabel('标题').fill('医疗机构执业登记结果公示（2026年第1期）');
    await typeDate(editor.getByLabel('成文日期'), '2026-03-09');
    await chooseTree(page, editor.getByLabel('目录分类'), '行政许可');
    await choose(page, editor.getByLabel('公开事项（标准目录）'), '医疗服务 / 医疗机构执业登记');
    await sendingClick(page, editor.getByRole('button', { name: '保存草稿' }));
    await page.waitForURL(/\/console\/catalog\/items\/\d+$/);
    const meta = page.locator('.ant-card').filter({ hasText: '元数据' });
    await poll(() => meta.innerText()).toContain(
      '医疗服务 / 医疗机构执业登记（公开时限：作出行政许可决定之日起7个工作日内，按7个工作日计）',
    );
    expect(await meta.innerText()).toContain('待公开（2026-03-18 前）');

    const matters = await listMatters(h.t.app.ctx, h.staff.handler, h.agency.id);
    const doc = await createItem(h.t.app.ctx, h.staff.handler, h.agency.id, {
      title: '某区卫生健康局关于规范家庭医生签约服务的通知',
      publisher: '某区卫生健康局',
      docNumber: '某区卫健发〔2026〕8号',
      writtenOn: '2026-03-06',
      categoryCode: 'gfxwj',
      matterId: matters.find((m) => m.level2 === '行政规范性文件')!.id,
      body: '一、签约对象\n二、服务内容',
    });
    documentId = doc.id;
    await page.goto(`${url}/console/catalog/items/${doc.id}`);
    await poll(() => page.getByTestId('interpretation-state').innerText()).toBe('缺少政策解读');
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-item-missing-interpretation');

    const interpretation = await createItem(h.t.app.ctx, h.staff.handler, h.agency.id, {
      title: '《关于规范家庭医生签约服务的通知》图解',
      publisher: '某区卫生健康局',
      writtenOn: '2026-03-06',
      categoryCode: 'zcjd',
      matterId: matters.find((m) => m.level2 === '政策解读')!.id,
      kind: 'interpretation',
      interpretsItemId: doc.id,
      interpretationForm: 'graphic',
      body: '一图读懂家庭医生签约服务。',
    });
    interpretationId = interpretation.id;
    await publish(interpretation.id, ['submit', 'approve', 'pass_secrecy', 'sign']);
    await publish(doc.id);
    await page.reload();
    await poll(() => page.getByTestId('interpretation-state').innerText()).toBe('解读已发布');
    await page.getByRole('link', { name: '《关于规范家庭医生签约服务的通知》图解' }).click();
    await poll(() => page.locator('.ant-card').filter({ hasText: '元数据' }).innerText()).toContain(
      '解读的文件',
    );
  });

  it('the coverage tab shows the gaps', async () => {
    await page.getByRole('menuitem', { name: '标准目录' }).click();
    await page.getByRole('tab', { name: '落实情况' }).click();
    await poll(() => page.getByTestId('coverage-totals').innerText()).toMatch(/缺项 \d+ 个/);
    const licence = page.locator('tr.ant-table-row').filter({ hasText: '医疗机构执业登记' });
    expect(await licence.innerText()).toContain('缺项'); // still a draft: nothing public yet
    const normative = page.locator('tr.ant-table-row').filter({ hasText: '行政规范性文件' });
    expect(await normative.innerText()).toContain('已公开');
    expect(await page.getByText(/个主动公开事项没有公开信息/).isVisible()).toBe(true);
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-standards-coverage');
    await signOut(page);
  });

  it('the supervisor sees the agency below it with its gaps', async () => {
    await signIn(page, url, 'gk1-supervisor');
    await page.getByRole('menuitem', { name: '标准目录督查' }).click();
    await page.getByRole('heading', { name: '所辖机关标准目录落实情况' }).waitFor();
    const row = page.locator('tr.ant-table-row').filter({ hasText: '某镇卫生院' });
    await poll(() => row.innerText()).toContain('机构信息 / 机构职能');
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-supervision-standards');
    await signOut(page);
  });

  it('the portal: home and 指南 link the catalog page; 事项 → items; document and 解读 link each other', async () => {
    const portal = await h.browser.newPage({ locale: 'zh-CN' });
    await portal.goto(`${url}/?agency=GK1`);
    await portal.getByRole('link', { name: '政务公开事项标准目录' }).click();
    await portal.waitForURL(/\/standards\?agency=GK1$/);
    await portal.getByRole('heading', { level: 1, name: '某区卫生健康局政务公开事项标准目录' }).waitFor();
    const normative = portal.locator('article.matter').filter({ hasText: '行政规范性文件' }).first();
    expect(await normative.innerText()).toContain('某区卫生健康局关于规范家庭医生签约服务的通知');
    expect(await portal.locator('script:not([src="/assets/display.js"])').count()).toBe(0);
    expect(await axeViolations(portal)).toEqual([]);
    await portal.goto(`${url}/guide?agency=GK1`);
    expect(await portal.getByRole('link', { name: '政务公开事项标准目录' }).getAttribute('href')).toBe(
      '/standards?agency=GK1',
    );
    await portal.goto(`${url}/items/${documentId}?agency=GK1`);
    await portal.getByRole('navigation', { name: '相关信息' }).getByRole('link', { name: /图解/ }).click();
    await portal.waitForURL(new RegExp(`/items/${interpretationId}\\?agency=GK1$`));
    const related = portal.getByRole('navigation', { name: '相关信息' });
    expect(await related.innerText()).toContain('解读的文件：某区卫生健康局关于规范家庭医生签约服务的通知');
    expect(await axeViolations(portal)).toEqual([]);
    await related.getByRole('link', { name: '政策文件 / 政策解读' }).click();
    await portal.waitForURL(/\/standards\?agency=GK1#matter-\d+$/);
    await portal.close();
  });
});
