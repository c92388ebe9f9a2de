import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerByStaff } from '../../src/services/applications/intake.ts';
import { counterApplication, naturalApplicant } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import type { ConsoleHarness } from './console-setup.ts';
import { startConsole } from './console-setup.ts';
import {
  a11y,
  choose,
  confirmAction,
  dialog,
  expectState,
  openAction,
  poll,
  shot,
  signIn,
  signOut,
  typeDate,
} from './console-helpers.ts';

describe('the staff console in Chromium: 依申请公开', { timeout: 240_000 }, () => {
  let h: ConsoleHarness;
  let t: TestServer;
  let page: Page;
  let clock: ConsoleHarness['clock'];
  beforeAll(async () => {
    h = await startConsole('2026-03-02T02:00:00Z'); // a Monday, 10:00 in China
    ({ t, page, clock } = h);
    // earlier applications of the register, so the inbox has rows with different clocks
    for (const [received, name] of [
      ['2026-01-26', '王芳'],
      ['2026-02-02', '赵磊'],
      ['2026-02-24', '某某律师事务所'],
    ] as const)
      await registerByStaff(
        t.app.ctx,
        h.staff.registrar,
        counterApplication(received, {
          applicant:
            name === '某某律师事务所'
              ? naturalApplicant({
                  type: 'legal',
                  name,
                  contactPerson: '陈律师',
                  idKind: '统一社会信用代码',
                  idNumber: '91350100M000100Y43',
                })
              : naturalApplicant({ name }),
          items: [{ description: `${name}申请的2025年度行政处罚决定书`, documentNumber: null }],
        }),
      );
  }, 180_000); // may build the console first
  afterAll(() => h?.close());

  it('shows the demo-less login page in Chinese and refuses a wrong password in Chinese', async () => {
    await page.goto(`${t.url}/console/`);
    await page.getByLabel('用户名').fill('gk1-registrar');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await poll(() => page.getByRole('alert').innerText()).toMatch(/用户名或密码/);
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-login');
  });

  let applicationUrl = '';

  it('a registrar registers a paper application, corrects a field the server flags, and gets the 查询码', async () => {
    await signIn(page, t.url, 'gk1-registrar');
    await page.getByRole('heading', { name: '收件箱' }).waitFor();
    await poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(3);
    // the oldest (received 2026-01-26) is overdue: tinted and said in words
    const overdue = page.locator('tr.row-overdue');
    await poll(() => overdue.count()).toBe(1);
    // due 2026-02-28 (a 调休 working Saturday): one working day overdue on Monday 2 March
    expect(await overdue.innerText()).toContain('已逾期 1 个工作日');
    expect(await page.locator('tr.row-due_soon').innerText()).toContain('即将到期 · 剩余 4 个工作日');
    expect(await page.locator('tbody tr.ant-table-row').last().innerText()).toContain('剩余 15 个工作日');
    // the header names the agency, from the login answer
    expect(await page.locator('.ant-layout-header').innerText()).toContain('某区卫生健康局 · registrar-GK1');
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-inbox');

    await page.getByRole('button', { name: '登记申请' }).click();
    const drawer = page.getByRole('dialog', { name: '登记政府信息公开申请' });
    await drawer.getByLabel('姓名').fill('李明');
    await drawer.getByLabel('证件号码').fill('110105194912310021'); // wrong check digit
    await drawer.getByLabel('联系电话').fill('13912345678');
    await drawer.getByLabel('通信地址').fill('某市某区某路1号');
    await typeDate(drawer.getByLabel('提交日期'), '2026-03-02');
    await drawer.getByLabel('第 1 项：名称或特征性描述').fill('2025年度本区医疗机构监督检查结果');
    await poll(() => drawer.getByText('答复期限').first().isVisible()).toBe(true);
    expect(await drawer.innerText()).toContain('2026-03-30');
    await drawer.getByRole('button', { name: '登记', exact: true }).click();
    const idItem = drawer.locator('.ant-form-item').filter({ has: page.getByLabel('证件号码') });
    await poll(() => idItem.innerText()).toMatch(/居民身份证号码不正确/);
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-register-error');
    await drawer.getByLabel('证件号码').fill('11010519491231002X');
    await drawer.getByRole('button', { name: '登记', exact: true }).click();
    await drawer.getByText('申请已登记').waitFor();
    expect(await drawer.getByTestId('tracking-code').innerText()).toMatch(/^[A-Z0-9-]+$/);
    expect((await drawer.getByTestId('tracking-secret').innerText()).length).toBeGreaterThan(4);
    await shot(page, 'console-registered');
    await drawer.getByRole('button', { name: '打开该申请' }).click();
    await page.waitForURL(/\/console\/applications\/\d+$/);
    applicationUrl = page.url();
    await expectState(page, '已登记');
    const clockCard = page.getByLabel('法定期限');
    expect(await clockCard.innerText()).toContain('答复期限 2026-03-30');
    expect(await clockCard.innerText()).toContain('剩余 20 个工作日');
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-application-registered');
  });

  /** A new working day: the clock moves on and yesterday's session has expired. */
  async function nextDay(date: string, username: string) {
    clock.set(`${date}T02:00:00Z`);
    await signIn(page, t.url, username);
    await page.goto(applicationUrl);
    await page.getByLabel('法定期限').waitFor();
  }
  const clockText = () => page.getByLabel('法定期限').innerText();
  const lettersText = () => page.locator('.ant-card').filter({ hasText: '文书' }).last().innerText();

  it('walks the application through 补正, consultation, extension and a 部分公开 decision to the reply', async () => {
    // day 1, registrar: one 补正 notice with every point
    let d = await openAction(page, '告知补正');
    await d.getByLabel(/需要补正的事项/).fill('请写明所需监督检查结果的机构范围\n请写明所需信息的时间段');
    await confirmAction(page, d, '告知补正');
    await expectState(page, '待补正');
    expect(await clockText()).toMatch(/待补正[\s\S]*自收到补正后的申请之日起重新计算/);
    await poll(lettersText).toContain('补正告知书');

    // day 4 (Thursday), registrar: the corrected application arrives; the reply period restarts
    await nextDay('2026-03-05', 'gk1-registrar');
    d = await openAction(page, '登记补正后的申请');
    await typeDate(d.getByLabel('收到补正后的申请之日'), '2026-03-05');
    await confirmAction(page, d, '登记补正后的申请');
    await expectState(page, '办理中');
    await poll(clockText).toContain('答复期限 2026-04-02');
    await signOut(page);

    // handler: consult the third party whose interests are concerned; the clock pauses
    await signIn(page, t.url, 'gk1-handler');
    await page.goto(applicationUrl);
    d = await openAction(page, '征求意见');
    await d.getByLabel('第三方或行政机关名称').fill('某某医疗器械有限公司');
    await confirmAction(page, d, '征求意见');
    await expectState(page, '征求意见中');
    await poll(clockText).toMatch(/暂停计时[\s\S]*征求第三方意见/);
    await poll(lettersText).toContain('征求意见函');
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-application-consulting');

    // day 7 (Tuesday): the third party answered; the paused working days are added to the reply period
    await nextDay('2026-03-10', 'gk1-handler');
    d = await openAction(page, '结束征求意见');
    await confirmAction(page, d, '结束征求意见');
    await expectState(page, '办理中');
    await poll(clockText).toContain('答复期限 2026-04-08');
    const changes = page.locator('.ant-card').filter({ hasText: '期限变更记录' });
    // while the consultation runs the reply date holds its 15 working days (条例第三十二条); the answer gives back what was not used
    await poll(() => changes.innerText()).toMatch(
      /2026-04-02 → 2026-04-24[\s\S]*开始征求意见[\s\S]*2026-04-24 → 2026-04-08[\s\S]*征求意见结束/,
    );

    // the handler asks for the extension (条例第三十三条第二款); only the head may grant it (issue 12 point 3)
    expect(await page.getByRole('button', { name: '批准延长答复期限' }).count()).toBe(0);
    d = await openAction(page, '申请延长答复期限');
    await d.getByLabel('延期理由').fill('涉及本区多家医疗机构，需逐一核对监督检查记录');
    await shot(page, 'console-extension-request');
    await confirmAction(page, d, '申请延长答复期限');
    await poll(() => page.getByText(/申请延长 20 个工作日，待负责人批准/).count()).toBe(1);
    await poll(() => page.getByRole('button', { name: '申请延长答复期限' }).count()).toBe(0);
    await signOut(page);

    // the head of the office (负责人) approves the request, with the reason
    await signIn(page, t.url, 'gk1-head');
    await page.goto(applicationUrl);
    d = await openAction(page, '批准延长答复期限');
    await d.getByLabel('延期理由').fill('涉及本区多家医疗机构，需逐一核对监督检查记录');
    await confirmAction(page, d, '批准延长答复期限');
    await poll(clockText).toMatch(/已延期[\s\S]*延长 20 个工作日/);
    await poll(lettersText).toContain('延期答复告知书');
    await poll(() => page.getByRole('button', { name: '批准延长答复期限' }).count()).toBe(0);
    await poll(() =>
      page.getByText(/经负责人（head-GK1）同意延长 20 个工作日[\s\S]*handler-GK1/).count(),
    ).toBe(1);
    await signOut(page);

    // handler drafts the decision: 部分公开 (区分处理), naming the exemption for the withheld part
    await signIn(page, t.url, 'gk1-handler');
    await page.goto(applicationUrl);
    d = await openAction(page, '提交答复意见送审');
    await choose(page, d.getByLabel('办理结果'), '（二）部分公开');
    expect(await d.getByLabel('答复类型').locator('..').innerText()).toContain('区分处理');
    await d.getByLabel(/不予公开的依据/).fill('涉及第三方商业秘密，第三方不同意公开（条例第十五条）');
    await d
      .getByLabel('向申请人说明的理由')
      .fill('监督检查结果中涉及企业经营信息的部分不予公开，其余部分予以公开');
    expect(await d.innerText()).toContain('复议前置');
    await shot(page, 'console-decision-form');
    await confirmAction(page, d, '提交答复意见送审');
    await expectState(page, '待审核');

    // the handler cannot review their own draft (separation of duties, issue 12 point 3)
    expect(await page.getByRole('button', { name: '审核答复意见' }).count()).toBe(0);
    await signOut(page);

    // the reviewer reviews (审核意见), then the head signs off (签发意见)
    await signIn(page, t.url, 'gk1-reviewer');
    await page.goto(applicationUrl);
    d = await openAction(page, '审核答复意见');
    expect(await d.innerText()).toContain('（二）部分公开');
    expect(await d.innerText()).toContain('handler-GK1');
    await d.getByLabel('审核意见').fill('拟同意，区分处理的范围已核对');
    await shot(page, 'console-sign-off-review');
    await confirmAction(page, d, '审核答复意见');
    await expectState(page, '已审核待签发');
    expect(await page.getByRole('button', { name: '签发答复意见' }).count()).toBe(0);
    await signOut(page);
    await signIn(page, t.url, 'gk1-head');
    await page.goto(applicationUrl);
    d = await openAction(page, '签发答复意见');
    expect(await d.innerText()).toMatch(/审核意见[\s\S]*reviewer-GK1：拟同意，区分处理的范围已核对/);
    await d.getByLabel('签发意见').fill('同意，按拟办意见答复');
    await shot(page, 'console-sign-off-approve');
    await confirmAction(page, d, '签发答复意见');
    await expectState(page, '已签发待答复');
    await poll(() => page.getByText(/head-GK1：同意，按拟办意见答复/).count()).toBe(1);
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-sign-off-trail');
    await signOut(page);

    // registrar sends the reply: closed, counted in table 三 （二）部分公开
    await signIn(page, t.url, 'gk1-registrar');
    await page.goto(applicationUrl);
    d = await openAction(page, '答复申请人');
    await d.getByRole('button', { name: '预览政府信息公开申请答复告知书' }).click();
    const preview = d.frameLocator('iframe[title="政府信息公开申请答复告知书预览"]');
    await poll(() => preview.locator('body').innerText()).toContain('涉及企业经营信息的部分不予公开');
    await shot(page, 'console-reply-preview');
    await confirmAction(page, d, '答复申请人');
    await expectState(page, '已答复');
    await poll(clockText).toContain('办结：（二）部分公开');
    await poll(lettersText).toContain('政府信息公开申请答复告知书');
    expect(await page.getByTestId('timeline-event').locator('strong').allInnerTexts()).toEqual([
      '登记申请',
      '告知补正',
      '登记补正后的申请',
      '征求意见',
      '结束征求意见',
      '申请延长答复期限',
      '批准延长答复期限',
      '提交答复意见送审',
      '审核答复意见',
      '签发答复意见',
      '预览文书', // every view of a letter is on record (#16 point 5)
      '答复申请人',
    ]);
    // who acted, by name (not the stored actor id)
    const events = await page.getByTestId('timeline-event').allInnerTexts();
    expect(events[0]).toContain('registrar-GK1');
    expect(events.join('\n')).not.toContain('user:');
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-application-replied');

    // the sent letter previews in the page and downloads as Word
    const reply = page.locator('.ant-list-item').filter({ hasText: '政府信息公开申请答复告知书' });
    await reply.getByRole('button', { name: /预览/ }).click();
    const sent = dialog(page).frameLocator('iframe');
    await poll(() => sent.locator('body').innerText()).toMatch(/行政复议/);
    await page.keyboard.press('Escape');
    const download = page.waitForEvent('download');
    await reply.getByRole('link', { name: /DOCX/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^政府信息公开申请答复告知书（.+〔2026〕1号）\.docx$/);
  });
});
