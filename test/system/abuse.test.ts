import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_LOGINS } from '../../src/services/auth.service.ts';
import { TestClock } from '../support/context.ts';
import { agencyWithStaff, naturalApplicant } from '../support/fixtures.ts';
import { fileUpload } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';
import { EXE_BYTES } from './support/fuzz.ts';
import { PNG_1X1 } from './support/populate.ts';
import { rowCounts } from './support/snapshot.ts';

/**
 * Abuse limits: per-client rate limits on the public application API and form, the status lookup and the
 * login (and that a client cannot dodge them by writing X-Forwarded-For itself); account lockout with a
 * doubling back-off; upload size and type limits; security headers on pages, the API and error responses.
 */
const chinese = (res: LightMyRequestResponse) =>
  expect((res.json() as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fff]/);

const application = (n: number) => ({
  agency: 'AB1',
  applicant: naturalApplicant({ name: `申请人${n}` }),
  items: [{ description: '某区2025年财政预算执行情况' }],
  form: 'electronic',
  delivery: 'online',
});

describe('rate limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
    await agencyWithStaff(t.app.ctx, 'AB1');
  });
  afterAll(() => t.close());

  it('limits online submissions to 10 a minute per client, in Chinese, without storing the refused one', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await t.server.inject({
        method: 'POST',
        url: '/api/public/applications',
        payload: application(i),
        remoteAddress: '198.51.100.7',
      });
      expect(res.statusCode).toBe(201);
    }
    const before = await rowCounts(t.database, ['applications', 'events']);
    const refused = await t.server.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: application(10),
      remoteAddress: '198.51.100.7',
    });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    chinese(refused);
    expect(await rowCounts(t.database, ['applications', 'events'])).toEqual(before);
    const other = await t.server.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: application(11),
      remoteAddress: '198.51.100.8',
    });
    expect(other.statusCode).toBe(201);
  });

  it('limits the portal form, the status lookup and the login per client', async () => {
    for (const [url, max, payload, type] of [
      ['/apply?agency=AB1', 10, 'applicant.name=x', 'application/x-www-form-urlencoded'],
      [
        '/status?agency=AB1',
        20,
        'trackingCode=GK2026-AAAA&secret=BBBBBBBB',
        'application/x-www-form-urlencoded',
      ],
      [
        '/api/public/applications/lookup',
        20,
        JSON.stringify({ trackingCode: 'GK2026-AAAA', secret: 'BBBBBBBB' }),
        'application/json',
      ],
      [
        '/api/auth/login',
        20,
        JSON.stringify({ username: 'nobody', password: 'wrong-password-1' }),
        'application/json',
      ],
    ] as const) {
      const send = () =>
        t.server.inject({
          method: 'POST',
          url,
          payload,
          headers: { 'content-type': type },
          remoteAddress: '203.0.113.9',
        });
      for (let i = 0; i < max; i++) expect((await send()).statusCode, `${url} #${i + 1}`).not.toBe(429);
      const limited = await send();
      expect(limited.statusCode, url).toBe(429);
      expect(limited.body, url).toMatch(/请求过于频繁/);
    }
  });
});

describe('rate limits behind the TLS proxy (GONGKAI_TLS=1)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', { config: { tls: true } });
    await agencyWithStaff(t.app.ctx, 'AB1');
  });
  afterAll(() => t.close());

  it('counts the address the proxy appended, not what the client wrote into X-Forwarded-For', async () => {
    const viaProxy = (n: number, forwarded: string) =>
      t.server.inject({
        method: 'POST',
        url: '/api/public/applications',
        payload: application(n),
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': forwarded },
      });
    for (let i = 0; i < 10; i++)
      expect((await viaProxy(i, `10.9.${i}.1, 198.51.100.20`)).statusCode).toBe(201);
    expect((await viaProxy(10, '10.9.99.1, 198.51.100.20')).statusCode).toBe(429);
    // another client behind the same proxy has its own allowance
    expect((await viaProxy(11, '198.51.100.21')).statusCode).toBe(201);
    // a client reaching the port directly cannot pose as someone else
    const direct = (n: number) =>
      t.server.inject({
        method: 'POST',
        url: '/api/public/applications',
        payload: application(n),
        remoteAddress: '198.51.100.30',
        headers: { 'x-forwarded-for': `10.8.${n}.1` },
      });
    for (let i = 0; i < 10; i++) expect((await direct(20 + i)).statusCode).toBe(201);
    expect((await direct(30)).statusCode).toBe(429);
  });
});

