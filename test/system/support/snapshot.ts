import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/persistence/database.ts';

/** Every table of a database, its columns, and its rows — for comparisons that must hold row for row. */
export interface TableInfo {
  name: string;
  /** writable columns (PostgreSQL generated columns left out) */
  columns: string[];
  /** SQLite FTS5 virtual tables and their shadow tables: derived, written by triggers */
  derived: boolean;
}

// Kysely<any> for introspection: table names are only known at run time
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const asAny = (database: Database) => database.db as unknown as AnyDb;

export async function tablesOf(database: Database): Promise<TableInfo[]> {
  const db = asAny(database);
  if (database.dialect === 'sqlite') {
    const rows = await sql<{ name: string; sql: string | null }>`
      select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
      db,
    );
    const virtual = rows.rows.filter((r) => /^create virtual table/i.test(r.sql ?? '')).map((r) => r.name);
    const tables: TableInfo[] = [];
    for (const r of rows.rows) {
      const info = await sql<{ name: string }>`select name from pragma_table_info(${r.name})`.execute(db);
      tables.push({
        name: r.name,
        columns: info.rows.map((c) => c.name),
        derived: virtual.some((v) => r.name === v || r.name.startsWith(`${v}_`)),
      });
    }
    return tables;
  }
  const rows = await sql<{ table_name: string; column_name: string; is_generated: string }>`
    select c.table_name, c.column_name, c.is_generated
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const r of rows.rows) {
    if (!byTable.has(r.table_name)) byTable.set(r.table_name, []);
    if (r.is_generated !== 'ALWAYS') byTable.get(r.table_name)!.push(r.column_name);
  }
  return [...byTable.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, columns]) => ({ name, columns, derived: false }));
}

/** A row as canonical text: keys sorted, binary values as hex. */
function canonical(row: Record<string, unknown>, columns?: readonly string[]): string {
  const keys = (columns ?? Object.keys(row)).slice().sort();
  return JSON.stringify(
    keys.map((k) => {
      const v = row[k];
      return [k, Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : v instanceof Date ? v.toISOString() : v];
    }),
  );
}

export type Snapshot = Record<string, string[]>;

/**
 * Every row of every table (or of the tables named), as sorted canonical text, restricted to `columns` when
 * given (e.g. the columns a table had before a migration).
 */
export async function snapshot(
  database: Database,
  only?: ReadonlyMap<string, readonly string[]> | readonly string[],
): Promise<Snapshot> {
  const db = asAny(database);
  const tables = await tablesOf(database);
  const wanted =
    only === undefined
      ? null
      : only instanceof Map
        ? only
        : new Map((only as string[]).map((t) => [t, null]));
  const out: Snapshot = {};
  for (const t of tables) {
    if (wanted && !wanted.has(t.name)) continue;
    const columns = (wanted?.get(t.name) as readonly string[] | null | undefined) ?? null;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)}`.execute(db);
    out[t.name] = rows.rows.map((r) => canonical(r, columns ?? undefined)).sort();
  }
  return out;
}

/** Row counts of every table in one round trip. */
export async function rowCounts(
  database: Database,
  tables?: readonly string[],
): Promise<Record<string, number>> {
  const db = asAny(database);
  const names = tables ?? (await tablesOf(database)).filter((t) => !t.derived).map((t) => t.name);
  const parts = names.map((n) => sql`select ${n} as t, count(*) as n from ${sql.table(n)}`);
  const rows = await sql<{ t: string; n: number | string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.t, Number(r.n)]));
}

/** A measure that changes whenever anything is written: row counts, and on SQLite the connection's change count. */
export async function writeMark(database: Database, tables: readonly string[]): Promise<string> {
  const counts = await rowCounts(database, tables);
  const changes = database.sqlite ? writesTo(database.sqlite, tables) : null;
  return JSON.stringify({ counts, changes });
}

type SqliteHandle = NonNullable<Database['sqlite']>;
const watched = new WeakMap<SqliteHandle, Set<string>>();

/**
 * On SQLite, the inserts, updates and deletes made to `tables` on this connection (the server's own): TEMP
 * triggers count them, so writes to tables left out (the counters of refused requests) do not move the mark,
 * as the connection-wide total_changes() would.
 */
function writesTo(sqlite: SqliteHandle, tables: readonly string[]): number {
  let seen = watched.get(sqlite);
  if (!seen) {
    sqlite.exec(
      'create temp table if not exists fuzz_writes (n integer not null); insert into fuzz_writes values (0)',
    );
    watched.set(sqlite, (seen = new Set()));
  }
  for (const table of tables) {
    if (seen.has(table)) continue;
    for (const event of ['insert', 'update', 'delete'])
      sqlite.exec(
        `create temp trigger if not exists "fuzz_${table}_${event}" after ${event} on main."${table}" ` +
          'begin update fuzz_writes set n = n + 1; end',
      );
    seen.add(table);
  }
  return (sqlite.prepare('select n from fuzz_writes').get() as { n: number }).n;
}
