import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/persistence/database.ts';
import type { App } from '../src/app.ts';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createAgency } from '../src/services/staff.service.ts';
import { naturalApplicant } from '../test/support/fixtures.ts';
import { seededRandom } from '../test/support/report-arbitrary.ts';
import type { ChildServer } from '../test/system/support/child-server.ts';
import { freePort, ROOT, startChildServer } from '../test/system/support/child-server.ts';
import { HttpClient, json, percentile } from '../test/system/support/client.ts';
import { BENCH_DATABASE_URL, benchDatabase, postgresReachable } from './databases.ts';
import { row } from './measure.ts';

/**
 * `npm run bench -- cluster` (#15 point 4): a region on PostgreSQL — BENCH_AGENCIES agencies (3,000) under
 * cities under a province, BENCH_APPLICATIONS applications (default 1,000,000; the issue's 10 M is
 * BENCH_APPLICATIONS=10000000, about ten times the generation time) — served by two server processes behind
 * nginx configured from deploy/nginx/gongkai.conf. Load on the portal (catalog pages of random agencies), the
 * public API (submissions, look-ups of acknowledged ones) while one process is SIGKILLed and restarted.
 * Printed: requests, 5xx and failed connections against the requests the killed process had in flight, every
 * acknowledged submission found afterwards, p50/p99 per kind.
 */
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 3000);
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
/** BENCH_KEEP=1: the region is generated into a named schema that is kept, and reused by the next run */
const KEEP = process.env.BENCH_KEEP === '1';
/** a fixed key, so that a kept region's sealed names and audit chain stay readable by the next run's servers */
const BENCH_KEY = createHash('sha256').update('gongkai cluster bench').digest('base64');

type Kind = 'portal' | 'submit' | 'lookup';
interface Sample {
  kind: Kind;
  start: number;
  end: number;
  status: number; // 0: connection failed
}

