import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { DatabaseIntrospector, DatabaseMetadata, SchemaMetadata, TableMetadata } from 'kysely';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
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
  /**
   * PostgreSQL: one connection of the pool taken for the caller alone until released. Statements given to it run
   * one after another in the order given, each sent the moment the one before is answered (by the driver, before
   * any promise continuation runs), so a writer can queue its next statement while the one before is running.
   */
  pinConnection?: () => Promise<PinnedConnection>;
  close(): Promise<void>;
}

export interface PinnedConnection {
  /** runs one statement (a named prepared one when its text begins with the marker below) */
  query<R>(text: string, values: readonly unknown[]): Promise<{ rows: R[] }>;
  /** back to the pool; with an error, the connection is closed instead */
  release(error?: Error): void;
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

/**
 * SQLite reads the database file through a memory map of up to this size (SQLite caps it at its build's
 * SQLITE_MAX_MMAP_SIZE, 2 GB for better-sqlite3): a page already in the OS cache is then read in place, not
 * copied by a pread into the connection's own page cache (2 MB by default — far smaller than a catalog of a
 * million items, whose every seek would otherwise be several preads and cache evictions). Only reads go through
 * the map: writes still go through the WAL, and a page newer in the WAL is read from there, so it is safe with
 * WAL and with several processes on one file (each maps it; the OS cache they share is the one copy). The map is
 * address space, not memory taken: its pages are the file's, and the OS reclaims them as it would any cache.
 */
export const SQLITE_MMAP_BYTES = 4 * 1024 ** 3;

export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    pool.on('connect', prepareNamedStatements);
    // An idle connection the server ends (a restart, pg_terminate_backend, a dropped database) is an 'error'
    // event on the pool; unheard, it would end the process. The pool discards that client and opens another.
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL 空闲连接已断开，连接池将重新连接：${error.message}`, {
        code: 'GONGKAI_PG_IDLE',
      });
    });
    const db = new Kysely<Schema>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      postgres: { url: options.databaseUrl, schema: options.pgSchema ?? null },
      pinConnection: async () => {
        const client = await pool.connect();
        // out of the pool, the connection's own 'error' (the server ended it) has no other listener: unheard,
        // it would end the process; its statements fail with the error, and the holder releases it with it
        const ended = (error: Error) =>
          process.emitWarning(`PostgreSQL 连接已断开：${error.message}`, { code: 'GONGKAI_PG_PINNED' });
        client.on('error', ended);
        return {
          query: <R>(text: string, values: readonly unknown[]) =>
            client.query(text, values as unknown[]) as unknown as Promise<{ rows: R[] }>,
          release: (error) => {
            client.off('error', ended);
            client.release(error);
          },
        };
      },
      close: () => db.destroy(),
    };
  }
  if (options.sqlitePath !== ':memory:') privateDatabaseFile(options.sqlitePath);
  const sqlite = new BetterSqlite3(options.sqlitePath);
  // WAL for concurrent readers; synchronous=FULL so a committed transaction survives a crash (durable
  // before the HTTP acknowledgment); foreign keys on; wait instead of failing when another process writes.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
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

/**
 * A statement whose text begins with `/* prepared NAME *\/` is sent as a named statement: each connection
 * parses it once and then only binds and runs it (the intake statement, run thousands of times a second, is
 * not parsed and planned anew each time). NAME must change with the text (repositories/intake.repository.ts
 * takes a hash of it). Any other text goes as it is.
 */
const PREPARED = /^\/\* prepared ([\w-]+) \*\//;

function prepareNamedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    const name = typeof text === 'string' && args.length <= 2 ? PREPARED.exec(text)?.[1] : undefined;
    return name ? query({ name, text, values }) : query(...args);
  };
}

/**
 * PostgreSQL with an introspector that sees only the connection's own schemas (its search_path). Kysely's own
 * lists every column of every table in every schema and calls pg_get_serial_sequence on each: in a database
 * shared with others (or with test runs that drop their schemas) that fails with "relation … does not exist"
 * when another schema is dropped during the scan, and it counts another schema's kysely_migration table as
 * ours. The migrator asks only which tables exist.
 */
class OwnSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new OwnSchemaIntrospector(db);
  }
}

class OwnSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select nspname as name from pg_namespace`.execute(this.db);
    return rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, n.nspname as schema, c.relkind as kind
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any (current_schemas(false)) and c.relkind in ('r', 'v', 'p')
      order by n.nspname, c.relname`.execute(this.db);
    return rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.kind === 'v', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

/**
 * The SQLite file holds personal data: its folder is created 0700 and the file 0600 before SQLite opens it
 * (SQLite gives the -wal and -shm files the database file's mode), and a file found readable by others is
 * narrowed to 0600, with its -wal and -shm.
 */
function privateDatabaseFile(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}
