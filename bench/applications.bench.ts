import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import type { Principal } from '../src/domain/access/principal.ts';
import type { DialectName } from '../src/persistence/database.ts';
import { createFieldCipher } from '../src/security/field-cipher.ts';
import { registerByStaff } from '../src/services/applications/intake.ts';
import { intakeBatcher } from '../src/services/applications/intake-batch.ts';
import { table3ForAgency } from '../src/services/applications/table3.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { createAgency } from '../src/services/staff.service.ts';
import { applicationRow } from '../test/support/bulk-applications.ts';
import { counterApplication } from '../test/support/fixtures.ts';
import { seededRandom } from '../test/support/report-arbitrary.ts';
import type { BenchDatabase } from './databases.ts';
import { BENCH_DATABASE_URL, benchDatabase, postgresReachable, rawPg } from './databases.ts';
import { testDocumentWorkers } from '../test/support/context.ts';
import { ratio, row } from './measure.ts';

/**
 * 依申请公开 at scale, on SQLite and PostgreSQL:
 * 1. registering N applications through the service from C submitters at once, each acknowledged only once
 *    durable (group commit: services/applications/intake-batch.ts), against raw durable inserts of the same
 *    application rows from C writers at once, each its own transaction (the floor; aim: throughput ≥ 0.7×);
 * 2. table 三 for one agency-year among 1,000,000 applications in 1,000 agencies, against one hand-written
 *    GROUP BY over the same data (aim: under 2×).
 * Sizes: BENCH_REGISTRATIONS (default 100000), BENCH_CONCURRENCY (default 16), BENCH_APPLICATIONS (default 1000000).
 * BENCH_DIALECTS=sqlite,postgres (default both) picks the databases; BENCH_CPU_PROF=DIR writes a CPU profile of
 * each registration run's service part (this process: open it in Chrome DevTools) as DIR/intake-DIALECT-C.cpuprofile.
 */
const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 100_000);
/** concurrent submitters (comma-separated for several runs), the floor measured at each */
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '16').split(',').map(Number);
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 1_000_000);
const AGENCIES = 1000;
const YEAR = 2024;

function context(database: BenchDatabase): ServiceContext {
  // Registration happens on 2026-03-02 (Beijing) for every application.
  return {
    database,
    cipher: createFieldCipher(randomBytes(32)),
    auditKey: randomBytes(32),
    now: () => new Date('2026-03-02T02:00:00Z'),
    dataDir: '/tmp',
    documents: testDocumentWorkers(),
  };
}

/** Runs `body(i)` for i in 0..n-1 from `concurrency` loops at once (each waits for its call before the next). */
async function concurrently(n: number, concurrency: number, body: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) await body(next++);
    }),
  );
}