describe('account lockout with back-off', () => {
  let t: TestServer;
  const clock = new TestClock(new Date('2026-11-02T02:00:00Z'));
  const login = (password: string, client = '192.0.2.1') =>
    t.server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lk1-handler', password },
      remoteAddress: client,
    });
  beforeAll(async () => {
    t = await startTestServer('sqlite', { now: clock.now });
    await agencyWithStaff(t.app.ctx, 'LK1');
  });
  afterAll(() => t.close());

  it('locks after 5 failures, refuses even the right password, and doubles the lock on each further failure', async () => {
    expect(MAX_FAILED_LOGINS).toBe(5);
    for (let i = 0; i < 4; i++) {
      const res = await login('wrong-password-1');
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { message: '用户名或密码错误' } });
    }
    expect((await login('wrong-password-1')).statusCode).toBe(401); // the 5th failure locks
    const locked = await login('test-password-1');
    expect(locked.statusCode).toBe(423);
    // the lock is per username and client: the owner logging in from elsewhere is not locked out
    expect((await login('test-password-1', '192.0.2.200')).statusCode).toBe(200);
    expect((locked.json() as { error: { message: string } }).error.message).toMatch(/已暂停登录至/);

    clock.advance(4 * 60_000 + 59_000);
    expect((await login('test-password-1')).statusCode).toBe(423);
    clock.advance(2_000); // 5 minutes after the 5th failure
    expect((await login('wrong-password-1')).statusCode).toBe(401); // the 6th failure: 10 minutes
    clock.advance(9 * 60_000 + 59_000);
    expect((await login('test-password-1')).statusCode).toBe(423);
    clock.advance(2_000);
    expect((await login('wrong-password-1')).statusCode).toBe(401); // the 7th failure: 20 minutes
    clock.advance(19 * 60_000 + 59_000);
    expect((await login('test-password-1')).statusCode).toBe(423);
    clock.advance(2_000);
    expect((await login('test-password-1')).statusCode).toBe(200);
    // a success resets the count: the next failure does not lock
    expect((await login('wrong-password-1')).statusCode).toBe(401);
    expect((await login('test-password-1')).statusCode).toBe(200);

    const audit = await t.database.db
      .selectFrom('events')
      .select('action')
      .where('entity_type', '=', 'user')
      .where('action', 'in', ['login_failed', 'login_locked'])
      .execute();
    expect(audit.filter((e) => e.action === 'login_locked').length).toBe(3);
  });
});

