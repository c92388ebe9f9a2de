import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealPng } from '../support/seal-image.ts';
import type { ConsoleHarness } from './console-setup.ts';
import { startConsole } from './console-setup.ts';
import { a11y, poll, shot, signIn } from './console-helpers.ts';

/** Issue 12 point 6 in Chromium: the administrator uploads the agency's 印章 in 机关设置, a wrong file is refused. */
describe('the staff console in Chromium: 印章 in 机关设置', { timeout: 240_000 }, () => {
  let h: ConsoleHarness;
  let page: Page;
  beforeAll(async () => {
    h = await startConsole('2026-03-02T02:00:00Z');
    ({ page } = h);
  }, 180_000);
  afterAll(() => h?.close());

  it('refuses a file that is not an image, takes a PNG, shows it, and keeps what was typed in the form', async () => {
    await signIn(page, h.t.url, 'gk1-admin');
    await page.goto(`${h.t.url}/console/admin?tab=agency`);
    const card = page.getByTestId('seal-card');
    await poll(() => card.getByTestId('seal-none').count()).toBe(1);
    // typed but not yet saved: an upload must not drop it
    await page.getByLabel('告知书文号前缀').fill('某卫依申');
    const input = card.locator('input[type=file]');
    await input.setInputFiles({ name: '印章.png', mimeType: 'image/png', buffer: Buffer.from('这不是图片') });
    await poll(() => card.getByRole('alert').innerText()).toContain('印章图片应为 PNG 或 JPEG 格式');
    await input.setInputFiles({
      name: '某区卫生健康局公章.png',
      mimeType: 'image/png',
      buffer: sealPng(300),
    });
    await poll(() => card.getByTestId('seal-info').count()).toBe(1);
    expect(await card.getByTestId('seal-info').innerText()).toContain('某区卫生健康局公章.png（300×300 像素');
    expect(await card.getByRole('alert').count()).toBe(0);
    const image = card.getByRole('img', { name: '本机关印章' });
    await poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);
    expect(await page.getByLabel('告知书文号前缀').inputValue()).toBe('某卫依申');
    expect(await a11y(page)).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'console-seal-upload');
    // stored: the server names it in the settings
    const seal = (await h.t.app.ctx.database.db
      .selectFrom('agencies')
      .select('settings')
      .where('id', '=', h.agency.id)
      .executeTakeFirstOrThrow()) as { settings: string };
    expect(JSON.parse(seal.settings).seal).toMatchObject({ width: 300, mediaType: 'image/png' });
  });
});
