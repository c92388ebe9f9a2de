import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/persistence/database.ts';
import { listJobLeases } from '../../src/persistence/repositories/job-lease.repository.ts';
import { jobRuns } from '../../src/persistence/repositories/mail.repository.ts';
import { workingCalendar } from '../../src/services/calendar.service.ts';
import { todayInChina } from '../../src/services/context.ts';
import { DAILY_REMINDERS_SCHEDULE } from '../../src/services/jobs/mail-reminders.ts';
import { DAILY_REMINDERS_JOB } from '../../src/services/reminders/daily-reminders.job.ts';
import { createItem } from '../../src/services/catalog/item.service.ts';
import { scheduledJobs } from '../../src/services/jobs/index.ts';
import { postgresAvailable } from '../support/databases.ts';
import type { Staff } from '../support/fixtures.ts';
import { agencyWithStaff, naturalApplicant } from '../support/fixtures.ts';
import type { ChildServer } from './support/child-server.ts';
import { startChildServer, stopChildServer } from './support/child-server.ts';
import { HttpClient, json } from './support/client.ts';
import type { SystemEnv } from './support/environment.ts';
import { childEnv, createSystemEnv } from './support/environment.ts';
import { publishItem } from './support/populate.ts';

/**
 * Two real server processes (`node bin/server.js`) on one PostgreSQL database, as behind a proxy (#15): both
 * start at once on the empty database (one migrates, the other waits); a rate limit counts the requests of
 * both; a lockout set through one holds on the other; a session opened on one works and ends on the other; an
 * item published elsewhere shows on both portals at once (their page caches hear of it); each job runs in
 * one of them only, the day's reminders among them.
 */
