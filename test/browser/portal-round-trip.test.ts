import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { TestClock } from '../support/context.ts';
import { agencyWithStaff } from '../support/fixtures.ts';
import type { Session } from '../support/http.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

/**
 * Issue 11, points 9–11 in real Chromium, as the applicant lives it: the form shows its limits and keeps an
 * over-long request whole; at /status the applicant downloads the 补正告知书 (which serves it), submits the 补正
 * online, and after the reply downloads the letter and the information it discloses, and reads the last days
 * for 复议 and 诉讼 counted from the reply's service. The office's side goes through the staff API.
 */
describe('the applicant’s round trip in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  const clock = new TestClock(new Date('2026-03-02T02:00:00Z')); // Monday, 10:00 in China
  let registrar: Session;
  let handler: Session;
  let reviewer: Session;
  let trackingCode = '';
  let secret = '';
  let applicationId = 0;

  async function day(date: string) {
    clock.set(`${date}T02:00:00Z`);
    registrar = await loginAs(t.server, 'br1-registrar');
    handler = await loginAs(t.server, 'br1-handler');
    reviewer = await loginAs(t.server, 'br1-reviewer');
  }
  const act = async (who: Session, action: object) => {
    const r = await who.request('POST', `/api/applications/${applicationId}/actions`, { action });
    expect(r.statusCode, r.body).toBe(200);
  };
  async function openStatus() {
    await page.goto(`${t.url}/status`);
    await page.getByLabel('查询码').fill(trackingCode);
    await page.getByLabel('查询密码').fill(secret);
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('#status-state').waitFor();
  }
  /** Clicks a download button and returns the file's bytes and suggested name. */
  async function download(name: string | RegExp) {
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }).catch(async (e: Error) => {
        throw new Error(`${e.message}\n${page.url()}\n${await page.locator('body').innerText()}`);
      }),
      page.getByRole('button', { name }).click(),
    ]);
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
  }

  beforeAll(async () => {
    t = await startTestServer('sqlite', { listen: true, now: clock.now });
    await agencyWithStaff(t.app.ctx, 'BR1');
    await day('2026-03-02');
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN', acceptDownloads: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('11. the form counts as the applicant types, refuses an over-long request and keeps every character', async () => {
    await page.goto(`${t.url}/apply`);
    await page.getByLabel('姓名或单位名称').fill('王小明');
    await page.getByLabel('证件号码').fill('11010519491231002X');
    await page.getByLabel('联系电话').fill('13812345678');
    await page.getByRole('radio', { name: '电子数据' }).check();
    await page.getByRole('radio', { name: '电子邮件' }).check();
    await page.getByLabel('电子邮箱').fill('wangxm@example.com');
    const description = page.getByLabel('第 1 项：信息名称或描述');
    const long = '申'.repeat(10_010) + '名单';
    await description.fill(long);
    // the live counter (progressive enhancement) says it before the server does
    await expect.poll(() => page.locator('#f-items-0-description-count').innerText()).toContain('超出 12 字');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForLoadState();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('第 1 项申请公开的信息不能超过 10000 字（现有 10012 字，请删减 12 字）');
    expect(await description.inputValue()).toBe(long);
    expect(await page.getByLabel('姓名或单位名称').inputValue()).toBe('王小明');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portal-apply-too-long');

    await description.fill('2025年全市医疗机构校验结果');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForLoadState();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('申请已提交');
    trackingCode = await page.locator('#tracking-code').innerText();
    secret = await page.locator('#tracking-secret').innerText();
    const found = (await registrar.request('GET', `/api/applications?q=${trackingCode}`)).json() as {
      rows: { id: number }[];
    };
    applicationId = found.rows[0]!.id;
  });

  it('10. downloads the 补正告知书 (served by opening it) and submits the 补正 online with a new address', async () => {
    await day('2026-03-04');
    await act(handler, { type: 'request_correction', points: ['请写明所需信息的年份'], periodDays: 10 });

    await day('2026-03-05');
    await openStatus();
    const letters = page.locator('ul.letters');
    await expect.poll(() => letters.innerText()).toMatch(/补正告知书[\s\S]*待送达/);
    const letter = await download(/^下载 PDF：补正告知书/);
    expect(letter.bytes.subarray(0, 4).toString()).toBe('%PDF');
    expect(letter.name).toMatch(/\.pdf$/);
    // opening it served it: the period to answer runs from the next day (条例第三十条)
    await openStatus();
    await expect.poll(() => letters.innerText()).toContain('2026-03-05 送达');
    const notice = page.getByRole('region', { name: '需要补正' });
    expect(await notice.innerText()).toContain('请于 2026-03-19 前补正');
    expect(await notice.innerText()).toContain('请写明所需信息的年份');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portal-status-correction');

    await day('2026-03-09');
    await openStatus();
    await page.getByLabel('补正后的第 1 项申请内容').fill('2025年度全市医疗机构校验结果（全年）');
    await page.getByLabel('新的通信地址（不变的不填）').fill('某市某区幸福路9号');
    await page.getByRole('button', { name: '在线提交补正' }).click();
    await page.waitForLoadState();
    await expect.poll(() => page.locator('body').innerText()).toContain('补正已提交');
    await expect.poll(() => page.locator('#status-state').innerText()).toBe('办理中');

    const view = (await handler.request('GET', `/api/applications/${applicationId}`)).json() as {
      application: { correction: { receivedOn: string }; items: { description: string }[] };
    };
    expect(view.application.correction.receivedOn).toBe('2026-03-09');
    expect(view.application.items[0]!.description).toBe('2025年度全市医疗机构校验结果（全年）');
  });

  it('9. after the reply, downloads the information it discloses and reads the remedies from its service', async () => {
    const boundary = '----gongkai-browser';
    const upload = await t.server.inject({
      method: 'POST',
      url: `/api/applications/${applicationId}/attachments?redacted=true`,
      headers: {
        cookie: handler.cookie,
        'x-csrf-token': handler.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="校验结果.pdf"\r\n` +
          `Content-Type: application/pdf\r\n\r\n%PDF-1.4 校验结果\r\n--${boundary}--\r\n`,
      ),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    await openStatus();
    expect(await page.locator('ul.attachments').count()).toBe(0); // not before the reply

    await act(handler, {
      type: 'submit_decision',
      decision: {
        outcome: 'partially_granted',
        replyType: 'separated',
        exemption: '个人隐私（条例第十五条）',
        reasons: '第二页含个人信息',
        responsibleAgency: null,
      },
    });
    await act(reviewer, { type: 'approve_decision' });
    await act(registrar, { type: 'send_reply' });

    await day('2026-03-10');
    await openStatus();
    await expect
      .poll(() => page.locator('ul.attachments').innerText())
      .toContain('校验结果.pdf（已作区分处理）');
    const file = await download('下载附件 校验结果.pdf');
    expect(file.name).toBe('校验结果.pdf');
    expect(file.bytes.toString()).toBe('%PDF-1.4 校验结果');
    const reply = await download(/^下载 PDF：政府信息公开申请答复告知书/);
    expect(reply.bytes.subarray(0, 4).toString()).toBe('%PDF');
    // the reply was served by opening it on 03-10: 60 days for 复议 from the next day; 部分公开 goes to 复议 first
    await openStatus();
    await expect.poll(() => page.locator('#status-reconsideration').innerText()).toBe('2026-05-09');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portal-status-replied');
  });
});
