import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act } from '../../src/services/applications/actions.ts';
import { assignApplication } from '../../src/services/applications/assignments.ts';
import { openCosigns } from '../../src/services/applications/cosigns.ts';
import { registerByStaff } from '../../src/services/applications/intake.ts';
import { createUser, updateSettings } from '../../src/services/staff.service.ts';
import { counterApplication, naturalApplicant } from '../support/fixtures.ts';
import type { ConsoleHarness } from './console-setup.ts';
import { startConsole } from './console-setup.ts';
import { a11y, choose, dialog, poll, shot, signIn, signOut } from './console-helpers.ts';

/**
 * Issue 12 points 2 and 4 in Chromium: the handler opens 内部会签 to two departments, a member of one answers it
 * from their 待办提醒, both steps are in the case's 办理过程; the reminders page lists an overdue 会签 and an
 * unserved letter, each linking to its case, with the count in the header.
 */
describe('the staff console in Chromium: 内部会签 and 待办提醒', { timeout: 240_000 }, () => {
  let h: ConsoleHarness;
  let page: Page;
  let ids: number[];
  beforeAll(async () => {
    h = await startConsole('2026-03-02T02:00:00Z');
    ({ page } = h);
    const ctx = h.t.app.ctx;
    await updateSettings(ctx, h.staff.admin, h.agency.id, {
      settings: { departments: ['法规科', '医政科', '办公室'] },
    });
    await createUser(ctx, 'system', {
      agencyId: h.agency.id,
      username: 'gk1-legal',
      displayName: '孙丽',
      roles: ['reviewer'],
      password: 'test-password-1',
      department: '法规科',
    });
    ids = [];
    for (const name of ['赵磊', '钱芳', '孙伟']) {
      const id = (
        await registerByStaff(
          ctx,
          h.staff.registrar,
          counterApplication('2026-03-02', { applicant: naturalApplicant({ name }) }),
        )
      ).application.id;
      await assignApplication(ctx, h.staff.registrar, id, { assigneeId: h.staff.handler.userId });
      ids.push(id);
    }
  }, 180_000);
  afterAll(() => h?.close());

  it('the handler opens 会签; a member of 法规科 answers it from the reminders; the timeline shows both', async () => {
    await signIn(page, h.t.url, 'gk1-handler');
    await page.goto(`${h.t.url}/console/applications/${ids[0]}`);
    const card = page.getByTestId('cosign-card');
    await poll(() => card.innerText()).toContain('未发起会签');
    expect(await card.innerText()).toContain('内部会签不中止、不延长答复期限');
    await card.getByRole('button', { name: '发起会签' }).click();
    const d = dialog(page);
    await d.waitFor();
    expect(await d.innerText()).toContain('内部会签不中止答复期限：本申请的答复期限为 2026-03-30');
    await d.getByLabel('会签事项').fill('申请公开的医疗机构校验结果是否涉及商业秘密，请提出意见');
    await choose(page, d.getByLabel('会签科室 1'), '法规科');
    await d.getByLabel('会签期限（工作日） 1').fill('3');
    await d.getByRole('button', { name: '添加科室' }).click();
    await choose(page, d.getByLabel('会签科室 2'), '医政科');
    await shot(page, 'console-cosign-open');
    await d.getByRole('button', { name: '发起会签', exact: true }).click();
    await d.waitFor({ state: 'detached' });
    const items = card.getByTestId('cosign-item');
    await poll(() => items.allInnerTexts()).toEqual([
      expect.stringMatching(/法规科\s*待答复\s*会签期限 2026-03-05/),
      expect.stringMatching(/医政科\s*待答复\s*会签期限 2026-03-09/),
    ]);
    await poll(() => page.getByTestId('timeline-event').allInnerTexts()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /发起内部会签[\s\S]*承办人（handler-GK1）[\s\S]*法规科：会签期限 2026-03-05（3 个工作日）/,
        ),
      ]),
    );
    // the reply period runs on: the clock card still shows the same due date
    expect(await page.getByText('2026-03-30').count()).toBeGreaterThan(0);
    await signOut(page);

    await signIn(page, h.t.url, 'gk1-legal');
    await poll(() => page.getByTestId('reminder-badge').getAttribute('aria-label')).toBe('待办提醒 1 项');
    await page.getByTestId('reminder-badge').click();
    const rows = page.locator('tbody tr.ant-table-row');
    await poll(() => rows.allInnerTexts()).toEqual([
      expect.stringMatching(/待答复的会签[\s\S]*2026-03-05[\s\S]*法规科/),
    ]);
    await rows.first().getByRole('link').click();
    await card.getByRole('button', { name: '答复会签' }).click();
    const a = dialog(page);
    await a.waitFor();
    expect(await a.innerText()).toContain('会签事项：申请公开的医疗机构校验结果是否涉及商业秘密');
    await a
      .getByLabel('会签意见')
      .fill('经审查，校验结果系依法应当公开的行政管理信息，不涉及商业秘密，同意公开');
    await shot(page, 'console-cosign-answer');
    await a.getByRole('button', { name: '提交会签意见' }).click();
    await a.waitFor({ state: 'detached' });
    await poll(() => items.first().innerText()).toMatch(
      /法规科\s*已答复[\s\S]*会签意见：经审查[\s\S]*孙丽答复/,
    );
    // only 法规科's own 会签 can be answered by its member
    expect(await card.getByRole('button', { name: /答复会签|登记答复/ }).count()).toBe(0);
    await poll(() => page.getByTestId('timeline-event').allInnerTexts()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/答复会签[\s\S]*审核人（孙丽）[\s\S]*法规科会签意见：经审查/),
      ]),
    );
    await poll(() => page.getByTestId('reminder-badge').getAttribute('aria-label')).toBe('待办提醒 0 项');
    expect(await a11y(page)).toEqual([]);
    await signOut(page);
  });

  it('the reminders page lists an overdue 会签 and an unserved letter, each linking to its case', async () => {
    const ctx = h.t.app.ctx;
    await openCosigns(ctx, h.staff.handler, ids[1]!, {
      question: '请办公室核实档案保存情况',
      departments: [{ department: '办公室', workingDays: 1 }],
    });
    await act(ctx, h.staff.handler, ids[2]!, {
      type: 'request_correction',
      points: ['请写明所需信息的文号'],
      periodDays: 10,
    });
    h.clock.set('2026-03-04T02:00:00Z'); // 办公室's 会签 was due 3 March
    await signIn(page, h.t.url, 'gk1-handler');
    await poll(() => page.getByTestId('reminder-badge').getAttribute('aria-label')).toBe('待办提醒 2 项');
    await page.getByRole('menuitem', { name: '待办提醒' }).click();
    const rows = page.locator('tbody tr.ant-table-row');
    await poll(() => rows.allInnerTexts()).toEqual([
      expect.stringMatching(/会签已逾期未答复[\s\S]*2026-03-03[\s\S]*办公室/),
      expect.stringMatching(/文书待送达/),
    ]);
    await poll(() => page.getByTestId('reminder-counts').innerText()).toContain('共 2 项');
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-reminders');
    await rows.last().getByRole('link').click();
    await poll(() => page.url()).toContain(`/console/applications/${ids[2]}`);
  });

  it('the handler withdraws the overdue 会签 with a reason: 已撤回 with who, when and why; no longer reminded', async () => {
    await page.goto(`${h.t.url}/console/applications/${ids[1]}`);
    const card = page.getByTestId('cosign-card');
    const item = card.getByTestId('cosign-item');
    await poll(() => item.innerText()).toMatch(/办公室\s*已逾期未答复/);
    await item.getByRole('button', { name: '撤回' }).click();
    const d = dialog(page);
    await d.waitFor();
    expect(await d.innerText()).toContain('会签事项：请办公室核实档案保存情况');
    // the reason is required
    await d.getByRole('button', { name: '撤回会签' }).click();
    await poll(() => d.innerText()).toContain('请填写撤回理由');
    await d.getByLabel('撤回理由').fill('档案保存情况已由承办人自行核实，无需办公室会签');
    expect(await d.innerText()).toContain('/ 500');
    await d.getByRole('button', { name: '撤回会签' }).click();
    await d.waitFor({ state: 'detached' });
    await poll(() => item.innerText()).toMatch(
      /办公室\s*已撤回[\s\S]*撤回理由：档案保存情况已由承办人自行核实[\s\S]*2026-03-04 \d\d:\d\d handler-GK1撤回/,
    );
    expect(await item.getByRole('button', { name: '撤回' }).count()).toBe(0);
    await poll(() => page.getByTestId('timeline-event').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/撤回会签[\s\S]*撤回理由：档案保存情况/)]),
    );
    await poll(() => page.getByTestId('reminder-badge').getAttribute('aria-label')).toBe('待办提醒 1 项');
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-cosign-withdrawn');
  });
});
