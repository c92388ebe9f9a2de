import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, screenshot } from '../support/browser.ts';

/** expect.poll with a timeout fit for a browser on a busy machine (vitest's default is one second). */
export function poll<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: 30_000, interval: 100 });
}

/** Signs in on the console's login page (and waits for the console frame). */
export async function signIn(page: Page, url: string, username: string, password = 'test-password-1') {
  await page.goto(`${url}/console/`);
  const out = page.getByRole('button', { name: '退出登录' });
  await page.getByRole('button', { name: '登录' }).or(out).waitFor();
  if (await out.isVisible()) await signOut(page);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
}

/**
 * Picks an option of an Ant Design Select by its label text (the option's title). On a busy machine a click can
 * land while the dropdown is still being laid out, and the list can close under the pointer (a blur from the
 * field filled before): then the list is opened and the pick tried again. Done when the list is closed and the
 * select shows the option — judged on the page, not on a time.
 */
export async function choose(page: Page, field: Locator, option: string) {
  // every open list (a TreeSelect's list is an .ant-select-dropdown too: counted, never waited on as one element)
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):visible');
  const item = open.locator('.ant-select-item-option', { hasText: option }).first();
  // the value a single select shows (in .ant-select-content, antd 6) or a tag of a multiple one
  const select = field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
  const shown = select
    .locator('.ant-select-content, .ant-select-selection-item', { hasText: option })
    .first();
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await item.isVisible())) await field.click({ timeout: 10_000 });
      await item.click({ timeout: 10_000 });
      await expect.poll(() => open.count(), { timeout: 10_000, interval: 100 }).toBe(0);
    } catch (error) {
      if (attempt === 5) throw error;
    }
    if ((await shown.isVisible()) && (await open.count()) === 0) return;
    if (attempt === 5) throw new Error(`选择框未显示所选项：${option}`);
  }
}

/** Types a date into an Ant Design DatePicker (Tab commits it; Enter would also submit the form). */
export async function typeDate(field: Locator, date: string) {
  await field.click();
  await field.fill(date);
  await field.press('Tab');
}

/** The open modal dialog (Ant Design Modal). */
export function dialog(page: Page): Locator {
  return page.locator('.ant-modal-wrap:visible [role="dialog"]');
}

/** Opens an action from the application page's action bar and returns its dialog. */
export async function openAction(page: Page, label: string): Promise<Locator> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const d = dialog(page);
  await d.waitFor();
  return d;
}

/** A request that changes something on the server (what an action dialog's OK button sends). */
const isWrite = (method: string, url: string) =>
  method !== 'GET' && new URL(url).pathname.startsWith('/api/');

/**
 * Confirms the open action dialog with its OK button (labelled like the action) and waits for it to close.
 * Waits on the server, not on a time: the click must send its request (on a busy machine a click that lands
 * while the dialog is still settling can be lost — then it is clicked once more, which cannot send twice, as
 * nothing was sent), the answer may take long, and only then must the dialog close.
 */
export async function confirmAction(page: Page, d: Locator, label: string) {
  await sendingClick(page, d.getByRole('button', { name: label, exact: true }), async () =>
    (await d.isVisible()) && (await d.getByRole('alert').count()) === 0 ? 'again' : 'done',
  );
  try {
    await d.waitFor({ state: 'detached' });
  } catch {
    // still open: the server refused — say what the dialog says
    throw new Error(`“${label}”对话框未关闭：${await d.innerText().catch(() => '')}`);
  }
}

/**
 * Clicks a button that sends a write to the server and waits for the server's answer (not for a time). A click
 * that a busy machine lost (nothing sent within 15 s) is tried once more when `retry` says so — by default when
 * the button is still there — which cannot send twice, as nothing was sent. Returns the answer, or null.
 */
export async function sendingClick(
  page: Page,
  button: Locator,
  retry: () => Promise<'again' | 'done'> = async () => ((await button.isVisible()) ? 'again' : 'done'),
) {
  const sent = () =>
    page
      .waitForRequest((r) => isWrite(r.method(), r.url()), { timeout: 15_000 })
      .then(
        (r) => r,
        () => null,
      );
  let request = sent();
  await button.click();
  let answered = await request;
  if (!answered && (await retry()) === 'again') {
    request = sent();
    await button.click();
    answered = await request;
  }
  return (await answered?.response()) ?? null;
}

/** Waits until the application page shows the state. */
export async function expectState(page: Page, label: string) {
  await poll(() => page.getByTestId('application-state').innerText()).toBe(label);
}

/**
 * Picks a node of an Ant Design TreeSelect by its title text (searching: the tree is virtual). Waits for the
 * search to have filtered the list (every title shown contains the text) and the list to stop moving before
 * clicking, then for the field to show the choice; a click that a re-render swallowed is tried again.
 */
export async function chooseTree(page: Page, field: Locator, title: string) {
  const select = field.locator('xpath=ancestor::*[contains(@class,"ant-select")][1]');
  const titles = page.locator('.ant-select-tree-title:visible');
  for (let attempt = 1; ; attempt++) {
    await field.click();
    await field.fill(title);
    await poll(async () => {
      const shown = await titles.allInnerTexts();
      return shown.length > 0 && shown.every((t) => t.includes(title));
    }).toBe(true);
    await settle(page);
    await titles.filter({ hasText: title }).first().click();
    try {
      await expect.poll(() => select.innerText(), { timeout: 10_000, interval: 100 }).toContain(title);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Runs `trigger` and waits for the server's answer to the request it sends (`method`, path matching `path`):
 * returns the response, or throws with the server's error message when it is not a success.
 */
export async function answerTo(page: Page, method: string, path: RegExp, trigger: () => Promise<unknown>) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname), {
      timeout: 120_000,
    }),
    trigger(),
  ]);
  if (!response.ok())
    throw new Error(`${method} ${response.url()} → ${response.status()}: ${await response.text()}`);
  return response;
}

/**
 * Waits for Ant Design's enter/leave animations to finish: a full-page screenshot resizes the viewport, and a
 * transition cut short that way can leave an element (a button's loading icon) half-removed.
 */
export async function settle(page: Page) {
  const moving = page.locator('[class*="-leave"], [class*="-enter"], [class*="-appear"]');
  await poll(() => moving.count()).toBe(0);
}

/** A screenshot of the settled page (test-output/screenshots/NAME.png). */
export async function shot(page: Page, name: string) {
  await settle(page);
  return screenshot(page, name);
}

/** axe-core's serious and critical violations once the page has settled (no half-faded colours). */
export async function a11y(page: Page) {
  await settle(page);
  return axeViolations(page);
}
