import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database, DialectName } from '../../src/persistence/database.ts';
import { openDatabase } from '../../src/persistence/database.ts';
import { migrateToLatest } from '../../src/persistence/migrate.ts';

/**
 * Test databases for both dialects. SQLite: a fresh file in a temp folder. PostgreSQL (TEST_DATABASE_URL,
 * default postgres://postgres@127.0.0.1:5432/test): a fresh schema per database, dropped afterwards.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probePostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const postgresAvailable = await probePostgres();
// the same suite runs on both databases: without PostgreSQL the tests fail, unless told to run SQLite only
if (!postgresAvailable && process.env.TEST_POSTGRES !== 'skip')
  throw new Error(
    `PostgreSQL is not reachable at ${TEST_DATABASE_URL}: start it (see .ci/run), set TEST_DATABASE_URL, ` +
      'or set TEST_POSTGRES=skip to run the SQLite half only',
  );
if (!postgresAvailable)
  console.warn(`\n⚠ TEST_POSTGRES=skip: the PostgreSQL runs of the database tests are SKIPPED.\n`);

/** The dialects to run database tests against: SQLite always, PostgreSQL when reachable. */
export const DIALECTS: DialectName[] = postgresAvailable ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends Database {
  /** the SQLite file or the PostgreSQL schema */
  location: string;
  /** closes and deletes the database */
  destroy(): Promise<void>;
}

export async function createTestDatabase(dialect: DialectName, migrate = true): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
    const file = join(dir, 'test.db');
    const database = openDatabase({ databaseUrl: null, sqlitePath: file });
    if (migrate) await migrateToLatest(database);
    return {
      ...database,
      location: file,
      async destroy() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase({
    databaseUrl: TEST_DATABASE_URL,
    sqlitePath: '',
    pgSchema: schema,
    poolSize: 4,
  });
  if (migrate) await migrateToLatest(database);
  return {
    ...database,
    location: schema,
    async destroy() {
      await database.close();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}
