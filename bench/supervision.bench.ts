import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Principal } from '../src/domain/access/principal.ts';
import type { ReportFormat } from '../src/domain/report/index.ts';
import { encodeReport, getCell } from '../src/domain/report/index.ts';
import { layoutCells, reportCells } from '../src/domain/supervision/index.ts';
import type { DialectName } from '../src/persistence/database.ts';
import { reportFromJson } from '../src/persistence/repositories/report.repository.ts';
import { createFieldCipher } from '../src/security/field-cipher.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { reportCollection } from '../src/services/supervision/collection.service.ts';
import { computeRollup } from '../src/services/supervision/rollup.service.ts';
import { sessionCaller, supervisionScope } from '../src/services/supervision/scope.ts';
import { consistentReport, seededRandom } from '../test/support/report-arbitrary.ts';
import type { BenchDatabase } from './databases.ts';
import { benchDatabase, postgresReachable, rawPg } from './databases.ts';
import { testDocumentWorkers } from '../test/support/context.ts';
import { ratio, row } from './measure.ts';

/**
 * The supervision rollup at provincial scale, on SQLite and PostgreSQL: a hierarchy of 3,000 agencies (a
 * province, 20 cities, 200 districts, their departments) with a report per agency for each of 5 years (2021
 * format), each report's cells normalised as the freeze writes them. The rollup of the whole province for one year
 * through the service (subtree, which reports count and why, one aggregate, assembly) is timed against the single
 * hand-written SQL aggregate that computes the same sums (aim: under 2×); its sums are checked equal first.
 * Sizes: BENCH_SUPERVISION_AGENCIES (default 3000), BENCH_SUPERVISION_YEARS (default 5).
 */
const AGENCIES = Number(process.env.BENCH_SUPERVISION_AGENCIES ?? 3000);
const YEARS = Number(process.env.BENCH_SUPERVISION_YEARS ?? 5);
const LAST_YEAR = 2025;
const FORMAT: ReportFormat = '2021';
const STATUSES = [
  'submitted',
  'submitted',
  'cleared',
  'published',
  'published',
  'published',
  'draft',
] as const;

interface Fixture {
  rootId: number;
  cityId: number;
  reports: number;
  cells: number;
}

