import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { TestClock } from '../support/context.ts';
import { agencyWithStaff } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';
import { ensureConsoleBuilt } from './console-build.ts';

export interface ConsoleHarness {
  t: TestServer;
  clock: TestClock;
  browser: Browser;
  page: Page;
  staff: Awaited<ReturnType<typeof agencyWithStaff>>['staff'];
  agency: Awaited<ReturnType<typeof agencyWithStaff>>['agency'];
  close(): Promise<void>;
}

/**
 * A listening server on a fresh database with the clock at `start`, the agency GK1 (某区卫生健康局) and one user
 * per role, the console built, and a 1366×768 Chromium page.
 */
export async function startConsole(start: string): Promise<ConsoleHarness> {
  ensureConsoleBuilt();
  const clock = new TestClock(new Date(start));
  const t = await startTestServer('sqlite', { listen: true, now: clock.now });
  const { agency, staff } = await agencyWithStaff(t.app.ctx, 'GK1', '某区卫生健康局');
  const browser = await launchBrowser();
  const page = await browser.newPage({
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  page.setDefaultTimeout(30_000);
  return {
    t,
    clock,
    browser,
    page,
    staff,
    agency,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}
