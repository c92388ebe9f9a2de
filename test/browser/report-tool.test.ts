import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { EXPECTED_DIR } from '../support/seeds.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

describe('report checker in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { listen: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a person pastes a report, sees the findings next to the tables, and downloads the Word file', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/tools/report`);
    expect(await axeViolations(page)).toEqual([]);
    const json = readFileSync(join(EXPECTED_DIR, '004_f3702a69faeeb52d.json'), 'utf8');
    await page.getByLabel('报告全文或 JSON（gongkai.annual-report/1 格式）').fill(json);
    await page.getByRole('button', { name: '核对报告' }).click();
    await page.waitForURL(/\/tools\/report$/);
    await expect.poll(() => page.getByRole('heading', { name: /海宁市卫生健康局/ }).count()).toBe(1);
    const findings = await page.locator('.findings').innerText();
    expect(findings).toContain('空白');
    const flagged = page.locator('[data-cell="requests.total.natural"]').first();
    const background = await flagged.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(255, 227, 224)');
    const blank = page.locator('[data-cell="requests.carried_over.natural"]').first();
    expect(await blank.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 244, 194)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'report-tool-findings');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 Word' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/海宁市卫生健康局2020年政府信息公开工作年度报告\.docx$/);

    // correct the blank 总计 row by hand and check again: the incomplete-table findings for 自然人 go away
    await page.getByLabel('表三“（七）总计”行“自然人”列').fill('1');
    await page.getByLabel('表三“四、结转下年度”行“自然人”列').fill('0');
    await page.getByLabel('表三“二、上年结转”行“自然人”列').fill('0');
    await page.getByRole('button', { name: '保存修改并重新核对' }).click();
    await page.waitForLoadState('load');
    const after = await page.locator('.findings').innerText();
    expect(after).not.toContain('表三“自然人”列勾稽关系不成立');
    expect(after).toContain('表三“其他”列勾稽关系不成立');
    await page.close();
  });
});