async function registration(dialect: DialectName, concurrency: number): Promise<void> {
  const database = await benchDatabase(dialect);
  try {
    const ctx = context(database);
    const agency = await createAgency(ctx, 'system', {
      code: 'BENCH',
      name: '某区卫生健康局',
      kind: 'department',
    });
    const principal: Principal = {
      kind: 'staff',
      userId: 1,
      agencyId: agency.id,
      roles: ['registrar'],
      name: '登记员',
    };
    const input = counterApplication('2026-03-02');
    const batches = intakeBatcher(database).sizes;
    const before = batches.length;
    const profiler = await startProfile();
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    await concurrently(REGISTRATIONS, concurrency, () => registerByStaff(ctx, principal, input));
    const service = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    await profiler?.(`intake-${dialect}-${concurrency}`);
    const sizes = batches.slice(before);
    const meanBatch = sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length);

    // The floor: the same application rows, each inserted and committed on its own (autocommit, durable) with
    // the raw driver, from the same number of concurrent writers. PostgreSQL: one connection per writer (its
    // own commits then share WAL flushes as the server allows). SQLite: one connection, one writer at a time
    // (better-sqlite3 is synchronous; SQLite has no concurrent writers), each insert its own fsync.
    const rows = await database.db
      .selectFrom('applications')
      .selectAll()
      .orderBy('id')
      .limit(REGISTRATIONS)
      .execute();
    const copies = rows.map(({ id: _id, ...r }) => ({ ...r, tracking_code: `${r.tracking_code}-RAW` }));
    const columns = Object.keys(copies[0]!);
    let floor: number;
    if (database.sqlite) {
      const insert = database.sqlite.prepare(
        `insert into applications (${columns.join(',')}) values (${columns.map((c) => '@' + c).join(',')})`,
      );
      const floorStart = process.hrtime.bigint();
      await concurrently(copies.length, concurrency, async (i) => insert.run(copies[i]!));
      floor = Number(process.hrtime.bigint() - floorStart) / 1e9;
    } else {
      const pool = new pg.Pool({
        connectionString: BENCH_DATABASE_URL,
        options: `-c search_path=${database.schema!}`,
        max: concurrency,
      });
      // the writers' connections are opened before the clock starts, as the service's pool already is
      await Promise.all(Array.from({ length: concurrency }, () => pool.connect())).then((clients) =>
        clients.forEach((c) => c.release()),
      );
      const text = `insert into applications (${columns.join(',')}) values (${columns.map((_, i) => `$${i + 1}`).join(',')})`;
      const floorStart = process.hrtime.bigint();
      await concurrently(copies.length, concurrency, (i) =>
        pool.query(
          text,
          columns.map((c) => (copies[i] as Record<string, unknown>)[c]),
        ),
      );
      floor = Number(process.hrtime.bigint() - floorStart) / 1e9;
      await pool.end();
    }
    row(
      `${dialect}: register ${REGISTRATIONS} × ${concurrency} at once (service)`,
      `${(REGISTRATIONS / service).toFixed(0)}/s`,
      `${((service / REGISTRATIONS) * 1000).toFixed(2)} ms`,
      ratio(service, floor),
    );
    row(
      `${dialect}: raw durable inserts × ${concurrency} (floor)`,
      `${(REGISTRATIONS / floor).toFixed(0)}/s`,
      `${((floor / REGISTRATIONS) * 1000).toFixed(2)} ms`,
      '1.00×',
    );
    row(
      `${dialect}: throughput service / floor (aim ≥ 0.70)`,
      `${(floor / service).toFixed(2)}`,
      `batch ≈ ${meanBatch.toFixed(1)}`,
      // this process's CPU (all its threads) per registration, and its share of the service's wall time
      `CPU ${((used.user + used.system) / REGISTRATIONS).toFixed(0)} µs (${((used.user + used.system) / 1e6 / service).toFixed(2)})`,
    );
  } finally {
    await database.drop();
  }
}

/** BENCH_CPU_PROF: profiles this process until the function returned is called with the profile's name. */
async function startProfile(): Promise<((name: string) => Promise<void>) | null> {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return null;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 250 });
  await session.post('Profiler.start');
  return async (name) => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  };
}

/** Fills 1,000,000 applications over 1,000 agencies and 2019–2026, deterministic. */
async function fill(database: BenchDatabase, agencyIds: number[]): Promise<void> {
  const random = seededRandom(49);
  const types = [
    'natural',
    'natural',
    'natural',
    'commercial',
    'research',
    'nonprofit',
    'legal',
    'other',
  ] as const;
  const outcomes = [
    'granted',
    'partially_granted',
    'denied_third_party',
    'unable_not_held',
    'not_handled_repeat',
    'other_no_correction',
    'other_other',
  ] as const;
  const summary = () => {
    const day = Math.floor(random() * 8 * 365);
    const received = new Date(Date.UTC(2019, 0, 1) + day * 86400000).toISOString().slice(0, 10);
    const open = random() < 0.05;
    const closed = open
      ? null
      : new Date(Date.UTC(2019, 0, 1) + (day + Math.floor(random() * 40)) * 86400000)
          .toISOString()
          .slice(0, 10);
    return {
      applicantColumn: types[Math.floor(random() * types.length)]!,
      receivedDate: received,
      closedDate: closed,
      outcome: closed ? outcomes[Math.floor(random() * outcomes.length)]! : null,
    };
  };
  const per = Math.floor(APPLICATIONS / agencyIds.length);
  if (database.sqlite) {
    const sample = applicationRow(1, summary(), 0);
    const columns = Object.keys(sample);
    const insert = database.sqlite.prepare(
      `insert into applications (${columns.join(',')}) values (${columns.map((c) => '@' + c).join(',')})`,
    );
    database.sqlite.transaction(() => {
      let n = 0;
      for (const agencyId of agencyIds)
        for (let i = 0; i < per; i++) insert.run(applicationRow(agencyId, summary(), n++));
    })();
  } else {
    const client = await rawPg(database.schema!);
    await client.query('begin');
    let n = 0;
    for (const agencyId of agencyIds) {
      const rows = Array.from({ length: per }, () => applicationRow(agencyId, summary(), n++));
      const columns = Object.keys(rows[0]!);
      const values: unknown[] = [];
      const tuples = rows.map(
        (r, i) =>
          `(${columns.map((c, j) => (values.push((r as Record<string, unknown>)[c]), `$${i * columns.length + j + 1}`)).join(',')})`,
      );
      await client.query(
        `insert into applications (${columns.join(',')}) values ${tuples.join(',')}`,
        values,
      );
    }
    await client.query('commit');
    await client.end();
  }
  await sql`analyze`.execute(database.db);
}

