import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishAnnualReport } from '../../src/services/catalog/report.service.ts';
import { updateSettings } from '../../src/services/staff.service.ts';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { TestClock } from '../support/context.ts';
import { agencyWithStaff, publishThroughReview } from '../support/fixtures.ts';
import { consistentReport } from '../support/report-arbitrary.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

/**
 * The public portal in real Chromium — no page loads a script, so all of it works without JavaScript (axe-core
 * itself needs it, so the browser has it on): a person searches, opens an item, applies
 * online with a mistake, reads the Chinese error, corrects it, gets a 查询码 and looks the application up. Every
 * page passes axe-core without serious violations, in both text sizes.
 */
describe('public portal in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let itemId = 0;

  beforeAll(async () => {
    const clock = new TestClock(new Date('2026-03-10T02:00:00Z'));
    t = await startTestServer('sqlite', { listen: true, now: clock.now });
    const { agency, staff } = await agencyWithStaff(t.app.ctx, 'HZWJ', '某市卫生健康委员会');
    await updateSettings(t.app.ctx, staff.admin, agency.id, {
      settings: {
        office: {
          name: '某市卫生健康委员会办公室',
          address: '某市健康路1号',
          postcode: '310000',
          hours: '工作日 9:00—17:00',
          phone: '0571-81234567',
        },
        site: {
          sponsor: '某市卫生健康委员会',
          siteCode: '3301000012',
          icpNumber: '浙ICP备05070602号-1',
          policeNumber: '浙公网安备 33010602000123号',
        },
      },
    });
    const publish = (input: Parameters<typeof publishThroughReview>[3]) =>
      publishThroughReview(t.app.ctx, staff, agency.id, input);
    itemId = await publish({
      title: '某市卫生健康委员会关于加强医疗机构药品采购管理的通知',
      publisher: '某市卫生健康委员会',
      docNumber: '某卫发〔2026〕12号',
      writtenOn: '2026-03-02',
      effectiveOn: '2026-04-01',
      categoryCode: 'gfxwj',
      topic: '卫生、体育/医药管理',
      summary: '规范全市医疗机构药品采购行为。',
      body: '各区卫生健康局，委属各单位：\n为规范医疗机构药品采购行为，现就有关事项通知如下。\n一、严格执行集中采购制度。\n二、加强药品采购信息公开。',
    });
    for (let i = 1; i <= 8; i++)
      await publish({
        title: `全市卫生健康工作动态（第${i}期）`,
        publisher: '某市卫生健康委员会',
        categoryCode: 'gzdt',
        body: `本期动态第${i}条。`,
      });
    const report = consistentReport('2021', () => 2, 2025);
    report.agency = '某市卫生健康委员会';
    await publishAnnualReport(t.app.ctx, staff.head, agency.id, report);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** No serious axe-core violations, and nothing on the page needs JavaScript (it loads no script). */
  async function checkA11y(page: Page, name: string) {
    // the scripts are progressive enhancement (the pages work without them): the application form's live
    // counters, and the 适老化 bar's read-aloud button and marks
    expect(
      await page
        .locator('script:not([src="/assets/field-counter.js"]):not([src="/assets/display.js"])')
        .count(),
      name,
    ).toBe(0);
    expect(await axeViolations(page), name).toEqual([]);
    await screenshot(page, `portal-${name}`);
  }

  it('a person searches, opens an item, applies with a mistake, corrects it and looks the application up', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${t.url}/`);
    await checkA11y(page, 'home');

    await page.getByRole('searchbox', { name: '搜索政府信息' }).fill('药品采购');
    await page.getByRole('button', { name: '搜索' }).first().click();
    await page.waitForURL(/\/search\?q=/);
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('找到 1 条');
    expect(await page.locator('.results mark').first().innerText()).toBe('药品采购');
    await checkA11y(page, 'search');
    // traditional characters find the simplified text; the 文号 filter; "did you mean" when nothing matches
    const filters = page.getByRole('form', { name: '搜索条件' });
    await filters.getByLabel('关键词').fill('藥品採購');
    await filters.getByLabel('文号').fill('〔2026〕12号');
    await filters.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/docNumber=/);
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('找到 1 条');
    expect(await page.locator('.results mark').first().innerText()).toBe('药品采购');
    await filters.getByLabel('关键词').fill('药品采购 火星基地');
    await filters.getByLabel('文号').fill('');
    await filters.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/%E7%81%AB/);
    await page.locator('.suggestion').getByRole('link').click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('找到 1 条');
    await checkA11y(page, 'search-suggested');
    await page.goto(`${t.url}/search?q=${encodeURIComponent('药品采购')}`);

    await page.getByRole('link', { name: /加强医疗机构药品采购管理的通知/ }).click();
    await page.waitForURL(new RegExp(`/items/${itemId}$`));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toContain('药品采购管理的通知');
    // the metadata as the usual table: each label a row header with its value in the next cell
    const table = page.getByRole('table', { name: '信息属性' });
    const cellAfter = (label: string) => table.locator(`th:text-is("${label}") + td`).innerText();
    const expected: [string, string][] = [
      ['索引号', 'HZWJ/2026-00001'],
      ['发布机构', '某市卫生健康委员会'],
      ['成文日期', '2026-03-02'],
      ['发布日期', '2026-03-10'],
      ['文号', '某卫发〔2026〕12号'],
      ['主题分类', '卫生、体育/医药管理'],
      ['有效性', '有效'],
      ['公开方式', '主动公开'],
    ];
    for (const [label, value] of expected) expect(await cellAfter(label), label).toBe(value);
    // the footer: site identification from the agency's settings, 网站地图 and 联系我们
    const footer = page.locator('footer');
    for (const text of [
      '主办单位：某市卫生健康委员会',
      '网站标识码：3301000012',
      'ICP备案号：浙ICP备05070602号-1',
      '公安机关备案号：浙公网安备 33010602000123号',
    ])
      expect((await footer.innerText()).replace(/\s*\n\s*/g, ''), text).toContain(text);
    expect(await footer.getByRole('link', { name: '浙ICP备05070602号-1' }).getAttribute('href')).toBe(
      'https://beian.miit.gov.cn/',
    );
    await checkA11y(page, 'item');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '依申请公开' }).click();
    await page.waitForURL(/\/apply$/);
    await page.getByLabel('姓名或单位名称').fill('王小明');
    await page.getByLabel('证件号码').fill('110105194912310021'); // wrong check digit
    await page.getByLabel('联系电话').fill('13812345678');
    await page.getByLabel('第 1 项：信息名称或描述').fill('2025年全市医疗机构药品集中采购目录');
    await page.getByRole('radio', { name: '电子数据' }).check();
    await page.getByRole('radio', { name: '电子邮件' }).check();
    await page.getByLabel('电子邮箱').fill('wangxm@example.com');
    await checkA11y(page, 'apply');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForLoadState();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('居民身份证号码不正确');
    const idField = page.getByLabel('证件号码');
    expect(await idField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('第 1 项：信息名称或描述').inputValue()).toBe(
      '2025年全市医疗机构药品集中采购目录',
    );
    await checkA11y(page, 'apply-error');

    await alert.getByRole('link').first().click();
    await idField.fill('11010519491231002X');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForLoadState();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('申请已提交');
    const trackingCode = await page.locator('#tracking-code').innerText();
    const secret = await page.locator('#tracking-secret').innerText();
    expect(trackingCode).toMatch(/^GK2026-/);
    await checkA11y(page, 'applied');

    await page.getByRole('link', { name: '申请进度查询' }).first().click();
    await page.getByLabel('查询码').fill(trackingCode);
    await page.getByLabel('查询密码').fill(secret);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForLoadState();
    await expect.poll(() => page.locator('#status-state').innerText()).toBe('已登记');
    expect(await page.locator('.status-result').innerText()).toContain('2025年全市医疗机构药品集中采购目录');
    await checkA11y(page, 'status');
    await context.close();
  });

  it('works by keyboard, in the large-text mode, and on the catalog, guide and report pages', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');

    const bar = page.getByRole('group', { name: '适老化与无障碍' });
    await bar.getByRole('link', { name: '大字号', exact: true }).click();
    await page.waitForURL(`${t.url}/`);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
    expect(await bar.getByRole('link', { name: '大字号', exact: true }).getAttribute('aria-current')).toBe(
      'true',
    );
    await checkA11y(page, 'home-large');
    for (const [path, name] of [
      ['/catalog', 'catalog'],
      ['/catalog/gzdt', 'category'],
      ['/guide', 'guide'],
      ['/reports', 'reports'],
      ['/reports/2025', 'report'],
    ] as const) {
      await page.goto(`${t.url}${path}`);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), path).toBe(
        '20px',
      );
      await checkA11y(page, `${name}-large`);
    }
    expect(await page.locator('main').innerText()).toContain('第二十条第（一）项');
    // the catalog counts the published annual report under 年度报告, and lists it there
    await page.goto(`${t.url}/catalog`);
    expect(
      (await page.locator('.catalog-tree li', { hasText: '年度报告' }).innerText()).replace(/\s/g, ''),
    ).toContain('年度报告（1）');
    await page.getByRole('navigation', { name: '目录分类' }).getByRole('link', { name: '年度报告' }).click();
    await page.getByRole('link', { name: /2025年.*年度报告/ }).click();
    await page.waitForURL(/\/reports\/2025$/);
    // 网站地图 and 联系我们 from the footer
    await page.locator('footer').getByRole('link', { name: '网站地图' }).click();
    await page.waitForURL(/\/sitemap$/);
    await checkA11y(page, 'sitemap-large');
    expect(await page.locator('main').innerText()).toContain('规范性文件');
    await page.locator('footer').getByRole('link', { name: '联系我们' }).click();
    await page.waitForURL(/\/contact$/);
    await checkA11y(page, 'contact-large');
    const contact = (await page.locator('main').innerText()).replace(/\s*\n\s*/g, '');
    expect(contact).toContain('办公地址：某市健康路1号');
    expect(contact).toContain('咨询电话：0571-81234567');
    await bar.getByRole('link', { name: '标准字号', exact: true }).click();
    await page.waitForURL(/\/contact$/);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
    await page.close();
  });

  it('offers several text sizes, high contrast, wider line spacing and reading aloud, and still passes axe-core', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    // the browser's speech synthesis, recorded (headless Chromium has no voice to play it with)
    await context.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        spoken.push({ text: u.text, lang: u.lang });
      };
    });
    const page = await context.newPage();
    await page.goto(`${t.url}/items/${itemId}`);
    const bar = page.getByRole('group', { name: '适老化与无障碍' });
    const rootFont = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

    await bar.getByRole('link', { name: '特大字号' }).click();
    await page.waitForURL(new RegExp(`/items/${itemId}$`));
    expect(await rootFont()).toBe('24px');
    await bar.getByRole('link', { name: '高对比度' }).click();
    await page.waitForURL(new RegExp(`/items/${itemId}$`));
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    expect(await bar.getByRole('link', { name: '高对比度' }).getAttribute('aria-current')).toBe('true');
    await checkA11y(page, 'item-contrast');
    await bar.getByRole('link', { name: '加大行距' }).click();
    await page.waitForURL(new RegExp(`/items/${itemId}$`));
    const lineHeight = await page.evaluate(() => parseFloat(getComputedStyle(document.body).lineHeight));
    expect(lineHeight / 24).toBeCloseTo(2.1, 1);
    await checkA11y(page, 'item-contrast-spacing');

    // read aloud: the button speaks the page's main text in Chinese, and becomes 停止朗读
    const read = bar.getByRole('button', { name: '朗读全文' });
    await read.click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken.length))
      .toBe(1);
    const [spoken] = await page.evaluate(
      () => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken,
    );
    expect(spoken!.lang).toBe('zh-CN');
    expect(spoken!.text).toContain('加强医疗机构药品采购管理的通知');
    expect(spoken!.text).toContain('严格执行集中采购制度');
    expect(await bar.getByRole('button', { name: '停止朗读' }).getAttribute('aria-pressed')).toBe('true');

    // the settings page sets everything at once, without JavaScript
    await bar.getByRole('link', { name: '适老化设置' }).click();
    await page.waitForURL(/\/display\?back=/);
    await checkA11y(page, 'display-settings');
    await page.getByRole('radio', { name: '标准' }).first().check();
    await page.getByRole('group', { name: '高对比度' }).getByRole('radio', { name: '关闭' }).check();
    await page.getByRole('group', { name: '行距' }).getByRole('radio', { name: '标准' }).check();
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.waitForURL(new RegExp(`/items/${itemId}$`));
    expect(await rootFont()).toBe('16px');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
      'rgb(0, 0, 0)',
    );
    await context.close();
  });
});
