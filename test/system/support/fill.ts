import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/persistence/database.ts';
import { rowCounts, tablesOf } from './snapshot.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export interface ColumnInfo {
  name: string;
  type: string;
  notNull: boolean;
  /** filled by the database (auto-increment key, serial, default) */
  generated: boolean;
  hasDefault: boolean;
}

export interface ForeignKey {
  table: string;
  column: string;
  parent: string;
  parentColumn: string;
}

export async function columnsOf(database: Database, table: string): Promise<ColumnInfo[]> {
  const db = database.db as unknown as AnyDb;
  if (database.dialect === 'sqlite') {
    const rows = await sql<{ name: string; type: string; notnull: number; dflt_value: unknown; pk: number }>`
      select name, type, "notnull", dflt_value, pk from pragma_table_info(${table})`.execute(db);
    // a lone INTEGER PRIMARY KEY is the rowid, which SQLite assigns; a column of a composite key is not
    const keyColumns = rows.rows.filter((r) => r.pk > 0).length;
    return rows.rows.map((r) => ({
      name: r.name,
      type: r.type.toLowerCase(),
      notNull: r.notnull === 1,
      generated: r.pk === 1 && keyColumns === 1 && r.type.toLowerCase() === 'integer',
      hasDefault: r.dflt_value !== null,
    }));
  }
  const rows = await sql<{
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    is_generated: string;
  }>`select column_name, data_type, is_nullable, column_default, is_generated from information_schema.columns
     where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return rows.rows.map((r) => ({
    name: r.column_name,
    type: r.data_type.toLowerCase(),
    notNull: r.is_nullable === 'NO',
    generated: r.is_generated === 'ALWAYS' || /^nextval\(/.test(r.column_default ?? ''),
    hasDefault: r.column_default !== null,
  }));
}

export async function foreignKeys(database: Database): Promise<ForeignKey[]> {
  const db = database.db as unknown as AnyDb;
  if (database.dialect === 'sqlite') {
    const out: ForeignKey[] = [];
    for (const t of await tablesOf(database)) {
      if (t.derived) continue;
      const rows = await sql<{ table: string; from: string; to: string | null }>`
        select "table", "from", "to" from pragma_foreign_key_list(${t.name})`.execute(db);
      for (const r of rows.rows)
        out.push({ table: t.name, column: r.from, parent: r.table, parentColumn: r.to ?? 'id' });
    }
    return out;
  }
  const rows = await sql<{ table_name: string; column_name: string; parent: string; parent_column: string }>`
    select kcu.table_name, kcu.column_name, ccu.table_name as parent, ccu.column_name as parent_column
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu
      on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
  return rows.rows.map((r) => ({
    table: r.table_name,
    column: r.column_name,
    parent: r.parent,
    parentColumn: r.parent_column,
  }));
}

/** Tables ordered so that every table comes after the tables it refers to. */
export function parentsFirst(tables: readonly string[], keys: readonly ForeignKey[]): string[] {
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const k of keys)
      if (k.table === t && k.parent !== t && tables.includes(k.parent)) visit(k.parent, path);
    done.add(t);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

/** Internal tables no comparison or filling looks at: the migrator's own bookkeeping. */
export const isMigratorTable = (name: string) => name.startsWith('kysely_');

function sample(table: string, c: ColumnInfo, i: number): unknown {
  const n = c.name;
  if (/int|serial/.test(c.type)) return 1000 + i;
  if (/double|real|numeric|float|decimal/.test(c.type)) return 1.5 + i;
  if (c.type === 'boolean') return i % 2 === 0;
  if (/blob|bytea/.test(c.type)) return Buffer.from([0, 1, 2, 255, i & 255]);
  if (/(^|_)(data|settings|facts|json|content|findings|sources|narrative)$|_json$/.test(n)) return '{}';
  if (n === 'roles') return '[]';
  if (/_on$/.test(n)) return `2026-0${1 + (i % 9)}-1${i % 10}`;
  if (/_at$/.test(n)) return `2026-03-0${1 + (i % 9)}T02:00:00.000Z`;
  if (n === 'year') return 2025;
  return `样本 ${table}.${n} #${i} '"<>&\\`;
}

/**
 * Gives every empty table (the migrator's excepted) a few rows of made-up but well-typed values, parents
 * first, foreign keys pointing at existing rows — so a comparison over "every table" never passes on an empty
 * one. Returns the tables it filled.
 */
export async function fillEmptyTables(database: Database, rowsPerTable = 3): Promise<string[]> {
  const db = database.db as unknown as AnyDb;
  const tables = (await tablesOf(database)).filter((t) => !t.derived && !isMigratorTable(t.name));
  const keys = await foreignKeys(database);
  const counts = await rowCounts(
    database,
    tables.map((t) => t.name),
  );
  const filled: string[] = [];
  for (const table of parentsFirst(
    tables.map((t) => t.name),
    keys,
  )) {
    if ((counts[table] ?? 0) > 0) continue;
    const columns = await columnsOf(database, table);
    for (let i = 0; i < rowsPerTable; i++) {
      const row: Record<string, unknown> = {};
      for (const c of columns) {
        if (c.generated) continue;
        const fk = keys.find((k) => k.table === table && k.column === c.name);
        if (fk) {
          if (fk.parent === table && !c.notNull) {
            row[c.name] = null;
            continue;
          }
          const parents = await sql<{
            v: unknown;
          }>`select ${sql.ref(fk.parentColumn)} as v from ${sql.table(fk.parent)} order by 1`.execute(db);
          if (parents.rows.length === 0) throw new Error(`cannot fill ${table}: ${fk.parent} is empty`);
          row[c.name] = parents.rows[i % parents.rows.length]!.v;
          continue;
        }
        row[c.name] = sample(table, c, i);
      }
      try {
        await db.insertInto(table).values(row).execute();
      } catch (error) {
        // a unique foreign key (one row per parent) with fewer parents than rows: what fits is enough
        if (i > 0 && /unique|duplicate/i.test(String((error as Error).message))) break;
        throw error;
      }
    }
    filled.push(table);
  }
  return filled;
}
