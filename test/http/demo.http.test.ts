import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { demoAtStartup } from '../../src/services/demo/seed.ts';
import { TestClock } from '../support/context.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

describe('the demo at first start', () => {
  let t: TestServer;
  const lines: string[] = [];
  const log = {
    log: (line: string) => lines.push(line),
    error: (...args: unknown[]) => lines.push(String(args[0])),
  };
  beforeAll(async () => {
    t = await startTestServer('sqlite', { now: new TestClock(new Date('2026-01-24T02:00:00Z')).now });
  });
  afterAll(() => t.close());

  it('shows no demo login before seeding, then the seeded one, which opens the whole console', async () => {
    expect((await t.server.inject({ method: 'GET', url: '/api/console/info' })).json()).toEqual({
      demoMode: false,
      demo: null,
      agencyName: null,
      today: '2026-01-24',
    });
    t.app.demoLogin = await demoAtStartup(t.app.ctx, log);
    expect(lines[0]).toMatch(/^已生成演示数据（[\d.]+ 秒）：演示账号 demo，密码 gongkai-demo-2026$/);
    const info = (await t.server.inject({ method: 'GET', url: '/api/console/info' })).json() as {
      demo: { username: string; password: string };
    };
    expect(info.demo.username).toBe('demo');
    // a restart finds the same login without seeding again
    expect(await demoAtStartup(t.app.ctx, log)).toEqual(info.demo);
    expect(lines).toHaveLength(1);

    const demo = await loginAs(t.server, info.demo.username, info.demo.password);
    const inbox = (await demo.request('GET', '/api/applications?open=true')).json() as { total: number };
    expect(inbox.total).toBeGreaterThan(0);
    // on 24 January: last year's report submitted, returned, resubmitted and cleared — awaiting publication
    const report = (await demo.request('GET', '/api/reports/2025')).json() as {
      status: string;
      deadline: { state: string };
      actions: { action: string; allowed: boolean }[];
      findings: { severity: string }[];
    };
    expect(report.status).toBe('cleared');
    expect(report.deadline).toMatchObject({ state: 'open', daysLeft: 7 });
    expect(report.actions).toContainEqual(expect.objectContaining({ action: 'publish', allowed: true }));
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const { user } = (await demo.request('GET', '/api/auth/me')).json() as { user: { agencyId: number } };
    const supervisor = await loginAs(t.server, 'qzf-supervisor', info.demo.password);
    const seen = (
      await supervisor.request('GET', `/api/reports/2025?agencyId=${user.agencyId}`)
    ).json() as typeof report;
    expect(seen.actions.map((a) => a.action)).toEqual(['return']);
  });

  it("serves the bureau's portal at /, with its catalog", async () => {
    const home = await t.server.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<title>政府信息公开 — 某市某区卫生健康局</title>');
    const catalog = await t.server.inject({ method: 'GET', url: '/catalog' });
    expect(catalog.body).toContain('某市某区卫生健康局');
    // the demo's items are in the bureau's catalog: some category counts more than none
    expect(catalog.body).toMatch(/<span class="count">（[1-9]\d*）<\/span>/);
  });

  it('while the demo is on: a banner on every page, the password only to a client on this machine (#16 point 7)', async () => {
    expect(t.app.demoLogin).not.toBeNull();
    for (const url of ['/', '/catalog', '/apply', '/status', '/tools/report', '/no-such-page', '/console/'])
      expect((await t.server.inject({ method: 'GET', url })).body, url).toContain(
        '演示模式：本站运行的是生成的演示数据',
      );
    const info = (remoteAddress: string) =>
      t.server.inject({ method: 'GET', url: '/api/console/info', remoteAddress }).then((r) => r.json());
    expect(await info('127.0.0.1')).toMatchObject({ demoMode: true, demo: { username: 'demo' } });
    expect(await info('::1')).toMatchObject({ demoMode: true, demo: { username: 'demo' } });
    for (const remote of ['10.0.0.8', '192.168.1.20', '203.0.113.5'])
      expect(await info(remote), remote).toMatchObject({ demoMode: true, demo: null });
    // the demo off: no banner, no password, even to this machine
    const login = t.app.demoLogin;
    t.app.demoLogin = null;
    try {
      expect((await t.server.inject({ method: 'GET', url: '/' })).body).not.toContain('演示模式');
      expect(await info('127.0.0.1')).toMatchObject({ demoMode: false, demo: null });
    } finally {
      t.app.demoLogin = login;
    }
  });
});

describe('the demo only on a bind to this machine (#16 point 7)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-demo-config-'));
  it.each([
    [{}, '127.0.0.1', true],
    [{ HOST: 'localhost' }, 'localhost', true],
    [{ HOST: '::1' }, '::1', true],
    [{ HOST: '0.0.0.0' }, '0.0.0.0', false],
    [{ HOST: '10.0.0.5' }, '10.0.0.5', false],
    [{ GONGKAI_TLS: '1' }, '127.0.0.1', false],
    [{ HOST: '0.0.0.0', GONGKAI_DEMO: '1' }, '0.0.0.0', true],
    [{ GONGKAI_DEMO: '0' }, '127.0.0.1', false],
  ] as const)('%o → host %s, demo %s', (env, host, demo) => {
    const config = loadConfig({ DATA_DIR: dataDir, ...env });
    expect(config.host).toBe(host);
    expect(config.demo).toBe(demo);
  });
});