describe.skipIf(!postgresAvailable)('two server processes on one PostgreSQL', () => {
  let sys: SystemEnv;
  let servers: ChildServer[];
  let clients: HttpClient[];
  let app: App;
  let staff: Record<string, Staff>;
  let db: Database;

  beforeAll(async () => {
    // the daily reminders from midnight China time: due at once, whenever the test runs
    sys = await createSystemEnv('postgres', { JOB_TICK_SECONDS: '0.5', REMINDER_HOUR: '0' });
    // both start at the same moment on the empty schema
    // (a loaded machine: tsx compiles the server on each start)
    const start = () => startChildServer(sys.env, { readyTimeoutMs: 100_000 });
    servers = await Promise.all([start(), start()]);
    await Promise.all(servers.map((s) => s.ready));
    clients = servers.map((s) => new HttpClient(s.url));
    // a third process (as the CLI would be) creates the agency and later publishes
    app = await createApp(loadConfig(childEnv(sys.env)), { changeFeed: true });
    ({ staff } = await agencyWithStaff(app.ctx, 'CL1'));
    db = sys.open();
  }, 240_000);

  afterAll(async () => {
    for (const c of clients ?? []) c.close();
    await Promise.all((servers ?? []).map((s) => stopChildServer(s)));
    await app?.close();
    await db?.close();
    await sys?.destroy();
  });

  it('migrated the empty database once while the other waited', async () => {
    const rows = await db.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    const names = rows.map((r) => (r as { name: string }).name);
    expect(names.length).toBeGreaterThan(5);
    expect(new Set(names).size).toBe(names.length);
    for (const c of clients) expect((await c.request('GET', '/healthz')).status).toBe(200);
  });

  it('counts a rate limit across both: 10 submissions a minute per client between them, not 10 each', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await clients[i % 2]!.request('POST', '/api/public/applications', {
        body: {
          agency: 'CL1',
          applicant: naturalApplicant({ name: `申请人${i}` }),
          items: [{ description: '某区2025年财政预算执行情况' }],
          form: 'electronic',
          delivery: 'online',
        },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array<number>(10).fill(201), 429, 429]);
  });

  it('holds a lockout set through one process on the other', async () => {
    const login = (c: HttpClient, password: string) =>
      c.request('POST', '/api/auth/login', { body: { username: 'cl1-reviewer', password } });
    for (let i = 0; i < 5; i++) expect((await login(clients[i % 2]!, 'wrong-password-1')).status).toBe(401);
    expect((await login(clients[0]!, 'test-password-1')).status).toBe(423);
    expect((await login(clients[1]!, 'test-password-1')).status).toBe(423);
  });

  it('serves a session opened on one process from the other, and ends it there', async () => {
    const res = await clients[0]!.request('POST', '/api/auth/login', {
      body: { username: 'cl1-handler', password: 'test-password-1' },
    });
    expect(res.status).toBe(200);
    const cookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const { csrfToken } = json<{ csrfToken: string }>(res);
    const me = await clients[1]!.request('GET', '/api/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(json<{ user: { name: string } }>(me).user.name).toBe('handler-CL1');
    const out = await clients[1]!.request('POST', '/api/auth/logout', {
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(200);
    expect((await clients[0]!.request('GET', '/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('shows an item published elsewhere on both portals at once, though both had cached the page', async () => {
    const page = '/catalog/gzdt?agency=CL1';
    const title = '关于集约化平台上线的通知';
    for (const c of clients) {
      const before = await c.request('GET', page);
      expect(before.status).toBe(200);
      expect(before.body).not.toContain(title);
    }
    const draft = await createItem(app.ctx, staff.handler!, staff.handler!.agencyId, {
      title,
      publisher: 'CL1卫生健康局',
      categoryCode: 'gzdt',
      summary: '平台上线',
      body: '平台已上线。',
    });
    await publishItem(app.ctx, draft.id, staff);
    // the page cache keeps a page 30 s: seeing the item on both within 15 s (half that, for a loaded machine) means the processes were told
    const started = Date.now();
    const seen = new Set<number>();
    while (seen.size < 2 && Date.now() - started < 15_000)
      for (const [i, c] of clients.entries())
        if ((await c.request('GET', page)).body.includes(title)) seen.add(i);
    expect([...seen].sort()).toEqual([0, 1]);
  });

  it('runs each scheduled job in one process only', async () => {
    const jobs = scheduledJobs()
      .filter((j) => j.intervalMs >= 600_000)
      .map((j) => j.name);
    expect(jobs).toEqual(expect.arrayContaining(['housekeeping', 'deadlines-recompute']));
    const started = Date.now();
    let leases = await listJobLeases(db.db);
    while (leases.filter((l) => jobs.includes(l.name) && l.lastFinishedAt).length < jobs.length) {
      expect(Date.now() - started).toBeLessThan(20_000);
      leases = await listJobLeases(db.db);
    }
    // both processes keep trying every half second; over several of their ticks nobody runs a job again
    const holders = new Set(leases.map((l) => l.holder?.split(':')[1]));
    const until = Date.now() + 3_000;
    while (Date.now() < until) {
      leases = await listJobLeases(db.db);
      for (const l of leases.filter((x) => jobs.includes(x.name))) expect(l.runs, l.name).toBe(1);
    }
    expect([...holders].every((pid) => servers.some((s) => String(s.pid) === pid))).toBe(true);
  });

  it('runs the day’s reminders once, in one of the two processes, on the scheduler', async () => {
    const started = Date.now();
    let lease = (await listJobLeases(db.db)).find((l) => l.name === DAILY_REMINDERS_SCHEDULE);
    while (!lease?.lastFinishedAt) {
      expect(Date.now() - started).toBeLessThan(20_000);
      lease = (await listJobLeases(db.db)).find((l) => l.name === DAILY_REMINDERS_SCHEDULE);
    }
    const today = todayInChina(app.ctx);
    expect(lease).toMatchObject({ lastError: null, state: today });
    const pids = servers.map((s) => String(s.pid));
    expect(pids).toContain(lease.holder?.split(':')[1]);
    // both keep ticking every half second: the day stays claimed once (none on a day off)
    const working = (await workingCalendar(app.ctx)).isWorkingDay(today);
    const until = Date.now() + 2_000;
    while (Date.now() < until) {
      const runs = await jobRuns(db.db, DAILY_REMINDERS_JOB);
      expect(runs.map((r) => r.run_key)).toEqual(working ? [today] : []);
      if (working) expect(pids).toContain(runs[0]!.claimed_by.split(':')[0]);
    }
  });
});
