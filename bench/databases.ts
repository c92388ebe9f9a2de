import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database, DialectName } from '../src/persistence/database.ts';
import { openDatabase } from '../src/persistence/database.ts';
import { migrateToLatest } from '../src/persistence/migrate.ts';

/** A fresh migrated database for a benchmark (SQLite temp file, or a temp schema in BENCH_DATABASE_URL). */
export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface BenchDatabase extends Database {
  drop(): Promise<void>;
  schema: string | null;
}

/**
 * `keep` (PostgreSQL): the schema is named (created if missing, reused if there) and left in place by `drop()`,
 * so a benchmark whose data takes long to generate can reuse it on the next run (BENCH_KEEP=1).
 */
export async function benchDatabase(
  dialect: DialectName,
  options: { keep?: string } = {},
): Promise<BenchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
    const database = openDatabase({ databaseUrl: null, sqlitePath: join(dir, 'bench.db') });
    await migrateToLatest(database);
    return {
      ...database,
      schema: null,
      drop: async () => (await database.close(), rmSync(dir, { recursive: true, force: true })),
    };
  }
  const schema = options.keep ?? `bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${options.keep ? 'if not exists ' : ''}${schema}`);
  await admin.end();
  const database = openDatabase({
    databaseUrl: BENCH_DATABASE_URL,
    sqlitePath: '',
    pgSchema: schema,
    poolSize: 4,
  });
  await migrateToLatest(database);
  return {
    ...database,
    schema,
    drop: async () => {
      await database.close();
      if (options.keep) return;
      const c = new pg.Client({ connectionString: BENCH_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** A raw pg client on the benchmark schema, for baselines. */
export async function rawPg(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  return client;
}