/** The hierarchy and the reports, written in bulk (one transaction; raw driver for the cells on PostgreSQL). */
async function fill(database: BenchDatabase): Promise<Fixture> {
  const random = seededRandom(20260131);
  const cities = Math.max(1, Math.round(AGENCIES / 150));
  const districts = Math.max(1, cities * 10);
  const ids: { id: number; kind: string }[] = [];
  let fixture = { rootId: 0, cityId: 0 };
  await database.db.transaction().execute(async (trx) => {
    const add = async (code: string, name: string, kind: string, parent: number | null) => {
      const { id } = await trx
        .insertInto('agencies')
        .values({
          code,
          name,
          kind,
          parent_id: parent,
          settings: '{}',
          created_at: '2026-01-01T00:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push({ id, kind });
      return id;
    };
    const root = await add('P', '某省人民政府', 'government', null);
    const cityIds: number[] = [];
    for (let c = 0; c < cities; c++)
      cityIds.push(await add(`C${c}`, `某省${c}市人民政府`, 'government', root));
    const districtIds: number[] = [];
    for (let d = 0; d < districts && ids.length < AGENCIES; d++)
      districtIds.push(await add(`D${d}`, `${d}区人民政府`, 'government', cityIds[d % cities]!));
    for (let i = 0; ids.length < AGENCIES; i++) {
      const parents = i % 4 === 0 ? cityIds : districtIds;
      await add(`B${i}`, `${i}局`, 'department', parents[i % parents.length]!);
    }
    fixture = { rootId: root, cityId: cityIds[0]! };
  });

  const reportRows: {
    agency_id: number;
    year: number;
    status: string;
    content: string | null;
  }[] = [];
  for (let year = LAST_YEAR - YEARS + 1; year <= LAST_YEAR; year++)
    for (const { id } of ids) {
      const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
      if (random() < 0.03) continue; // not started
      const report = consistentReport(FORMAT, () => Math.floor(random() * 400), year);
      reportRows.push({
        agency_id: id,
        year,
        status,
        content: status === 'draft' ? null : JSON.stringify(encodeReport(report)),
      });
    }
  const at = '2026-01-15T00:00:00.000Z';
  const reportIds: number[] = [];
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < reportRows.length; i += 500) {
      const inserted = await trx
        .insertInto('annual_reports')
        .values(
          reportRows.slice(i, i + 500).map((r) => ({
            ...r,
            format: FORMAT,
            narrative: '{}',
            sources: r.content ? '{"cells":{},"previous":null}' : null,
            findings: r.content ? '[]' : null,
            comment: null,
            submitted_at: r.content ? at : null,
            cleared_at: null,
            published_at: r.status === 'published' ? at : null,
            published_version: r.status === 'published' ? 1 : 0,
            version: 1,
            created_at: at,
            updated_at: at,
          })),
        )
        .returning('id')
        .execute();
      reportIds.push(...inserted.map((r) => r.id));
    }
  });
  // the cells, as writeReportCells writes them at the freeze
  const cells: [number, string, string, string, number][] = [];
  reportRows.forEach((r, i) => {
    if (!r.content) return;
    for (const c of reportCells(reportFromJson(r.content)))
      cells.push([reportIds[i]!, c.table, c.row, c.column, c.value]);
  });
  if (database.sqlite) {
    const insert = database.sqlite.prepare(
      'insert into report_cells (report_id, tbl, row_key, col_key, value) values (?, ?, ?, ?, ?)',
    );
    database.sqlite.transaction(() => {
      for (const c of cells) insert.run(...c);
    })();
  } else {
    const client = await rawPg(database.schema!);
    await client.query('begin');
    for (let i = 0; i < cells.length; i += 50_000) {
      const chunk = cells.slice(i, i + 50_000);
      await client.query(
        'insert into report_cells (report_id, tbl, row_key, col_key, value) select * from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::float8[])',
        [0, 1, 2, 3, 4].map((k) => chunk.map((c) => c[k])),
      );
    }
    await client.query('commit');
    await client.end();
  }
  await sql`analyze`.execute(database.db);
  return { ...fixture, reports: reportRows.length, cells: cells.length };
}

/** The same sums in one statement: the subtree, the reports that count, the aggregate. */
const BASELINE = (dialect: DialectName) => {
  const p = (n: number) => (dialect === 'postgres' ? `$${n}` : '?');
  return `with recursive tree(id) as (
      select id from agencies where id = ${p(1)}
      union all select a.id from agencies a join tree t on a.parent_id = t.id)
    select c.tbl, c.row_key, c.col_key, sum(c.value) as total
    from report_cells c join annual_reports r on r.id = c.report_id
    where r.year = ${p(2)} and r.format = '${FORMAT}' and r.status in ('submitted', 'cleared', 'published')
      and r.agency_id in (select id from tree)
      and not exists (select 1 from supervision_rollups s where s.report_id = r.id)
    group by c.tbl, c.row_key, c.col_key`;
};

/**
 * Best of `runs` for each body, the two run alternately so that a change of load on the machine touches both
 * alike; one warm-up run each first.
 */
