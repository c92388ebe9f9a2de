import { sql } from 'kysely';
import type { Database } from './database.ts';

/**
 * Runs `body` (migrations, the first-start seed) while holding the installation's start-up lock, so that of
 * several server processes starting at once on an empty PostgreSQL database one migrates and seeds while the
 * others wait, then find the work done. PostgreSQL: a session advisory lock keyed on the schema, held on a
 * connection of its own (the body uses the pool). SQLite serves one process; its migrations run in one
 * transaction that locks the file.
 */
export async function withStartupLock<T>(database: Database, body: () => Promise<T>): Promise<T> {
  if (database.dialect !== 'postgres') return body();
  return database.db.connection().execute(async (connection) => {
    const key = sql`hashtext('gongkai-startup:' || current_schema())`;
    await sql`select pg_advisory_lock(${key})`.execute(connection);
    try {
      return await body();
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(connection);
    }
  });
}
