import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { TestClock } from '../support/context.ts';
import { agencyWithStaff, counterApplication, naturalApplicant } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';
import { registerByStaff } from '../../src/services/applications/intake.ts';
import { ensureConsoleBuilt } from './console-build.ts';
import { choose, confirmAction, dialog, expectState, openAction, signIn, signOut, typeDate } from './console-helpers.ts';

/** 2026-03-02, a Monday, 10:00 in China. */
const clock = new TestClock(new Date('2026-03-02T02:00:00Z'));
const DAY = 24 * 3600_000;

describe('the staff console in Chromium', { timeout: 120_000 }, () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ensureConsoleBuilt();
    t = await startTestServer('sqlite', { listen: true, now: clock.now });
    const { staff } = await agencyWithStaff(t.app.ctx, 'GK1', '某区卫生健康局');
    // earlier applications of the register, so the inbox has rows with different clocks
    for (const [received, name] of [
      ['2026-01-26', '王芳'],
      ['2026-02-02', '赵磊'],
      ['2026-02-24', '某某律师事务所'],
    ] as const)
      await registerByStaff(
        t.app.ctx,
        staff.registrar,
        counterApplication(received, {
          applicant:
            name === '某某律师事务所'
              ? naturalApplicant({ type: 'legal', name, contactPerson: '陈律师', idKind: '统一社会信用代码', idNumber: '91350100M000100Y43' })
              : naturalApplicant({ name }),
          items: [{ description: `${name}申请的2025年度行政处罚决定书`, documentNumber: null }],
        }),
      );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the demo-less login page in Chinese and refuses a wrong password in Chinese', async () => {
    await page.goto(`${t.url}/console/`);
    await page.getByLabel('用户名').fill('gk1-registrar');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/用户名或密码/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-login');
  });

  let applicationUrl = '';

  it('a registrar registers a paper application, corrects a field the server flags, and gets the 查询码', async () => {
    await signIn(page, t.url, 'gk1-registrar');
    await page.getByRole('heading', { name: '收件箱' }).waitFor();
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(3);
    // the oldest (received 2026-01-26) is overdue: tinted and said in words
    const overdue = page.locator('tr.row-overdue');
    await expect.poll(() => overdue.count()).toBe(1);
    expect(await overdue.innerText()).toMatch(/已逾期/);
    expect(await page.locator('tr.row-due_soon').innerText()).toMatch(/即将到期/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-inbox');

    await page.getByRole('button', { name: '登记申请' }).click();
    const drawer = page.getByRole('dialog', { name: '登记政府信息公开申请' });
    await drawer.getByLabel('姓名').fill('李明');
    await drawer.getByLabel('证件号码').fill('110105194912310021'); // wrong check digit
    await drawer.getByLabel('联系电话').fill('13912345678');
    await drawer.getByLabel('通信地址').fill('某市某区某路1号');
    await typeDate(drawer.getByLabel('提交日期'), '2026-03-02');
    await drawer.getByLabel('第 1 项：名称或特征性描述').fill('2025年度本区医疗机构监督检查结果');
    await expect.poll(() => drawer.getByText('答复期限').first().isVisible()).toBe(true);
    expect(await drawer.innerText()).toContain('2026-03-30');
    await drawer.getByRole('button', { name: '登记', exact: true }).click();
    const idItem = drawer.locator('.ant-form-item').filter({ has: page.getByLabel('证件号码') });
    await expect.poll(() => idItem.innerText()).toMatch(/居民身份证号码不正确/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-register-error');
    await drawer.getByLabel('证件号码').fill('11010519491231002X');
    await drawer.getByRole('button', { name: '登记', exact: true }).click();
    await drawer.getByText('申请已登记').waitFor();
    expect(await drawer.getByTestId('tracking-code').innerText()).toMatch(/^[A-Z0-9-]+$/);
    expect((await drawer.getByTestId('tracking-secret').innerText()).length).toBeGreaterThan(4);
    await screenshot(page, 'console-registered');
    await drawer.getByRole('button', { name: '打开该申请' }).click();
    await page.waitForURL(/\/console\/applications\/\d+$/);
    applicationUrl = page.url();
    await expectState(page, '已登记');
    const clockCard = page.getByLabel('法定期限');
    expect(await clockCard.innerText()).toContain('答复期限 2026-03-30');
    expect(await clockCard.innerText()).toContain('剩 20 个工作日');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-application-registered');
  });
});
