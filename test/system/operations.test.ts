import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { naturalApplicant } from '../support/fixtures.ts';
import type { ChildServer } from './support/child-server.ts';
import { startChildServer } from './support/child-server.ts';
import type { SystemEnv } from './support/environment.ts';
import { createSystemEnv, seedAgency } from './support/environment.ts';

/**
 * Operations (#15 point 5) on the real server process behind a proxy (GONGKAI_TLS=1, the proxy at 127.0.0.1):
 * every JSON log line of a request carries its id, the one its answer names — the proxy's X-Request-Id, never a
 * client's — and SIGTERM drains: new connections are refused, a request in flight finishes and is stored, the
 * process exits 0 within SHUTDOWN_SECONDS; one that does not finish in time is cut and the exit says so.
 */
const SHUTDOWN_SECONDS = 20;

interface LogLine {
  reqId?: string;
  msg?: string;
  req?: { url?: string };
  res?: { statusCode?: number };
  [key: string]: unknown;
}

/** The server's JSON log lines so far (its start-up messages are plain text and left out). */
function logLines(server: ChildServer): LogLine[] {
  return server
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);
}

/** One request from a chosen local address (127.0.0.2 is loopback, but not the trusted proxy). */
function get(
  server: ChildServer,
  path: string,
  headers: Record<string, string>,
  localAddress = '127.0.0.1',
): Promise<{ status: number; requestId: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path, headers, localAddress, agent: false },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, requestId: String(res.headers['x-request-id']) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Whether a new connection to the port is refused, or its health check says the process drains. */
function drainingOrRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(5_000, () => socket.destroy());
    socket.once('error', () => resolve(true));
    socket.once('connect', () => {
      socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
      let answer = '';
      socket.on('data', (c: Buffer) => (answer += c.toString('utf8')));
      socket.once('close', () => resolve(/^HTTP\/1\.1 503/.test(answer)));
    });
  });
}

async function until(condition: () => boolean | Promise<boolean>, ms: number, what: string) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

/**
 * A submission written in two parts over one connection: the headers and half the body now, the rest when
 * `finish()` is called; resolves with the raw answer once the server has answered and closed.
 */
function slowSubmission(port: number, requestId: string) {
  const body = Buffer.from(
    JSON.stringify({
      agency: 'OP1',
      applicant: naturalApplicant({ name: '缓慢的申请人' }),
      items: [{ description: '某区2025年财政预算执行情况' }],
      form: 'electronic',
      delivery: 'online',
    }),
  );
  const socket = connect(port, '127.0.0.1');
  let answer = '';
  socket.on('data', (c: Buffer) => (answer += c.toString('utf8')));
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(answer)));
  socket.once('error', () => undefined);
  const half = Math.floor(body.length / 2);
  socket.write(
    `POST /api/public/applications HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${body.length}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n`,
  );
  socket.write(body.subarray(0, half));
  return { finish: () => socket.write(body.subarray(half)), closed };
}

describe.each(DIALECTS)('operations of the server process on %s', (dialect) => {
  let sys: SystemEnv;
  let server: ChildServer;
  beforeAll(async () => {
    sys = await createSystemEnv(dialect, {
      LOG_LEVEL: 'info',
      GONGKAI_TLS: '1',
      TRUSTED_PROXIES: '127.0.0.1',
      SHUTDOWN_SECONDS: String(SHUTDOWN_SECONDS),
      GONGKAI_JOBS: '0',
    });
    await seedAgency(sys, 'OP1');
    server = await startChildServer(sys.env, { readyTimeoutMs: 100_000 });
    await server.ready;
  }, 150_000);
  afterAll(async () => {
    server?.kill('SIGKILL');
    await server?.exited;
    await sys?.destroy();
  });

  it('logs every line of a request as JSON under the id its answer names: the proxy’s, or a new one', async () => {
    const path = `/no-such-page-${randomUUID()}`;
    const fromProxy = await get(server, path, { 'x-request-id': 'nginx-7f3a9c' });
    expect(fromProxy).toEqual({ status: 404, requestId: 'nginx-7f3a9c' });
    // the same id offered by a client that is not the proxy is not taken: a new one is made
    const fromClient = await get(server, `${path}-2`, { 'x-request-id': 'nginx-7f3a9c' }, '127.0.0.2');
    expect(fromClient.status).toBe(404);
    expect(fromClient.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // a sane id is required even from the proxy
    const odd = await get(server, `${path}-3`, { 'x-request-id': 'a b<script>' });
    expect(odd.requestId).toMatch(/^[0-9a-f-]{36}$/);

    for (const [id, url] of [
      ['nginx-7f3a9c', path],
      [fromClient.requestId, `${path}-2`],
      [odd.requestId, `${path}-3`],
    ] as const) {
      await until(
        () => logLines(server).some((l) => l.reqId === id && l.res?.statusCode === 404),
        10_000,
        `the completion line of ${id}`,
      );
      const lines = logLines(server);
      // the line that names the URL, and every other line about it, carry the id
      const aboutUrl = lines.filter((l) => l.req?.url === url);
      expect(aboutUrl.length).toBeGreaterThan(0);
      for (const l of aboutUrl) expect(l.reqId).toBe(id);
      const ofId = lines.filter((l) => l.reqId === id);
      expect(ofId.map((l) => l.msg)).toEqual(
        expect.arrayContaining(['incoming request', 'request completed']),
      );
      for (const l of ofId) expect(typeof l.time === 'number' && typeof l.level === 'number').toBe(true);
    }
  });

  it('drains on SIGTERM: refuses new connections, finishes the request in flight, exits 0 in time', async () => {
    const slow = slowSubmission(server.port, 'drain-test-1');
    // the server has the request (its first line is logged) before the signal
    await until(
      () => logLines(server).some((l) => l.reqId === 'drain-test-1' && l.msg === 'incoming request'),
      10_000,
      'the slow request arriving',
    );
    const signalled = Date.now();
    server.kill('SIGTERM');
    await until(() => drainingOrRefused(server.port), 10_000, 'new connections refused');
    expect(server.process.exitCode).toBeNull();
    slow.finish();
    const answer = await slow.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 201/);
    const { trackingCode } = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
      trackingCode: string;
    };
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(SHUTDOWN_SECONDS * 1000);
    expect(logLines(server).some((l) => l.signal === 'SIGTERM')).toBe(true);
    // what was acknowledged while draining is stored
    const db = sys.open();
    try {
      const stored = await db.db
        .selectFrom('applications')
        .select('tracking_code')
        .where('tracking_code', '=', trackingCode)
        .execute();
      expect(stored).toHaveLength(1);
    } finally {
      await db.close();
    }
  });

  it('cuts a request that outlasts SHUTDOWN_SECONDS and exits 1', async () => {
    server = await startChildServer({ ...sys.env, SHUTDOWN_SECONDS: '2' }, { readyTimeoutMs: 100_000 });
    await server.ready;
    const slow = slowSubmission(server.port, 'drain-test-2');
    await until(
      () => logLines(server).some((l) => l.reqId === 'drain-test-2' && l.msg === 'incoming request'),
      10_000,
      'the slow request arriving',
    );
    const signalled = Date.now();
    server.kill('SIGTERM');
    const exit = await server.exited;
    expect(exit).toEqual({ code: 1, signal: null });
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(2_000);
    expect(await slow.closed).toBe('');
  });
});
