import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerByStaff } from '../../src/services/applications/intake.ts';
import { counterApplication } from '../support/fixtures.ts';
import type { ConsoleHarness } from './console-setup.ts';
import { startConsole } from './console-setup.ts';
import {
  a11y,
  choose,
  confirmAction,
  dialog,
  poll,
  settle,
  shot,
  signIn,
  signOut,
} from './console-helpers.ts';

/** How far the page scrolls sideways: its scroll width against the window's width. */
const overflow = (page: Page) =>
  page.evaluate(
    () => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth,
  );

/** The elements reaching past the right edge (to say what breaks when a check fails). */
const wide = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter(
        (e) =>
          e.getBoundingClientRect().right > window.innerWidth + 1 &&
          // tables scroll inside their own box (reachable by keyboard); nothing else may reach past the edge
          !e.closest('.ant-table-content, .report-table-wrap'),
      )
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}`,
      ),
  );

/** Issue 12 point 8: the console at phone width (390 × 844) — no sideways page scroll, navigation usable. */
describe('the console at 390 px in Chromium', { timeout: 240_000 }, () => {
  let h: ConsoleHarness;
  let page: Page;
  let id: number;
  beforeAll(async () => {
    h = await startConsole('2026-03-02T02:00:00Z');
    ({ page } = h);
    id = (await registerByStaff(h.t.app.ctx, h.staff.registrar, counterApplication('2026-03-02'))).application
      .id;
    await page.setViewportSize({ width: 390, height: 844 });
  }, 180_000);
  afterAll(() => h?.close());

  const check = async (name: string) => {
    await settle(page);
    expect(await wide(page), name).toEqual([]);
    expect(await overflow(page), name).toBeLessThanOrEqual(0);
    expect(await a11y(page)).toEqual([]);
    await shot(page, `console-390-${name}`);
  };

  /** Opens the folded navigation, picks an entry, and sees the menu fold away again. */
  const navigateTo = async (entry: string) => {
    const toggle = page.getByRole('button', { name: '导航菜单' });
    await toggle.click();
    await poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('menuitem', { name: entry }).click();
    await poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
  };

  it('the inbox and the case file', async () => {
    await signIn(page, h.t.url, 'gk1-head');
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    // the navigation is folded: the page has the whole width
    expect(await page.getByRole('menuitem', { name: '依申请公开' }).isVisible()).toBe(false);
    await check('inbox');
    await page.goto(`${h.t.url}/console/applications/${id}`);
    await page.getByTestId('application-state').waitFor();
    await check('case-file');
    await navigateTo('待办提醒');
    await page.getByTestId('reminder-counts').waitFor();
    await check('reminders');
  });

  it('the report workspace, reached through the navigation', async () => {
    await navigateTo('年度报告');
    await page
      .getByRole('heading', { name: /年度报告/ })
      .first()
      .waitFor();
    await page.goto(`${h.t.url}/console/reports/2026`);
    await page.getByRole('button', { name: '开始编制' }).click();
    await confirmAction(page, dialog(page), '开始编制');
    await poll(() => page.getByTestId('report-status').innerText()).toBe('起草中');
    await page.getByRole('button', { name: /表三“一、本年新收”行“总计”列：1，查看明细/ }).waitFor();
    await check('report');
  });

  it('the supervision screens', async () => {
    await signOut(page);
    await signIn(page, h.t.url, 'gk1-supervisor');
    await navigateTo('监督汇总');
    await page.getByRole('heading', { name: /监督汇总/ }).waitFor();
    await page.locator('tr.ant-table-row').first().waitFor();
    await check('supervision');
    // the tabs become a list to choose from (a tab strip would scroll sideways)
    await choose(page, page.getByLabel('查看'), '法定栏目');
    await page.getByTestId('columns-definitions').waitFor();
    await check('supervision-columns');
  });
});
