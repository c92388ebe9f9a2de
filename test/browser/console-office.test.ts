import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerByStaff } from '../../src/services/applications/intake.ts';
import { createUser } from '../../src/services/staff.service.ts';
import { counterApplication, naturalApplicant } from '../support/fixtures.ts';
import type { ConsoleHarness } from './console-setup.ts';
import { startConsole } from './console-setup.ts';
import { a11y, choose, dialog, poll, shot, signIn, signOut } from './console-helpers.ts';

/** Issue 12 point 1 in Chromium: 分办 by the registrar, 我的待办, 转办 with a reason by the head, each person's load. */
describe('the staff console in Chromium: 分办、转办、我的待办', { timeout: 240_000 }, () => {
  let h: ConsoleHarness;
  let page: Page;
  let ids: number[];
  beforeAll(async () => {
    h = await startConsole('2026-03-02T02:00:00Z');
    ({ page } = h);
    const ctx = h.t.app.ctx;
    await createUser(ctx, 'system', {
      agencyId: h.agency.id,
      username: 'gk1-handler2',
      displayName: '刘洋',
      roles: ['handler'],
      password: 'test-password-1',
    });
    ids = [];
    for (const name of ['赵磊', '钱芳'])
      ids.push(
        (
          await registerByStaff(
            ctx,
            h.staff.registrar,
            counterApplication('2026-03-02', { applicant: naturalApplicant({ name }) }),
          )
        ).application.id,
      );
  }, 180_000);
  afterAll(() => h?.close());

  it('the registrar assigns, the handler finds it in 我的待办, the head reassigns with a reason and sees the load', async () => {
    const url = (id: number) => `${h.t.url}/console/applications/${id}`;
    const card = page.getByTestId('assign-card');
    await signIn(page, h.t.url, 'gk1-registrar');
    await page.goto(url(ids[0]!));
    await poll(() => page.getByTestId('current-handler').innerText()).toBe('未分办');
    await card.getByRole('button', { name: '分办' }).click();
    let d = dialog(page);
    await choose(page, d.getByLabel('承办人'), 'handler-GK1');
    await shot(page, 'console-assign-dialog');
    await d.getByRole('button', { name: '分办', exact: true }).click();
    await d.waitFor({ state: 'detached' });
    await poll(() => page.getByTestId('current-handler').innerText()).toBe('handler-GK1');
    await poll(() => card.innerText()).toContain('registrar-GK1分办给handler-GK1');
    await signOut(page);

    await signIn(page, h.t.url, 'gk1-handler');
    await page.getByRole('menuitem', { name: '我的待办' }).click();
    const rows = page.locator('tbody tr.ant-table-row');
    await poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('赵磊');
    await poll(() => page.getByRole('alert').innerText()).toContain('在办 1 件');
    expect(await a11y(page)).toEqual([]);
    await shot(page, 'console-my-tasks');
    await signOut(page);

    await signIn(page, h.t.url, 'gk1-head');
    await page.goto(url(ids[0]!));
    await card.getByRole('button', { name: '转办' }).click();
    d = dialog(page);
    await choose(page, d.getByLabel('承办人'), '刘洋');
    await d.getByRole('button', { name: '转办', exact: true }).click();
    await poll(() => d.innerText()).toContain('转办须写明理由');
    await d.getByLabel('转办理由').fill('原承办人参加培训，本件涉及医疗机构监管，改由刘洋承办');
    await shot(page, 'console-reassign-dialog');
    await d.getByRole('button', { name: '转办', exact: true }).click();
    await d.waitFor({ state: 'detached' });
    await poll(() => page.getByTestId('current-handler').innerText()).toBe('刘洋');
    await poll(() => card.innerText()).toMatch(
      /head-GK1将本件由handler-GK1转办给刘洋[\s\S]*理由：原承办人参加培训/,
    );
    await poll(() => page.getByTestId('timeline-event').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('head-GK1')]),
    );

    // the inbox: each person's load, the unassigned one apart, and the filter by assignee
    await page.getByRole('menuitem', { name: '收件箱' }).click();
    const load = page.getByTestId('workload');
    await poll(() => load.innerText()).toMatch(/刘洋\s+1\s+0\s+0/);
    await poll(() => load.innerText()).toMatch(/未分办\s+1\s+0\s+0/);
    await shot(page, 'console-inbox-workload');
    await load.getByRole('button', { name: '刘洋' }).click();
    const inboxRows = page.locator('.ant-table-wrapper').last().locator('tbody tr.ant-table-row');
    await poll(() => inboxRows.count()).toBe(1);
    expect(await inboxRows.first().innerText()).toMatch(/赵磊[\s\S]*刘洋/);
    expect(page.url()).toContain('assignee=');
    expect(await a11y(page)).toEqual([]);
  });
});
