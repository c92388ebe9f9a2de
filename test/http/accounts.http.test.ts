import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import { agencyWithStaff } from '../support/fixtures.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

/**
 * Accounts (#16 point 9): a password reset ends the user's other sessions; the lockout answers an unknown
 * username exactly as a real one, after the same work; a lock is per username and client, with a back-off that
 * stops at a day, and the administrator sees it; cross-site login posts are refused.
 */
describe.each(DIALECTS)('accounts (%s)', (dialect) => {
  let t: TestServer;
  const clock = new TestClock(new Date('2026-11-02T02:00:00Z'));
  beforeAll(async () => {
    t = await startTestServer(dialect, { now: clock.now });
    await agencyWithStaff(t.app.ctx, 'AC1');
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, client: string, headers: Record<string, string> = {}) =>
    t.server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      headers,
      remoteAddress: client,
    });

  it('a password reset by the administrator ends every other session of the user, not the admin’s', async () => {
    const handler1 = await loginAs(t.server, 'ac1-handler');
    const handler2 = await loginAs(t.server, 'ac1-handler');
    const admin = await loginAs(t.server, 'ac1-admin');
    const me = (await handler1.request('GET', '/api/auth/me')).json() as { user: { id: number } };
    expect((await handler2.request('GET', '/api/auth/me')).statusCode).toBe(200);
    const reset = await admin.request('PATCH', `/api/admin/users/${me.user.id}`, {
      password: 'new-password-2',
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await handler1.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await handler2.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await admin.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await login('ac1-handler', 'test-password-1', '192.0.2.50')).statusCode).toBe(401);
    expect((await login('ac1-handler', 'new-password-2', '192.0.2.50')).statusCode).toBe(200);
  });

  it('answers an unknown username exactly as an existing one, after the same work', async () => {
    const answers = async (username: string, client: string) => {
      const seen: { status: number; message: string }[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await login(username, 'wrong-password-1', client);
        seen.push({
          status: res.statusCode,
          message: (res.json() as { error: { message: string } }).error.message,
        });
      }
      return seen;
    };
    const real = await answers('ac1-reviewer', '192.0.2.60');
    const unknown = await answers('ac1-nobody', '192.0.2.61');
    const shape = (a: typeof real) =>
      a.map(({ status, message }) => ({ status, message: message.replace(/\d+/g, '#') }));
    expect(shape(unknown)).toEqual(shape(real));
    expect(real.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 423]);
    // the 401s of both ran a password hash (scrypt, tens of ms). Timed in alternation, one attempt each per fresh
    // client so that no lock is reached, and compared by their fastest answers: the least disturbed by whatever
    // else the machine is doing at that moment (a loaded 2-core machine stretches single answers, never shortens them)
    const rounds = { real: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 8; i++) {
      for (const [who, username] of [
        ['real', 'ac1-reviewer'],
        ['unknown', 'ac1-nobody'],
      ] as const) {
        const started = performance.now();
        const res = await login(username, 'wrong-password-1', `192.0.2.${100 + i}`);
        rounds[who].push(performance.now() - started);
        expect(res.statusCode).toBe(401);
      }
    }
    const fastest = (a: number[]) => Math.min(...a);
    const ratio = fastest(rounds.unknown) / fastest(rounds.real);
    expect(ratio, `unknown ${fastest(rounds.unknown)} ms, real ${fastest(rounds.real)} ms`).toBeGreaterThan(
      0.5,
    );
    expect(ratio).toBeLessThan(2);
  });

  it('locks a username for one client only, doubling up to a day, never for good', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('ac1-head', 'wrong-password-1', '198.51.100.70')).statusCode).toBe(401);
    expect((await login('ac1-head', 'test-password-1', '198.51.100.70')).statusCode).toBe(423);
    // the owner, elsewhere, is not locked out by what an attacker did
    expect((await login('ac1-head', 'test-password-1', '198.51.100.71')).statusCode).toBe(200);
    // the administrator sees the lock: for one address, until five minutes from the fifth failure
    const admin = await loginAs(t.server, 'ac1-admin');
    const users = (await admin.request('GET', '/api/admin/users')).json() as {
      username: string;
      loginLock: { clients: number; until: string } | null;
    }[];
    expect(users.find((u) => u.username === 'ac1-head')!.loginLock).toEqual({
      clients: 1,
      until: new Date(clock.now().getTime() + 5 * 60_000).toISOString(),
    });
    expect(users.find((u) => u.username === 'ac1-admin')!.loginLock).toBeNull();
    // ten more failures after each lock has passed (5 min × 2^10 would be 85 hours): the lock stops at 24 hours
    for (let i = 0; i < 10; i++) {
      clock.advance(24 * 3600_000 + 1000);
      expect((await login('ac1-head', 'wrong-password-1', '198.51.100.70')).statusCode).toBe(401);
    }
    clock.advance(24 * 3600_000 - 60_000);
    expect((await login('ac1-head', 'test-password-1', '198.51.100.70')).statusCode).toBe(423);
    clock.advance(61_000);
    expect((await login('ac1-head', 'test-password-1', '198.51.100.70')).statusCode).toBe(200);
  });

  it('refuses a login posted from another site (login CSRF), as JSON or as a form', async () => {
    const evil = await login('ac1-registrar', 'test-password-1', '192.0.2.80', {
      origin: 'https://evil.example',
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.body).toMatch(/其他网站/);
    expect(evil.headers['set-cookie']).toBeUndefined();
    const form = await t.server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: 'username=ac1-registrar&password=test-password-1',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        referer: 'https://evil.example/page',
      },
      remoteAddress: '192.0.2.80',
    });
    expect(form.statusCode).toBe(403);
    const fetchMeta = await login('ac1-registrar', 'test-password-1', '192.0.2.80', {
      'sec-fetch-site': 'cross-site',
    });
    expect(fetchMeta.statusCode).toBe(403);
    const same = await login('ac1-registrar', 'test-password-1', '192.0.2.80', {
      origin: 'http://localhost:80',
      'sec-fetch-site': 'same-origin',
    });
    expect(same.statusCode, same.body).toBe(200);
  });
});
