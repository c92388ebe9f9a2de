import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Database, DialectName } from '../../../src/persistence/database.ts';
import { openDatabase } from '../../../src/persistence/database.ts';
import { agencyWithStaff } from '../../support/fixtures.ts';
import { TEST_DATABASE_URL } from '../../support/databases.ts';

/**
 * An installation for system tests that run the real server as a child process: a temporary DATA_DIR (SQLite
 * file, attachments, generated key) and, on PostgreSQL, a fresh schema in the test database. `env` is what the
 * child process and the CLI read (the same variables an operator sets).
 */
export interface SystemEnv {
  dialect: DialectName;
  dataDir: string;
  /** the PostgreSQL schema, null on SQLite */
  schema: string | null;
  env: Record<string, string>;
  /** a direct handle on the installation's database, for inspection after the server has stopped */
  open(): Database;
  destroy(): Promise<void>;
}

export async function createPostgresSchema(prefix = 'sys'): Promise<string> {
  const schema = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return schema;
}

export async function dropPostgresSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
}

export async function createSystemEnv(
  dialect: DialectName,
  extra: Record<string, string> = {},
): Promise<SystemEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-system-'));
  const schema = dialect === 'postgres' ? await createPostgresSchema() : null;
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    GONGKAI_DEMO: '0',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    ...(schema ? { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema } : {}),
    ...extra,
  };
  return {
    dialect,
    dataDir,
    schema,
    env,
    open: () =>
      openDatabase({
        databaseUrl: schema ? TEST_DATABASE_URL : null,
        sqlitePath: join(dataDir, 'gongkai.db'),
        ...(schema ? { pgSchema: schema, poolSize: 2 } : {}),
      }),
    async destroy() {
      if (schema) await dropPostgresSchema(schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The environment a child process or `loadConfig` sees: this process's PATH etc. without its database. */
export function childEnv(env: Record<string, string>): Record<string, string> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !['DATABASE_URL', 'DATABASE_SCHEMA', 'SQLITE_PATH', 'PORT'].includes(k))
      base[k] = v;
  return { ...base, ...env };
}

/**
 * Creates an agency with one staff member per role (`<code>-<role>`, password `test-password-1`) through the
 * same composition root as the server and the CLI: migrates the database and generates the key file.
 */
export async function seedAgency(sys: SystemEnv, code: string): Promise<void> {
  const app = await createApp(loadConfig(childEnv(sys.env)));
  try {
    await agencyWithStaff(app.ctx, code);
  } finally {
    await app.close();
  }
}