describe('upload limits', () => {
  let t: TestServer;
  let headers: Record<string, string>;
  let draft: number;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
    const { agency } = await agencyWithStaff(t.app.ctx, 'UP1');
    const login = await t.server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'up1-handler', password: 'test-password-1' },
    });
    headers = {
      cookie: String([login.headers['set-cookie']].flat()[0]).split(';')[0]!,
      'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken,
    };
    const created = await t.server.inject({
      method: 'POST',
      url: `/api/catalog/agencies/${agency.id}/items`,
      headers,
      payload: { title: '关于某事项的通知', publisher: 'UP1卫生健康局', categoryCode: 'jgzn', body: '正文' },
    });
    expect(created.statusCode).toBe(201);
    draft = (created.json() as { id: number }).id;
  });
  afterAll(() => t.close());

  const attachments = () => {
    try {
      return readdirSync(join(t.app.config.dataDir, 'attachments'));
    } catch {
      return [];
    }
  };
  const upload = (filename: string, type: string, data: Buffer) =>
    t.server.inject({
      method: 'POST',
      url: `/api/catalog/items/${draft}/attachments`,
      ...fileUpload(filename, type, data),
      headers: { ...headers, ...fileUpload(filename, type, data).headers },
    });

  it('takes a real file', async () => {
    const res = await upload('图.png', 'image/png', PNG_1X1);
    expect(res.statusCode).toBe(201);
    expect(attachments().length).toBe(1);
  });

  it('refuses a file over 20 MB with 413 in Chinese, storing nothing', async () => {
    const before = await rowCounts(t.database, ['catalog_attachments', 'events']);
    const res = await upload('big.txt', 'text/plain', Buffer.alloc(20 * 1024 * 1024 + 1, 0x41));
    expect(res.statusCode).toBe(413);
    chinese(res);
    expect(await rowCounts(t.database, ['catalog_attachments', 'events'])).toEqual(before);
    expect(attachments().length).toBe(1);
    const tool = await t.server.inject({
      method: 'POST',
      url: '/tools/report',
      ...fileUpload('big.docx', 'application/octet-stream', Buffer.alloc(21 * 1024 * 1024, 0x41)),
    });
    expect(tool.statusCode).toBe(413);
    chinese(tool);
  });

  it('refuses a program renamed .docx (415), storing nothing; the report checker says it is no Word file', async () => {
    const before = await rowCounts(t.database, ['catalog_attachments', 'events']);
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const res = await upload('通知.docx', docx, EXE_BYTES);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ error: { code: 'unsupported_media', field: 'file' } });
    chinese(res);
    expect(await rowCounts(t.database, ['catalog_attachments', 'events'])).toEqual(before);
    expect(attachments().length).toBe(1);
    // the public report checker stores nothing and refuses it too, saying what the file is not
    const tool = await t.server.inject({
      method: 'POST',
      url: '/tools/report',
      ...fileUpload('报告.docx', docx, EXE_BYTES),
    });
    expect(tool.statusCode).toBe(415);
    expect(tool.body).toContain('扩展名为 .docx 但内容不是 Word 文件');
  });

  it('keeps a traversal in the file name inside the attachments folder', async () => {
    const res = await upload('../../../../tmp/evil.txt', 'text/plain', Buffer.from('正文'));
    expect(res.statusCode).toBe(201);
    const names = (res.json() as { attachments: { fileName: string }[] }).attachments.map((a) => a.fileName);
    expect(names).toContain('evil.txt');
    expect(attachments().every((f) => /^[0-9a-f]{64}$/.test(f))).toBe(true);
  });

  it('refuses a JSON body over 2 MB with 413 in Chinese', async () => {
    const res = await t.server.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: { ...application(0), items: [{ description: 'x'.repeat(2 * 1024 * 1024) }] },
    });
    expect(res.statusCode).toBe(413);
    chinese(res);
  });
});

describe('security headers', () => {
  const check = (res: LightMyRequestResponse, tls: boolean, what: string) => {
    const csp = String(res.headers['content-security-policy'] ?? '');
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).toContain("default-src 'self'");
    expect(csp, what).toContain("script-src 'self'");
    expect(csp, what).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options'], what).toBe('nosniff');
    expect(res.headers['referrer-policy'], what).toBeDefined();
    if (tls) expect(res.headers['strict-transport-security'], what).toMatch(/max-age=31536000/);
    else expect(res.headers['strict-transport-security'], what).toBeUndefined();
  };

  for (const tls of [false, true])
    it(`sets them on pages, the API and errors (GONGKAI_TLS=${tls ? 1 : 0})`, async () => {
      const t = await startTestServer('sqlite', { config: { tls } });
      try {
        await agencyWithStaff(t.app.ctx, 'HD1');
        const requests: [string, string, unknown?][] = [
          ['GET', '/'],
          ['GET', '/tools/report'],
          ['GET', '/apply'],
          ['GET', '/no-such-page'],
          ['GET', '/api/calendar/deadline?received=2026-11-02'],
          ['GET', '/api/applications'],
          ['POST', '/api/public/applications', { agency: 'HD1' }],
          ['GET', '/api/applications/%C3%28'],
          ['GET', '/api/openapi.json'],
        ];
        for (const [method, url, payload] of requests) {
          const res = await t.server.inject({
            method: method as 'GET',
            url,
            ...(payload ? { payload: payload as object } : {}),
          });
          check(res, tls, `${method} ${url} → ${res.statusCode}`);
        }
        const login = await t.server.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'hd1-handler', password: 'test-password-1' },
        });
        const cookie = String([login.headers['set-cookie']].flat()[0]);
        expect(cookie).toMatch(/HttpOnly/i);
        expect(cookie).toMatch(/SameSite=Lax/i);
        if (tls) expect(cookie).toMatch(/Secure/);
        else expect(cookie).not.toMatch(/Secure/);
      } finally {
        await t.close();
      }
    });
});
