import { Migrator, sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DialectName } from '../../src/persistence/database.ts';
import { migrateToLatest } from '../../src/persistence/migrate.ts';
import { migrations } from '../../src/persistence/migrations/index.ts';
import { verifyEventChain } from '../../src/persistence/repositories/event.repository.ts';
import type { TestDatabase } from '../support/databases.ts';
import { createTestDatabase, DIALECTS } from '../support/databases.ts';
import { testContext } from '../support/context.ts';
import { columnsOf, fillEmptyTables, foreignKeys, isMigratorTable, parentsFirst } from './support/fill.ts';
import { populate } from './support/populate.ts';
import { snapshot, tablesOf } from './support/snapshot.ts';

/**
 * Upgrades keep every row. For every earlier point of the migration list (each released schema), a database
 * is built with only the migrations up to that point and filled with the rows a real installation holds —
 * the populated database's rows, projected on that schema's tables and columns — then migrated to the latest
 * schema; every row is still there with every value it had. Generic over the list: a migration appended
 * later is covered without touching this test.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
const anyDb = (d: Database) => d.db as unknown as AnyDb;

/**
 * Columns a migration dropped on purpose, and where their data went: they are left out of the rows copied
 * into the old schema (it fills them with their defaults) and out of the comparison.
 */
const DROPPED: Record<string, string[]> = {
  // 0023: the account's own counter and lock, not written since 0015 counts failures in login_failures
  users: ['failed_logins', 'locked_until'],
};

async function migrateTo(database: Database, name: string): Promise<void> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations(database.dialect) },
    ...(database.postgres?.schema ? { migrationTableSchema: database.postgres.schema } : {}),
  });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
}

/** The old schema's tables and columns, the migrator's own and derived (full-text) tables left out. */
async function schemaOf(database: Database): Promise<Map<string, string[]>> {
  const tables = (await tablesOf(database)).filter((t) => !t.derived && !isMigratorTable(t.name));
  return new Map(tables.map((t) => [t.name, t.columns.filter((c) => !DROPPED[t.name]?.includes(c))]));
}

/** Copies the source's rows into the old schema, parents first, projected on the columns the old schema has. */
async function copyRows(source: Database, target: Database, schema: Map<string, string[]>): Promise<void> {
  const sourceTables = new Map((await tablesOf(source)).map((t) => [t.name, t.columns]));
  const order = parentsFirst([...schema.keys()], await foreignKeys(target));
  // rows a migration wrote itself (e.g. the chain head) are replaced by the installation's
  for (const table of [...order].reverse()) await anyDb(target).deleteFrom(table).execute();
  for (const table of order) {
    const columns = schema.get(table)!;
    const available = sourceTables.get(table);
    if (!available)
      throw new Error(
        `表 ${table} 在最新结构中已不存在：请在此测试中写明它的数据去向（迁移不得静默丢弃数据）`,
      );
    const missing = columns.filter((c) => !available.includes(c));
    if (missing.length > 0)
      throw new Error(
        `表 ${table} 的列 ${missing.join('、')} 在最新结构中已不存在：请在此测试中写明其数据去向`,
      );
    const rows = await sql<
      Record<string, unknown>
    >`select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)}`.execute(anyDb(source));
    for (let i = 0; i < rows.rows.length; i += 200)
      await anyDb(target)
        .insertInto(table)
        .values(rows.rows.slice(i, i + 200))
        .execute();
    const serial = (await columnsOf(target, table)).some((c) => c.name === 'id' && c.generated);
    if (target.dialect === 'postgres' && serial && rows.rows.length > 0)
      await sql`select setval(pg_get_serial_sequence(${table}::text, 'id')::regclass, (select max(id) from ${sql.table(table)})::bigint)`.execute(
        anyDb(target),
      );
  }
}

describe.each(DIALECTS)('upgrades on %s keep every row', (dialect: DialectName) => {
  const names = Object.keys(migrations(dialect));
  let source: TestDatabase;
  let auditKey: Buffer;

  beforeAll(async () => {
    source = await createTestDatabase(dialect);
    const { ctx } = testContext(source);
    auditKey = ctx.auditKey;
    await populate(ctx);
    await fillEmptyTables(source);
  }, 60_000);
  afterAll(() => source.destroy());

  it('has earlier schemas to upgrade from', () => {
    expect(names.length).toBeGreaterThan(1);
  });

  it.each(names.slice(0, -1).map((name, i) => [name, names.slice(i + 1).join('、')]))(
    'from the schema after %s through %s',
    async (from) => {
      const old = await createTestDatabase(dialect, false);
      try {
        await migrateTo(old, from);
        const schema = await schemaOf(old);
        await copyRows(source, old, schema);
        for (const [table] of schema) {
          const n = Number(
            (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(anyDb(old)))
              .rows[0]!.n,
          );
          expect(n, `${table} has rows before the upgrade`).toBeGreaterThan(0);
        }
        const before = await snapshot(old, schema);
        expect((await verifyEventChain(old.db, auditKey)).broken).toBeNull();

        const applied = await migrateToLatest(old);
        expect(applied).toEqual(names.slice(names.indexOf(from) + 1));

        const after = await snapshot(old, schema);
        for (const table of schema.keys()) expect(after[table], table).toEqual(before[table]);
        expect((await verifyEventChain(old.db, auditKey)).broken).toBeNull();
      } finally {
        await old.destroy();
      }
    },
    60_000,
  );
});