export async function run(): Promise<void> {
  if (!(await postgresReachable())) {
    console.log(`PostgreSQL not reachable at ${BENCH_DATABASE_URL}: skipped`);
    return;
  }
  const kept = `bench_cluster_${AGENCIES}_${APPLICATIONS}`;
  if (KEEP) await dropUnfinished(kept);
  const database = await benchDatabase('postgres', KEEP ? { keep: kept } : {});
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-cluster-bench-'));
  const env: Record<string, string> = {
    GONGKAI_SECRET_KEY: BENCH_KEY,
    DATABASE_URL: BENCH_DATABASE_URL,
    DATABASE_SCHEMA: database.schema!,
    DATA_DIR: dir,
    GONGKAI_DEMO: '0',
    GONGKAI_TLS: '1',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  };
  const servers: ChildServer[] = [];
  let nginx: ChildProcess | undefined;
  try {
    console.log(
      `region: ${AGENCIES.toLocaleString('en')} agencies, ${APPLICATIONS.toLocaleString('en')} applications on PostgreSQL (BENCH_AGENCIES, BENCH_APPLICATIONS); ${SECONDS}s of load, ${CONNECTIONS} connections`,
    );
    const codes = await generateRegion(env);
    // two processes on the ports the nginx config names, nginx in front
    const ports = [await freePort(), await freePort()];
    for (const port of ports) servers.push(await startOn(env, port));
    const proxy = await startNginx(dir, ports);
    nginx = proxy.child;
    console.log(
      `  load average before the load: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );

    const client = new HttpClient(proxy.url, CONNECTIONS);
    const random = seededRandom(15);
    const samples: Sample[] = [];
    const acknowledged: { trackingCode: string; secret: string }[] = [];
    let clientNo = 0;
    const nextClient = () => {
      clientNo++;
      return `10.${(clientNo >> 16) & 255}.${(clientNo >> 8) & 255}.${clientNo & 255}`;
    };
    const began = performance.now();
    const until = began + SECONDS * 1000;
    let killAt = 0;
    let restartedAt = 0;
    const one = async (kind: Kind, path: string, method: string, body?: unknown) => {
      const start = performance.now();
      try {
        const res = await client.request(method, path, {
          ...(body !== undefined ? { body } : {}),
          headers: { 'x-bench-client': nextClient() },
        });
        samples.push({ kind, start, end: performance.now(), status: res.status });
        return res;
      } catch {
        samples.push({ kind, start, end: performance.now(), status: 0 });
        return null;
      }
    };
    const worker = async () => {
      while (performance.now() < until) {
        const r = random();
        const code = codes[Math.floor(random() * codes.length)]!;
        if (r < 0.6) await one('portal', `/catalog/gzdt?agency=${code}`, 'GET');
        else if (r < 0.8 || acknowledged.length === 0) {
          const res = await one('submit', '/api/public/applications', 'POST', {
            agency: code,
            applicant: naturalApplicant({ name: `压测${clientNo}` }),
            items: [{ description: '某区2025年财政预算执行情况' }],
            form: 'electronic',
            delivery: 'online',
          });
          if (res?.status === 201) {
            const { trackingCode, secret } = json<{ trackingCode: string; secret: string }>(res);
            acknowledged.push({ trackingCode, secret });
          }
        } else {
          const ack = acknowledged[Math.floor(random() * acknowledged.length)]!;
          await one('lookup', '/api/public/applications/lookup', 'POST', ack);
        }
      }
    };
    const chaos = async () => {
      await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 3));
      killAt = performance.now();
      servers[0]!.kill('SIGKILL');
      await servers[0]!.exited;
      servers[0] = await startOn(env, ports[0]!);
      restartedAt = performance.now();
    };
    await Promise.all([...Array.from({ length: CONNECTIONS }, worker), chaos()]);
    client.close();
    console.log(
      `  load average after the load: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );

    // every acknowledged submission is stored
    const found = await countTracked(
      database,
      acknowledged.map((a) => a.trackingCode),
    );
    const failed = samples.filter((s) => s.status === 0 || s.status >= 500);
    const inFlightAtKill = samples.filter((s) => s.start <= killAt && s.end >= killAt).length;
    console.log(
      `  killed process A after ${((killAt - began) / 1000).toFixed(1)} s, restarted and serving ${((restartedAt - killAt) / 1000).toFixed(1)} s later`,
    );
    row('', 'requests', 'p50 ms', 'p99 ms', '5xx/failed');
    for (const kind of ['portal', 'submit', 'lookup'] as Kind[]) {
      const of = samples.filter((s) => s.kind === kind);
      const ms = of.map((s) => s.end - s.start);
      row(
        kind,
        of.length.toLocaleString('en'),
        percentile(ms, 50).toFixed(1),
        percentile(ms, 99).toFixed(1),
        String(of.filter((s) => s.status === 0 || s.status >= 500).length),
      );
    }
    const all = samples.map((s) => s.end - s.start);
    row(
      'all',
      samples.length.toLocaleString('en'),
      percentile(all, 50).toFixed(1),
      percentile(all, 99).toFixed(1),
      String(failed.length),
    );
    const other = samples.filter(
      (s) => s.status !== 0 && s.status !== 200 && s.status !== 201 && s.status < 500,
    );
    console.log(
      `  5xx or failed: ${failed.length} (requests in flight when the process was killed: ${inFlightAtKill}) — ${failed.length <= inFlightAtKill ? 'within' : 'BEYOND'} the killed process's in-flight requests`,
    );
    if (other.length > 0)
      console.log(
        `  other answers: ${[...new Set(other.map((s) => s.status))].join(', ')} (${other.length})`,
      );
    console.log(
      `  acknowledged submissions: ${acknowledged.length}, stored afterwards: ${found} — ${found === acknowledged.length ? 'none lost' : `${acknowledged.length - found} LOST`}`,
    );
  } finally {
    nginx?.kill('SIGQUIT');
    for (const s of servers) s.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function startOn(env: Record<string, string>, port: number): Promise<ChildServer> {
  const server = await startChildServer({ ...env, PORT: String(port) }, { readyTimeoutMs: 120_000, port });
  await server.ready;
  return server;
}

/**
 * Agencies through the service (a province, cities, their departments); applications by `insert … select
 * from generate_series`, in chunks on two connections, into the table stripped of its secondary indexes and
 * its unique and foreign-key constraints, which are rebuilt afterwards (one sort each instead of ten million
 * index insertions and foreign-key checks). Names are sealed the way the service seals them (one sealed name
 * for every generated row), so the servers' start finds nothing to seal. With BENCH_KEEP=1 a region generated
 * by an earlier run (marked by bench_region) is reused.
 */
async function generateRegion(env: Record<string, string>): Promise<string[]> {
  const app = await createApp(loadConfig({ ...process.env, ...env }));
  const db = app.database.db;
  try {
    const marker = KEEP
      ? await sql<{ applications: string }>`select applications from bench_region`
          .execute(db)
          .then((r) => r.rows[0] ?? null)
          .catch(() => null)
      : null;
    if (marker) {
      const codes = (
        await db.selectFrom('agencies').select('code').where('code', '<>', 'P00').orderBy('id').execute()
      ).map((a) => a.code);
      row(
        'region kept from an earlier run (BENCH_KEEP=1)',
        `${(codes.length + 1).toLocaleString('en')} agencies`,
        `${Number(marker.applications).toLocaleString('en')} applications generated`,
      );
      return codes;
    }
    const { codes, made } = await generateAgencies(app);
    await generateApplications(app, made);
    if (KEEP) {
      await sql`create table bench_region (applications bigint not null)`.execute(db);
      await sql`insert into bench_region values (${APPLICATIONS})`.execute(db);
    }
    return codes;
  } finally {
    await app.close();
  }
}

async function generateAgencies(app: App): Promise<{ codes: string[]; made: number }> {
  const started = performance.now();
  const codes: string[] = [];
  const province = await createAgency(app.ctx, 'system', {
    code: 'P00',
    name: '某省人民政府',
    kind: 'government',
  });
  const cities = Math.max(1, Math.round(AGENCIES / 100));
  let made = 1;
  for (let c = 0; c < cities && made < AGENCIES; c++) {
    const city = await createAgency(app.ctx, 'system', {
      code: `C${c}`,
      name: `某省第${c + 1}市人民政府`,
      kind: 'government',
      parentId: province.id,
    });
    codes.push(city.code);
    made++;
    for (let d = 0; made < AGENCIES && d < Math.ceil(AGENCIES / cities); d++, made++) {
      const dept = await createAgency(app.ctx, 'system', {
        code: `C${c}D${d}`,
        name: `某省第${c + 1}市第${d + 1}局`,
        kind: 'department',
        parentId: city.id,
      });
      codes.push(dept.code);
    }
  }
  row(
    'agencies (through the service)',
    `${made.toLocaleString('en')}`,
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { codes, made };
}

async function generateApplications(app: App, made: number): Promise<void> {
  const db = app.database.db;
  let started = performance.now();
  const constraints = (
    await sql<{ name: string; def: string; type: string }>`
      select conname as name, pg_get_constraintdef(oid) as def, contype as type from pg_constraint
      where conrelid = 'applications'::regclass and contype in ('u', 'f')`.execute(db)
  ).rows;
  const indexes = (
    await sql<{ name: string; def: string }>`
      select indexname as name, indexdef as def from pg_indexes
      where schemaname = current_schema() and tablename = 'applications'
        and indexname not in (select conname from pg_constraint where conrelid = 'applications'::regclass)`.execute(
      db,
    )
  ).rows;
  for (const c of constraints)
    await sql`alter table applications drop constraint ${sql.id(c.name)}`.execute(db);
  for (const i of indexes) await sql`drop index ${sql.id(i.name)}`.execute(db);

  const sealedName = app.ctx.cipher.encrypt('申请人');
  const nameIndex = app.ctx.cipher.blindIndex('申请人');
  const firstAgency = Number(
    (
      await db
        .selectFrom('agencies')
        .select((eb) => eb.fn.min('id').as('id'))
        .executeTakeFirstOrThrow()
    ).id,
  );
  const chunk = 500_000;
  const chunks: [number, number][] = [];
  for (let from = 0; from < APPLICATIONS; from += chunk)
    chunks.push([from + 1, Math.min(APPLICATIONS, from + chunk)]);
  const insertOn = () =>
    db.connection().execute(async (conn) => {
      await sql`set synchronous_commit = off`.execute(conn);
      for (let next = chunks.shift(); next; next = chunks.shift()) {
        const [from, to] = next;
        await sql`
          insert into applications (agency_id, tracking_code, secret_hash, source, applicant_type,
            applicant_name, applicant_name_idx, channel, received_on, state, correction_notice_due, provisional,
            outcome, closed_on, summary, facts, version, created_at, updated_at)
          select ${firstAgency}::int + (g % ${made}::int)::int, 'B' || g, 'x', 'staff', 'natural',
            ${sealedName}, ${nameIndex}, 'in_person', to_char(date '2020-01-01' + (g % 2000)::int, 'YYYY-MM-DD'),
            'replied', to_char(date '2020-01-01' + (g % 2000)::int, 'YYYY-MM-DD'), 0, 'disclosed',
            to_char(date '2020-01-20' + (g % 2000)::int, 'YYYY-MM-DD'), '生成的申请', '{}', 1,
            '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
          from generate_series(${from}::bigint, ${to}::bigint) g`.execute(conn);
      }
    });
  await Promise.all([insertOn(), insertOn()]);
  let s = (performance.now() - started) / 1000;
  row(
    'applications (generate_series, 2 connections)',
    APPLICATIONS.toLocaleString('en'),
    `${s.toFixed(1)} s`,
    `${Math.round(APPLICATIONS / s).toLocaleString('en')} rows/s`,
  );

  // the indexes and constraints back, two at a time
  started = performance.now();
  const rebuild = [
    ...indexes.map((i) => sql.raw(i.def)),
    ...constraints
      .filter((c) => c.type === 'u')
      .map((c) => sql`alter table applications add constraint ${sql.id(c.name)} ${sql.raw(c.def)}`),
  ];
  const rebuildOn = () =>
    db.connection().execute(async (conn) => {
      await sql`set maintenance_work_mem = '512MB'`.execute(conn);
      for (let next = rebuild.shift(); next; next = rebuild.shift()) await next.execute(conn);
    });
  await Promise.all([rebuildOn(), rebuildOn()]);
  for (const c of constraints.filter((c) => c.type === 'f'))
    await sql`alter table applications add constraint ${sql.id(c.name)} ${sql.raw(c.def)}`.execute(db);
  await sql`analyze applications`.execute(db);
  s = (performance.now() - started) / 1000;
  row(
    'indexes and constraints rebuilt, analyzed',
    `${indexes.length} indexes, ${constraints.length} constraints`,
    `${s.toFixed(1)} s`,
  );
}

/** A kept schema whose generation did not finish (no bench_region) is dropped, to be generated again. */
async function dropUnfinished(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await client.connect();
  try {
    const done = await client.query(`select to_regclass($1) as t`, [`${schema}.bench_region`]);
    if (done.rows[0].t === null) await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

async function countTracked(database: Database, codes: string[]) {
  let found = 0;
  for (let i = 0; i < codes.length; i += 1000) {
    const r = await database.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tracking_code', 'in', codes.slice(i, i + 1000))
      .executeTakeFirstOrThrow();
    found += Number(r.n);
  }
  return found;
}

/**
 * nginx with the upstream and `location /` of deploy/nginx/gongkai.conf (ports replaced), over plain HTTP on
 * a free port; the load generator plays each client, so the address it names (X-Bench-Client) is what nginx
 * passes on as the client's (the shipped config passes $proxy_add_x_forwarded_for).
 */
async function startNginx(dir: string, ports: number[]): Promise<{ url: string; child: ChildProcess }> {
  const shipped = readFileSync(join(ROOT, 'deploy/nginx/gongkai.conf'), 'utf8');
  const upstream = /upstream gongkai \{[\s\S]*?\n\}/
    .exec(shipped)![0]
    .replace('127.0.0.1:3001', `127.0.0.1:${ports[0]}`)
    .replace('127.0.0.1:3002', `127.0.0.1:${ports[1]}`);
  const location = /location \/ \{[\s\S]*?\n {4}\}/
    .exec(shipped)![0]
    .replace('$proxy_add_x_forwarded_for', '$http_x_bench_client');
  mkdirSync(join(dir, 'nginx'), { recursive: true });
  chmodSync(dir, 0o755);
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  const p = join(dir, 'nginx');
  writeFileSync(
    conf,
    `worker_processes 1; daemon off; pid ${p}/nginx.pid; error_log ${p}/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${p}/body; proxy_temp_path ${p}/proxy; fastcgi_temp_path ${p}/fcgi; uwsgi_temp_path ${p}/uwsgi; scgi_temp_path ${p}/scgi;
  ${upstream}
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 25m;
    ${location}
  }
}
`,
  );
  const child = spawn(NGINX, ['-c', conf, '-p', p], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error(
    `nginx did not start: ${existsSync(join(p, 'error.log')) ? readFileSync(join(p, 'error.log'), 'utf8') : ''}`,
  );
}
