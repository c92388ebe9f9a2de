import type { RouteOptions } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import { ROLES } from '../../src/domain/access/roles.ts';
import { reportTemplate, reportToJson } from '../../src/domain/report/index.ts';
import { buildServer } from '../../src/http/server.ts';
import { createUser } from '../../src/services/staff.service.ts';
import { launchBrowser } from '../support/browser.ts';
import type { TestDatabase } from '../support/databases.ts';
import { createTestDatabase } from '../support/databases.ts';
import { agencyWithStaff, ID_NUMBER, PHONE } from '../support/fixtures.ts';
import { testConfig } from '../support/server.ts';
import { ensureConsoleBuilt } from './console-build.ts';

/**
 * Rendered pages escape everything. Script-injection strings are stored through the APIs and forms — agency
 * name and office settings, staff names, applicants, requested items, correction points, catalog items and
 * attachment names, a report's agency and narrative — and every page showing them is opened in real Chromium
 * with the CSP bypassed, so markup that got through would run: no probe may call `__xss`, open a dialog, or
 * leave an element or a javascript: link in the DOM, while the probe's text is visibly on the page. Every other
 * HTML page the server has (enumerated from its routes) is opened too, with the probe in its query string.
 */
const probe = (id: string) => `探针${id}"'><img src=x data-xss onerror=__xss('${id}')>`;
const longProbe = (id: string) =>
  `${probe(id)}</textarea></title></script><script>__xss('${id}s')</script><svg data-xss onload=__xss('${id}v')><a data-xss href="javascript:__xss('${id}j')">链接</a>`;
const PASSWORD = 'xss-password-1';

