import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerByStaff } from '../../src/services/applications/intake.ts';
import { counterApplication } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import type { ConsoleHarness } from './console-setup.ts';
import { startConsole } from './console-setup.ts';
import {
  a11y,
  choose,
  confirmAction,
  expectState,
  openAction,
  poll,
  shot,
  signIn,
  typeDate,
} from './console-helpers.ts';

/**
 * Issue 11 in the console, in real Chromium: the facts the law counts from are entered where staff work — a
 * letter's service (邮寄 with its tracking number) moves the 补正 period to run from it; a 补正 past the 7 working
 * days of 条例第三十条 asks why and does not restart the clock; the Art. 35 steps (要求说明理由 → 理由 → 合理期限)
 * are on record with their letters; the reply's files are uploaded, marked 区分处理 and listed.
 */
describe('the case file in the console (Chromium)', { timeout: 240_000 }, () => {
  let h: ConsoleHarness;
  let t: TestServer;
  let page: Page;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    h = await startConsole('2026-03-02T02:00:00Z'); // Monday, 10:00 in China
    ({ t, page } = h);
    for (const [key, received, description] of [
      ['served', '2026-03-02', '2025年度某区医疗机构名单'],
      ['late', '2026-02-02', '2025年度某区行政处罚决定书'],
      ['art35', '2026-03-02', '2015年至2025年某区全部医疗机构的全部监督检查记录'],
    ] as const) {
      const made = await registerByStaff(
        t.app.ctx,
        h.staff.registrar,
        counterApplication(received, { items: [{ description, documentNumber: null }] }),
      );
      ids[key] = made.application.id;
    }
  }, 180_000);
  afterAll(() => h?.close());

  const open = async (key: string) => {
    await page.goto(`${t.url}/console/applications/${ids[key]}`);
    await page.getByLabel('法定期限').waitFor();
  };
  const clockText = () => page.getByLabel('法定期限').innerText();
  const letters = () => page.locator('.ant-card').filter({ hasText: '文书' }).last();

  it('8. records the 补正告知书 served by post with its tracking number; the 补正 period runs from it', async () => {
    await signIn(page, t.url, 'gk1-registrar');
    await open('served');
    let d = await openAction(page, '告知补正');
    await d.getByLabel(/需要补正的事项/).fill('请写明所需名单的医疗机构类别');
    // on the day of receipt: within the 7 working days, so no reason is asked for
    expect(await d.getByLabel(/确需告知的理由/).count()).toBe(0);
    await confirmAction(page, d, '告知补正');
    await expectState(page, '待补正');
    await poll(() => letters().innerText()).toMatch(/补正告知书[\s\S]*待送达/);

    // two days later the post office's page shows it signed for
    h.clock.set('2026-03-04T02:00:00Z');
    await signIn(page, t.url, 'gk1-registrar');
    await open('served');
    d = await openAction(page, '登记送达');
    await choose(page, d.getByLabel('文书'), '补正告知书');
    await choose(page, d.getByLabel('送达方式'), '邮寄送达');
    await typeDate(d.getByLabel('送达日期'), '2026-03-04');
    // 邮寄 without its tracking number is refused in the form
    await d.getByLabel('送达凭证').fill('中国邮政官网查询页面显示 2026-03-04 已签收');
    await d.getByRole('button', { name: '登记送达', exact: true }).click();
    await poll(() => d.innerText()).toContain('邮寄送达须填写邮件号');
    await d.getByLabel('邮件号').fill('XA123456789CN');
    await confirmAction(page, d, '登记送达');
    await poll(() => letters().innerText()).toContain('2026-03-04 邮寄送达（XA123456789CN）');
    // the applicant has 15 working days from the day after service (not from the day it was issued)
    await poll(clockText).toMatch(/补正/);
    const view = (await (await page.request.get(`${t.url}/api/applications/${ids.served}`)).json()) as {
      application: { deadlines: { correctionResponse: { date: string } } };
    };
    expect(view.application.deadlines.correctionResponse.date).toBe('2026-03-25');
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-service-recorded');
  });

  it('3. a 补正 past 7 working days asks why, and the reply period does not restart', async () => {
    await open('late');
    const replyDue = /答复期限 (\d{4}-\d{2}-\d{2})/.exec(await clockText())![1]!;
    const d = await openAction(page, '告知补正');
    await d.getByLabel(/需要补正的事项/).fill('请写明所需决定书的案件范围');
    const reason = d.getByLabel(/已超过补正告知期限（2026-02-11，条例第三十条）/);
    await reason.waitFor();
    await d.getByRole('button', { name: '告知补正', exact: true }).click();
    await poll(() => d.innerText()).toContain('请写明逾期仍告知补正的理由');
    await reason.fill('申请内容经电话核实仍不明确，为保障申请人权利仍予告知');
    await shot(page, 'console-late-correction');
    await confirmAction(page, d, '告知补正');
    await expectState(page, '待补正');
    // the reason is on record and the period stays as it was
    const view = (await (await page.request.get(`${t.url}/api/applications/${ids.late}`)).json()) as {
      application: {
        correction: { lateReason: string | null };
        deadlines: { reply: { date: string } | null };
      };
    };
    expect(view.application.correction.lateReason).toBe(
      '申请内容经电话核实仍不明确，为保障申请人权利仍予告知',
    );
    expect(view.application.deadlines.reply?.date).toBe(replyDue);
    await poll(clockText).toContain(`答复期限 ${replyDue}`);
  });

  it('5. Art. 35: asks for reasons, records them, and sets a reasonable later date — each with its letter', async () => {
    await signIn(page, t.url, 'gk1-handler');
    await open('art35');
    const accept = page.getByRole('button', { name: '受理办理', exact: true });
    if (await accept.isVisible()) await confirmAction(page, await openAction(page, '受理办理'), '受理办理');
    let d = await openAction(page, '要求说明理由（条例第三十五条）');
    await d.getByLabel('要求说明的事项').fill('请说明申请十一年间全部监督检查记录的用途');
    await confirmAction(page, d, '要求说明理由（条例第三十五条）');
    await poll(() => letters().innerText()).toContain('说明理由通知书');

    d = await openAction(page, '登记申请人说明的理由');
    await typeDate(d.getByLabel('收到理由说明之日'), '2026-03-04');
    await d.getByLabel('申请人说明的理由').fill('用于医疗机构合规研究，需要逐年比较');
    await confirmAction(page, d, '登记申请人说明的理由');

    // only the head of the office sets the later date
    expect(await page.getByRole('button', { name: '确定延迟答复的合理期限', exact: true }).count()).toBe(0);
    await signIn(page, t.url, 'gk1-head');
    await open('art35');
    d = await openAction(page, '确定延迟答复的合理期限');
    await typeDate(d.getByLabel('确定的答复期限'), '2026-06-30');
    await d.getByLabel('不能按期答复的理由').fill('需调取十一年间的纸质档案逐件核对');
    await confirmAction(page, d, '确定延迟答复的合理期限');
    await poll(clockText).toContain('答复期限 2026-06-30');
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-art35');
  });

  it('9. uploads the information the reply discloses, marked 已作区分处理', async () => {
    await signIn(page, t.url, 'gk1-handler');
    await open('art35');
    const card = page.locator('.ant-card').filter({ hasText: '答复附件（提供的政府信息）' });
    await card.getByRole('checkbox', { name: '已作区分处理' }).check();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      card.getByRole('button', { name: '上传' }).click(),
    ]);
    await chooser.setFiles({
      name: '监督检查记录（2025年）.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 记录'),
    });
    await poll(() => card.innerText()).toMatch(/监督检查记录（2025年）\.pdf[\s\S]*已作区分处理/);
    const list = (await (
      await page.request.get(`${t.url}/api/applications/${ids.art35}/attachments`)
    ).json()) as { fileName: string; redacted: boolean }[];
    expect(list).toEqual([
      expect.objectContaining({ fileName: '监督检查记录（2025年）.pdf', redacted: true }),
    ]);
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-reply-attachments');
  });
});