async function table3(dialect: DialectName): Promise<void> {
  const database = await benchDatabase(dialect);
  try {
    const ctx = context(database);
    const agencyIds: number[] = [];
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < AGENCIES; i++) {
        const { id } = await trx
          .insertInto('agencies')
          .values({
            code: `A${i}`,
            name: `机关${i}`,
            kind: 'department',
            parent_id: null,
            settings: '{}',
            created_at: '2026-01-01',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        agencyIds.push(id);
      }
    });
    const fillStart = Date.now();
    await fill(database, agencyIds);
    const target = agencyIds[AGENCIES / 2]!;
    const principal: Principal = {
      kind: 'staff',
      userId: 1,
      agencyId: target,
      roles: ['head'],
      name: '负责人',
    };
    const first = `${YEAR}-01-01`;
    const last = `${YEAR}-12-31`;
    const handWritten = `select applicant_type, outcome,
        sum(case when received_on >= '${first}' then 1 else 0 end) as new,
        sum(case when received_on < '${first}' then 1 else 0 end) as carried,
        sum(case when closed_on <= '${last}' then 1 else 0 end) as closed,
        sum(case when closed_on is null or closed_on > '${last}' then 1 else 0 end) as forward
      from applications where agency_id = ${target} and received_on <= '${last}' and (closed_on is null or closed_on >= '${first}')
      group by applicant_type, outcome`;
    const client = database.sqlite ? null : await rawPg(database.schema!);
    const floorQuery = database.sqlite
      ? (() => {
          const stmt = database.sqlite.prepare(handWritten);
          return async () => stmt.all();
        })()
      : async () => (await client!.query(handWritten)).rows;
    const median = async (body: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) await body();
      for (let i = 0; i < 41; i++) {
        const t = process.hrtime.bigint();
        await body();
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return times.sort((a, b) => a - b)[20]!;
    };
    const floor = await median(floorQuery);
    const service = await median(() => table3ForAgency(ctx, principal, target, YEAR));
    await client?.end();
    const total = await database.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    row(
      `${dialect}: filled ${Number(total?.n)} applications in ${AGENCIES} agencies`,
      `${((Date.now() - fillStart) / 1000).toFixed(1)} s`,
    );
    row(`${dialect}: table 三 one agency-year (service)`, `${service.toFixed(2)} ms`, ratio(service, floor));
    row(`${dialect}: hand-written GROUP BY (floor)`, `${floor.toFixed(2)} ms`, '1.00×');
  } finally {
    await database.drop();
  }
}

export async function run(): Promise<void> {
  const wanted = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
  const reachable = await postgresReachable();
  if (!reachable) console.log('PostgreSQL not reachable: PostgreSQL figures skipped.');
  const dialects = (['sqlite', 'postgres'] as const).filter(
    (d) => wanted.includes(d) && (d === 'sqlite' || reachable),
  );
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (${cpus().length} cores)`,
  );
  for (const dialect of dialects) {
    for (const concurrency of CONCURRENCY) await registration(dialect, concurrency);
    await table3(dialect);
  }
}