describe('no script injection in rendered pages (Chromium)', () => {
  let app: App;
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof buildServer>>;
  let url = '';
  let browser: Browser;
  let anonymous: BrowserContext;
  let staff: BrowserContext;
  const routes: RouteOptions[] = [];
  const ids = { counter: 0, online: 0, item: 0, letter: 0, tracking: '', secret: '' };
  const dialogs: string[] = [];

  beforeAll(async () => {
    ensureConsoleBuilt();
    database = await createTestDatabase('sqlite');
    app = await createApp(testConfig(), { database, migrated: true });
    server = await buildServer(app, { onRoute: (r) => void routes.push(r) });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
    const { agency } = await agencyWithStaff(app.ctx, 'XSS1', '某区卫生健康局');
    await createUser(app.ctx, 'system', {
      agencyId: agency.id,
      username: 'xss-all',
      displayName: '全部角色',
      roles: [...ROLES],
      password: PASSWORD,
    });

    // everything below goes through the HTTP API, as a browser or a client would send it
    const login = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'xss-all', password: PASSWORD },
    });
    const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const headers = { cookie, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
    const api = async (method: string, path: string, payload?: unknown, expected = [200, 201]) => {
      const res = await server.inject({
        method: method as 'POST',
        url: path,
        headers,
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
      if (!expected.includes(res.statusCode))
        throw new Error(`${method} ${path}: ${res.statusCode} ${res.body}`);
      return res.json() as Record<string, unknown>;
    };
    await api('PATCH', '/api/admin/agency', {
      name: `某区卫生健康局${probe('AG')}`,
      settings: {
        office: {
          name: longProbe('OF'),
          address: longProbe('AD'),
          hours: longProbe('HO'),
          phone: probe('PH'),
        },
      },
    });
    await api('POST', '/api/admin/users', {
      username: 'xss-name',
      displayName: probe('DN'),
      roles: ['handler'],
      password: PASSWORD,
    });
    const applicant = {
      type: 'natural',
      name: probe('AN'),
      idKind: '居民身份证',
      idNumber: ID_NUMBER,
      phone: PHONE,
      email: 'a@example.com',
      address: longProbe('AA').slice(0, 200),
      postcode: '310000',
    };
    const counter = await api('POST', '/api/applications', {
      applicant,
      receipt: { channel: 'in_person', submittedOn: new Date().toISOString().slice(0, 10) },
      items: [{ description: longProbe('IT'), documentNumber: probe('DO') }],
      form: 'electronic',
      delivery: 'email',
    });
    ids.counter = (counter.application as { id: number }).id;
    const online = await server.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: {
        agency: 'XSS1',
        applicant,
        items: [{ description: longProbe('OI') }],
        form: 'electronic',
        delivery: 'online',
      },
    });
    const submitted = online.json() as { trackingCode: string; secret: string };
    ids.tracking = submitted.trackingCode;
    ids.secret = submitted.secret;
    const list = await api('GET', '/api/applications?pageSize=200');
    ids.online = (list.rows as { id: number; trackingCode: string }[]).find(
      (r) => r.trackingCode === ids.tracking,
    )!.id;
    await api('POST', `/api/applications/${ids.online}/actions`, {
      action: { type: 'request_correction', points: [longProbe('CP')], periodDays: 10 },
    });
    const timeline = await api('GET', `/api/applications/${ids.online}/timeline`);
    ids.letter = (timeline.letters as { id: number }[])[0]!.id;

    const item = await api('POST', `/api/catalog/agencies/${agency.id}/items`, {
      title: probe('TI'),
      publisher: probe('PU'),
      docNumber: probe('DN2'),
      categoryCode: 'jgzn',
      summary: longProbe('SU'),
      body: longProbe('BO'),
    });
    ids.item = item.id as number;
    const boundary = '----xssprobe';
    const upload = await server.inject({
      method: 'POST',
      url: `/api/catalog/items/${ids.item}/attachments`,
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${probe('FN').replace(/"/g, '')}.txt"\r\nContent-Type: text/plain\r\n\r\n${longProbe('FT')}\r\n--${boundary}--\r\n`,
    });
    expect(upload.statusCode).toBe(201);
    for (const action of ['submit', 'approve', 'pass_secrecy', 'sign', 'publish'])
      await api('POST', `/api/catalog/items/${ids.item}/actions`, { action });

    browser = await launchBrowser();
    const context = async () => {
      // the CSP would block injected scripts; bypass it, so only escaping stands between a probe and running
      const c = await browser.newContext({ bypassCSP: true });
      await c.addInitScript(() => {
        const hits: string[] = [];
        Object.assign(window, { __hits: hits, __xss: (id: string) => hits.push(id) });
      });
      c.on('page', (p) => p.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss())));
      return c;
    };
    anonymous = await context();
    staff = await context();
    const page = await staff.newPage();
    await page.goto(`${url}/console/`);
    await page.getByLabel('用户名').waitFor({ timeout: 60_000 });
    await page.getByLabel('用户名').fill('xss-all');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    await page.close();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.destroy();
  });

  /** Nothing injected ran or stayed in the DOM; returns the page's visible text. */
  async function clean(page: Page, what: string): Promise<string> {
    // the console renders with scripts after load; the portal's pages are complete when loaded
    await page.waitForLoadState(page.url().includes('/console/') ? 'networkidle' : 'load');
    const state = await page.evaluate(() => ({
      hits: (window as unknown as { __hits: string[] }).__hits,
      injected: [...document.querySelectorAll('[data-xss], [onerror], [onload]')].map((e) =>
        e.outerHTML.slice(0, 120),
      ),
      links: [...document.querySelectorAll('a[href]')]
        .map((a) => a.getAttribute('href') ?? '')
        .filter((h) => /^\s*javascript:/i.test(h)),
      text: document.body?.innerText ?? '',
    }));
    expect(state.hits, `${what}: a probe ran`).toEqual([]);
    expect(state.injected, `${what}: markup from a probe is in the DOM`).toEqual([]);
    expect(state.links, `${what}: a javascript: link`).toEqual([]);
    expect(dialogs, `${what}: a dialog opened`).toEqual([]);
    return state.text;
  }

  async function visit(context: BrowserContext, path: string, shows: string[]): Promise<void> {
    const page = await context.newPage();
    try {
      const res = await page.goto(`${url}${path}`);
      expect(res?.status(), path).toBeLessThan(500);
      if (shows.length > 0)
        await page.getByText(`探针${shows[0]}`, { exact: false }).first().waitFor({ timeout: 30_000 });
      const text = await clean(page, path);
      for (const id of shows) expect(text, `${path} shows probe ${id} as text`).toContain(`探针${id}`);
      if (shows.length > 0) expect(text, `${path} shows the markup as text`).toContain('<img src=x data-xss');
    } finally {
      await page.close();
    }
  }

  it('would notice markup that got through (control)', async () => {
    const page = await anonymous.newPage();
    await page.setContent(`<p>${longProbe('X')}</p>`);
    const hits = await page.evaluate(() => (window as unknown as { __hits: string[] }).__hits);
    expect(hits).toEqual(expect.arrayContaining(['Xs']));
    expect(await page.locator('[data-xss]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('escapes stored values on the public portal', async () => {
    await visit(anonymous, '/', ['AG', 'TI']);
    await visit(anonymous, '/catalog', ['AG']);
    await visit(anonymous, '/catalog/jgzn', ['TI']);
    await visit(anonymous, `/items/${ids.item}`, ['TI', 'PU', 'SU', 'BO', 'FN']);
    await visit(anonymous, '/guide', ['AG', 'OF', 'AD', 'HO']);
    await visit(anonymous, `/search?q=${encodeURIComponent('探针TI')}`, ['TI']);
  });

  it('escapes values reflected from the query string and from a refused form', async () => {
    await visit(anonymous, `/search?q=${encodeURIComponent(longProbe('Q1'))}`, ['Q1']);
    const prefilled = await anonymous.newPage();
    await prefilled.goto(
      `${url}/apply?title=${encodeURIComponent(probe('Q2'))}&docNumber=${encodeURIComponent(probe('Q3'))}`,
    );
    await clean(prefilled, '/apply prefilled from the query');
    expect(await prefilled.inputValue('[name="items.0.description"]')).toContain(probe('Q2'));
    await prefilled.close();
    await visit(anonymous, `/${encodeURIComponent(probe('NF'))}`, []);

    const page = await anonymous.newPage();
    await page.goto(`${url}/apply`);
    await page.fill('[name="applicant.name"]', probe('F1'));
    await page.fill('[name="applicant.address"]', probe('F2'));
    await page.fill('[name="items.0.description"]', longProbe('F3'));
    await page.locator('form button[type="submit"]').last().click();
    await page.waitForLoadState('networkidle');
    const text = await clean(page, 'refused application form');
    expect(text).toMatch(/请填写|证件|身份证/);
    for (const field of ['applicant.name', 'items.0.description'])
      expect(await page.inputValue(`[name="${field}"]`)).toContain('<img src=x data-xss');
    await page.close();
  });

  it('escapes the application on the applicant status page', async () => {
    const page = await anonymous.newPage();
    await page.goto(`${url}/status`);
    await page.fill('[name="trackingCode"]', ids.tracking);
    await page.fill('[name="secret"]', ids.secret);
    await page.locator('form button[type="submit"]').last().click();
    await page.getByText('探针OI').first().waitFor();
    const text = await clean(page, 'status page');
    for (const id of ['OI', 'CP', 'AG']) expect(text).toContain(`探针${id}`);
    expect(text).toContain('<img src=x data-xss');
    await page.close();
  });

  it('escapes stored values in the staff console and the letters', async () => {
    await visit(staff, '/console/', ['AN']);
    await visit(staff, `/console/applications/${ids.counter}`, ['AN', 'IT']);
    await visit(staff, `/console/applications/${ids.online}`, ['OI']);
    await visit(staff, '/console/catalog', ['TI']);
    await visit(staff, `/console/catalog/items/${ids.item}`, ['TI', 'BO']);
    await visit(staff, '/console/admin?tab=users', ['DN']);
    await visit(staff, '/console/admin?tab=agency', []);
    await visit(staff, `/api/applications/${ids.online}/letters/${ids.letter}`, ['AN', 'OI', 'AG']);
  });

  it('escapes a report checked in the report tool', async () => {
    const report = reportTemplate(2025, undefined, longProbe('RA'));
    report.narrative = { overview: longProbe('N1'), problems: longProbe('N2'), other: longProbe('N3') };
    const page = await anonymous.newPage();
    await page.goto(`${url}/tools/report`);
    await page.fill('#report-json', reportToJson(report));
    await page.getByRole('button', { name: '核对报告' }).click();
    await page.getByText('探针RA').first().waitFor();
    const text = await clean(page, 'report checker');
    expect(text).toContain('探针RA');
    expect(text).toContain('<img src=x data-xss');
    await page.close();
  });

  it('escapes the query string on every other HTML page the server has', async () => {
    const hostile = `q=${encodeURIComponent(longProbe('C1'))}&page=${encodeURIComponent(probe('C3'))}&back=${encodeURIComponent("javascript:__xss('C4')")}&title=${encodeURIComponent(probe('C5'))}`;
    // with a real agency the pages render; with a hostile one they answer "no such agency", naming it
    const queries = [`?agency=XSS1&${hostile}`, `?agency=${encodeURIComponent(probe('C2'))}&${hostile}`];
    const fill: Record<string, string> = {
      id: String(ids.item),
      code: 'jgzn',
      year: '2025',
      n: '0',
      attachmentId: '1',
    };
    const paths = new Set<string>();
    for (const r of routes) {
      if (
        ![r.method].flat().includes('GET') ||
        r.url.startsWith('/api/') ||
        r.url.includes('*') ||
        r.url.startsWith('/console/assets')
      )
        continue;
      paths.add(r.url.replace(/:(\w+)/g, (_, name: string) => fill[name] ?? '1'));
    }
    expect(paths.size).toBeGreaterThan(10);
    let html = 0;
    const page = await anonymous.newPage();
    for (const path of paths)
      for (const query of queries) {
        const res = await anonymous.request.get(`${url}${path}${query}`, { maxRedirects: 0 });
        expect(res.status(), path).toBeLessThan(500);
        const location = res.headers().location;
        if (location) expect(location, `${path} redirects`).toMatch(/^\/(?![/\\])/);
        const type = String(res.headers()['content-type']);
        if (!type.includes('text/html') || (res.status() >= 300 && res.status() < 400)) continue;
        html++;
        await page.goto(`${url}${path}${query}`);
        await clean(page, `${path}${query.slice(0, 30)}…`);
      }
    await page.close();
    expect(html).toBeGreaterThan(15);
  }, 120_000);
});
