import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerByStaff } from '../../src/services/applications/intake.ts';
import { counterApplication } from '../support/fixtures.ts';
import type { ConsoleHarness } from './console-setup.ts';
import { startConsole } from './console-setup.ts';
import { a11y, choose, dialog, poll, shot, signIn, signOut, typeDate } from './console-helpers.ts';

describe('the staff console in Chromium: 复议诉讼 and 系统管理', { timeout: 240_000 }, () => {
  let h: ConsoleHarness;
  let page: Page;
  let trackingCode: string;
  beforeAll(async () => {
    h = await startConsole('2026-06-15T02:00:00Z'); // a Monday, 10:00 in China
    ({ page } = h);
    const registered = await registerByStaff(
      h.t.app.ctx,
      h.staff.registrar,
      counterApplication('2026-04-01'),
    );
    trackingCode = registered.application.trackingCode;
  }, 180_000); // may build the console first
  afterAll(() => h?.close());

  it('a handler records a reconsideration case linked to its application; table 四 counts it', async () => {
    await signIn(page, h.t.url, 'gk1-handler');
    await page.getByRole('menuitem', { name: '复议诉讼' }).click();
    await page.getByRole('heading', { name: '行政复议、行政诉讼' }).waitFor();
    await page.getByRole('button', { name: '登记案件' }).click();
    const d = dialog(page);
    await d.getByLabel('行政复议机关').fill('某市某区人民政府');
    await d.getByLabel('案号').fill('某区府复〔2026〕7号');
    await d.getByLabel(/涉及的申请/).fill('GK0000-NOSUCH');
    await typeDate(d.getByLabel('受理（立案）日期'), '2026-06-01');
    await d.getByRole('button', { name: '保存' }).click();
    await poll(() => d.innerText()).toContain('没有查询码为 GK0000-NOSUCH 的申请');
    await d.getByLabel(/涉及的申请/).fill(trackingCode);
    await d.getByRole('button', { name: '保存' }).click();
    await d.waitFor({ state: 'detached' });
    const row = page.getByRole('main').locator('tr.ant-table-row').filter({ hasText: '某区府复〔2026〕7号' });
    expect(await row.innerText()).toMatch(/行政复议[\s\S]*尚未审结/);
    expect(await row.getByRole('link').innerText()).toBe(trackingCode);
    const cell = page.getByRole('button', { name: /表四“行政复议”行“尚未审结”列：1 件/ });
    await cell.click();
    const drawer = page.getByRole('dialog', { name: /表四“行政复议”行“尚未审结”列/ });
    await poll(() => drawer.innerText()).toContain('某区府复〔2026〕7号');
    await drawer.getByRole('button', { name: '关闭' }).click();
    // decided: corrected
    await row.getByRole('button', { name: /修改案件/ }).click();
    await typeDate(dialog(page).getByLabel('审结日期'), '2026-06-12');
    await choose(page, dialog(page).getByLabel('审结结果'), '结果纠正');
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await poll(() => row.innerText()).toContain('结果纠正');
    await poll(() => page.getByRole('button', { name: /表四“行政复议”行“结果纠正”列：1 件/ }).count()).toBe(
      1,
    );
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-appeals');
    await signOut(page);
  });

  it('an administrator sets the agency, a letter template, a new account and next year’s holidays', async () => {
    await signIn(page, h.t.url, 'gk1-admin');
    await page.getByRole('menuitem', { name: '系统管理' }).click();
    await page.getByRole('heading', { name: '系统管理' }).waitFor();
    await page.getByLabel('告知书文号前缀').fill('某卫依申');
    await page.getByLabel('办公地址').fill('某市某区人民路100号');
    await page.getByLabel('索引号规则').fill('{机构代码}/{年份}~{流水号:4}');
    await page.getByRole('button', { name: '保存设置' }).click();
    await poll(() => page.getByText(/分隔符“~”/).count()).toBe(1);
    await page.getByLabel('索引号规则').fill('{机构代码}/{年份}-{流水号:4}');
    await poll(() => page.getByText('示例：GK1/2026-0042').count()).toBe(1);
    await page.getByRole('button', { name: '保存设置' }).click();
    await poll(() => page.getByText('机关设置已保存').count()).toBe(1);
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-admin-agency');

    await page.getByRole('tab', { name: '文书模板' }).click();
    await page.getByRole('tab', { name: '补正告知书' }).click();
    await page
      .getByRole('tabpanel', { name: '补正告知书' })
      .getByLabel('联系方式')
      .fill('联系电话：0571-87000000');
    await page.getByRole('button', { name: '保存文书模板' }).click();
    await poll(() => page.getByText('文书模板已保存').count()).toBe(1);
    expect(await a11y(page)).toEqual([]);

    await page.getByRole('tab', { name: '工作人员与角色' }).click();
    await page.getByRole('button', { name: '新建账号' }).click();
    const d = dialog(page);
    await d.getByLabel('用户名').fill('gk1-clerk2');
    await d.getByLabel('姓名').fill('钱芳');
    await d.getByLabel('登记员').check();
    await d.getByLabel('初始密码').fill('short');
    await d.getByRole('button', { name: '保存' }).click();
    const password = d.locator('.ant-form-item').filter({ has: page.getByLabel('初始密码') });
    await poll(() => password.innerText()).toContain('密码至少 10 位');
    await d.getByLabel('初始密码').fill('clerk-password-2026');
    await d.getByRole('button', { name: '保存' }).click();
    await d.waitFor({ state: 'detached' });
    await poll(() => page.locator('tr').filter({ hasText: 'gk1-clerk2' }).innerText()).toMatch(
      /钱芳[\s\S]*登记员/,
    );
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-admin-users');

    await page.getByRole('tab', { name: '放假安排' }).click();
    const schedule = {
      year: 2027,
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '春节', date: '2027-02-05', isOffDay: true },
        { name: '春节', date: '2027-02-20', isOffDay: false },
      ],
    };
    await page.locator('input[type=file]').setInputFiles({
      name: '2027.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(schedule)),
    });
    await poll(() => page.getByText(/2027 年放假安排已导入/).count()).toBeGreaterThan(0);
    await poll(() => page.locator('.ant-descriptions').innerText()).toMatch(/2027（管理员导入）/);
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-admin-holidays');
  });
});
