import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

/** The database handle every repository takes first. */
export interface Database {
  db: Kysely<Schema>;
  dialect: DialectName;
  /** the raw SQLite handle (online backup, integrity check); absent on PostgreSQL */
  sqlite?: BetterSqlite3.Database;
  /** the connection string (PostgreSQL) and schema, for pg_dump / pg_restore */
  postgres?: { url: string; schema: string | null };
  close(): Promise<void>;
}

// PostgreSQL returns int8 and numeric as strings; the domain works in numbers (all our counts fit).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface DatabaseOptions {
  databaseUrl: string | null;
  sqlitePath: string;
  /** PostgreSQL schema to use (tests give each run its own) */
  pgSchema?: string;
  poolSize?: number;
}

export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      postgres: { url: options.databaseUrl, schema: options.pgSchema ?? null },
      close: () => db.destroy(),
    };
  }
  if (options.sqlitePath !== ':memory:') mkdirSync(dirname(options.sqlitePath), { recursive: true });
  const sqlite = new BetterSqlite3(options.sqlitePath);
  // WAL for concurrent readers; synchronous=FULL so a committed transaction survives a crash (durable
  // before the HTTP acknowledgment); foreign keys on; wait instead of failing when another process writes.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * better-sqlite3 prepares a statement on every Kysely query; preparing costs more than running a small indexed
 * query. Statements are cached by SQL text (LRU, 500). Kysely runs one query at a time on its single connection,
 * so a cached statement is never in use twice.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, size = 500) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) cache.delete(sql);
      else statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}