async function bestOfPaired(runs: number, a: () => Promise<unknown>, b: () => Promise<unknown>) {
  const time = async (body: () => Promise<unknown>) => {
    const t = process.hrtime.bigint();
    await body();
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  await a();
  await b();
  let bestA = Infinity;
  let bestB = Infinity;
  for (let i = 0; i < runs; i++) {
    bestA = Math.min(bestA, await time(a));
    bestB = Math.min(bestB, await time(b));
  }
  return [bestA, bestB] as const;
}

async function bench(dialect: DialectName): Promise<void> {
  const database = await benchDatabase(dialect);
  try {
    const start = Date.now();
    const f = await fill(database);
    row(
      `${dialect}: ${AGENCIES} agencies × ${YEARS} years`,
      `${f.reports} reports`,
      `${f.cells} cells`,
      `${((Date.now() - start) / 1000).toFixed(1)} s`,
    );
    const ctx: ServiceContext = {
      database,
      cipher: createFieldCipher(randomBytes(32)),
      auditKey: randomBytes(32),
      now: () => new Date('2026-02-10T02:00:00Z'),
      dataDir: '/tmp',
      documents: testDocumentWorkers(),
    };
    const principal: Principal = {
      kind: 'staff',
      userId: 1,
      agencyId: f.rootId,
      roles: ['supervisor'],
      name: '省政务公开办',
    };
    const scope = await supervisionScope(ctx, sessionCaller(principal));
    const client = database.sqlite ? null : await rawPg(database.schema!);
    const text = BASELINE(dialect);
    const statement = database.sqlite?.prepare(text);
    const baseline = async (root: number) =>
      statement
        ? (statement.all(root, LAST_YEAR) as {
            tbl: string;
            row_key: string;
            col_key: string;
            total: number;
          }[])
        : ((await client!.query(text, [root, LAST_YEAR])).rows as {
            tbl: string;
            row_key: string;
            col_key: string;
            total: number;
          }[]);

    // the service's sums are the baseline's, cell by cell
    const rollup = await computeRollup(ctx, scope, { year: LAST_YEAR });
    const sums = new Map(
      (await baseline(f.rootId)).map((r) => [`${r.tbl}.${r.row_key}.${r.col_key}`, Number(r.total)]),
    );
    for (const ref of layoutCells(FORMAT)) {
      const expected = sums.get(`${ref.table}.${ref.row}.${ref.column}`) ?? null;
      const got = getCell(rollup.report, ref.table, ref.row, ref.column);
      if (got !== (expected === null ? null : Math.round(expected * 10_000) / 10_000))
        throw new Error(
          `rollup differs from the SQL aggregate at ${ref.table}.${ref.row}.${ref.column}: ${got} ≠ ${expected}`,
        );
    }
    const runs = Number(process.env.BENCH_RUNS ?? 15);
    const [floor, service] = await bestOfPaired(
      runs,
      () => baseline(f.rootId),
      () => computeRollup(ctx, scope, { year: LAST_YEAR }),
    );
    const cityScope = await supervisionScope(ctx, sessionCaller(principal), f.cityId);
    const [cityFloor, city] = await bestOfPaired(
      runs,
      () => baseline(f.cityId),
      () => computeRollup(ctx, cityScope, { year: LAST_YEAR }),
    );
    const [collection] = await bestOfPaired(
      5,
      () => reportCollection(ctx, sessionCaller(principal), { year: LAST_YEAR }),
      async () => undefined,
    );
    await client?.end();
    row(
      `${dialect}: rollup of ${rollup.included.length} reports, ${rollup.excluded.length} left out`,
      `best of ${runs}`,
      'ratio',
    );
    row(`${dialect}: rollup, whole province (service)`, `${service.toFixed(1)} ms`, ratio(service, floor));
    row(`${dialect}: single SQL aggregate (baseline)`, `${floor.toFixed(1)} ms`, '1.00×');
    row(`${dialect}: rollup, one city (service)`, `${city.toFixed(1)} ms`, ratio(city, cityFloor));
    row(`${dialect}: single SQL aggregate, one city (baseline)`, `${cityFloor.toFixed(1)} ms`, '1.00×');
    row(`${dialect}: report collection, whole province`, `${collection.toFixed(1)} ms`);
  } finally {
    await database.drop();
  }
}

export async function run(): Promise<void> {
  const dialects: DialectName[] = (await postgresReachable()) ? ['sqlite', 'postgres'] : ['sqlite'];
  if (dialects.length === 1) console.log('PostgreSQL not reachable: PostgreSQL figures skipped.');
  for (const dialect of dialects) await bench(dialect);
}
