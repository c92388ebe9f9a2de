import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findReport } from '../../src/persistence/repositories/report.repository.ts';
import type { Hierarchy } from '../../src/services/supervision/supervision.fixture.ts';
import { supervisionHierarchy } from '../../src/services/supervision/supervision.fixture.ts';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { TestClock } from '../support/context.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';
import { ensureConsoleBuilt } from './console-build.ts';
import { choose, poll, signIn } from './console-helpers.ts';

/**
 * Issue 13 point 10 in Chromium: the supervisor uploads a zip of corpus documents on 监督汇总 → 批量导入, waits
 * for the progress to reach the end, reads the per-file table, and picks the agency of the unmatched file.
 */
const YEAR = 2023;
const CORPUS = join(import.meta.dirname, '../fixtures/import/corpus');
const corpus = (name: string, agency?: string) => {
  const text = readFileSync(join(CORPUS, name), 'utf8');
  return new TextEncoder().encode(agency ? text.replaceAll('某市某区卫生健康局', agency) : text);
};

describe('bulk import in Chromium', { timeout: 180_000 }, () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let h: Hierarchy;

  beforeAll(async () => {
    ensureConsoleBuilt();
    t = await startTestServer('sqlite', {
      listen: true,
      now: new TestClock(new Date('2024-02-20T02:00:00Z')).now,
    });
    h = await supervisionHierarchy(t.app.ctx, 'W');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    page.setDefaultTimeout(20_000);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const rowOf = (name: string) => page.locator('tr.ant-table-row', { hasText: name });

  it('uploads a zip of several reports, follows the progress to the end and shows each file’s result', async () => {
    await signIn(page, t.url, 'w-city-supervisor');
    await page.goto(`${t.url}/console/supervision?year=${YEAR}&tab=bulk`);
    await page.getByRole('tab', { name: '批量导入', selected: true }).waitFor();
    const zip = zipSync({
      'B区卫生健康局.md': corpus('pipe-2021.md', 'B区卫生健康局'),
      'B区教育局.txt': corpus('plain-2021.txt', 'B区教育局'),
      'WB12-民政.txt': corpus('run-together-2021.txt'),
      '来源不明.txt': corpus('one-per-line-2021.txt'),
      '截断.txt': corpus('truncated-2021.txt', 'B区财政局'),
    });
    await page
      .getByLabel('报告文件或压缩包')
      .setInputFiles([{ name: 'B区2023年报.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) }]);
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('已读取全部 5 个文件').waitFor({ timeout: 90_000 });
    expect(await page.locator('.ant-progress').getAttribute('aria-valuenow')).toBe('100');
    const health = await rowOf('B区卫生健康局.md').innerText();
    expect(health).toMatch(/已导入[\s\S]*B区卫生健康局[\s\S]*按报告标题中的机关名称/);
    expect(health).toMatch(/2023 \/ 2021 年版[\s\S]*读取 200\/200（空白 0，无法读取 0）/);
    expect(await rowOf('WB12-民政.txt').innerText()).toMatch(
      /已导入[\s\S]*B区民政局[\s\S]*文件名中的机构代码/,
    );
    const truncated = await rowOf('截断.txt').innerText();
    expect(truncated).toMatch(/B区财政局[\s\S]*读取 97\/200（空白 0，无法读取 103）/);
    const unknown = rowOf('来源不明.txt');
    expect(await unknown.innerText()).toMatch(/未匹配机关[\s\S]*某市某区卫生健康局[\s\S]*请选择机关/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'supervision-bulk-import');

    const field = unknown.getByLabel('为《B区2023年报.zip/来源不明.txt》选择机关');
    // the list of agencies below is long (virtual): narrow it by typing, then pick
    await field.click();
    await field.fill('B区司法局');
    await choose(page, field, 'B区司法局');
    await unknown.getByRole('button', { name: '导入' }).click();
    await poll(() => rowOf('来源不明.txt').innerText()).toMatch(
      /已导入[\s\S]*B区司法局[\s\S]*选择为B区司法局/,
    );
    const justice = h.districts[1]!.departments[4]!;
    expect((await findReport(t.app.database.db, justice.id, YEAR))?.status).toBe('submitted');
  });
});
