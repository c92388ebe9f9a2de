import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { agencyWithStaff } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

/**
 * Issue 16 point 8: with GONGKAI_TLS=1, X-Forwarded-For is read only from the configured proxies
 * (TRUSTED_PROXIES), not from any loopback or private client — a client on the private network writing a new
 * X-Forwarded-For on every attempt is still one client, and reaches the login limit.
 */
const login = (t: TestServer, remoteAddress: string, forwarded: string, n: number) =>
  t.server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: `tp-nobody-${n}`, password: 'wrong-password-1' },
    remoteAddress,
    headers: { 'x-forwarded-for': forwarded },
  });

async function statuses(t: TestServer, remoteAddress: string, forwarded: (n: number) => string) {
  const codes: number[] = [];
  for (let n = 0; n < 30; n++) codes.push((await login(t, remoteAddress, forwarded(n), n)).statusCode);
  return codes;
}

describe('trusted proxies by address (GONGKAI_TLS=1)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', {
      config: { tls: true, trustedProxies: ['127.0.0.1', '192.0.2.10'] },
    });
    await agencyWithStaff(t.app.ctx, 'TP1');
  });
  afterAll(() => t.close());

  it('does not read X-Forwarded-For from a private-network client that is not a configured proxy', async () => {
    const codes = await statuses(t, '10.1.2.3', (n) => `198.51.100.${n + 1}`);
    expect(codes).toContain(429);
    expect(codes.indexOf(429)).toBe(20); // the login allowance, counted for 10.1.2.3 itself
  });

  it('nor from a loopback-like private address such as 172.16.x or 192.168.x', async () => {
    expect(await statuses(t, '192.168.0.7', (n) => `203.0.113.${n + 1}`)).toContain(429);
  });

  it('reads it from a configured proxy: each client behind it has its own allowance', async () => {
    const codes = await statuses(t, '192.0.2.10', (n) => `198.18.0.${n + 1}`);
    expect(codes).not.toContain(429);
  });

  it('TRUSTED_PROXIES takes addresses and CIDR ranges, and names a bad entry in Chinese', () => {
    expect(
      loadConfig({ DATA_DIR: t.app.config.dataDir, TRUSTED_PROXIES: '10.0.0.1, fd00::/8' }).trustedProxies,
    ).toEqual(['10.0.0.1', 'fd00::/8']);
    expect(loadConfig({ DATA_DIR: t.app.config.dataDir }).trustedProxies).toEqual(['127.0.0.1', '::1']);
    expect(() =>
      loadConfig({ DATA_DIR: t.app.config.dataDir, TRUSTED_PROXIES: '10.0.0.1,proxy.local' }),
    ).toThrow(/TRUSTED_PROXIES 中的“proxy\.local”不是 IP 地址或网段/);
  });
});
