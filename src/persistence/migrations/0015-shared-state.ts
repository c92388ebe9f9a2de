import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from '../database.ts';

/**
 * Issue 15 — state that must hold across server processes lives in the database: rate-limit windows (UNLOGGED on
 * PostgreSQL: counters, not records, so their writes skip the WAL flush), failed logins per username and client
 * (the lock is per pair, so nobody can lock another person out from elsewhere), change counters the processes
 * poll or are notified of (caches), and job leases (a scheduled job runs in one process at a time).
 */
export function sharedState(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const unlogged = dialect === 'postgres' ? sql`unlogged` : sql``;
      await sql`create ${unlogged} table rate_limits (
        key text primary key,
        hits integer not null,
        window_ends_at bigint not null
      )`.execute(db);
      await db.schema.createIndex('rate_limits_window').on('rate_limits').column('window_ends_at').execute();
      await db.schema
        .createTable('login_failures')
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('client', 'text', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('last_failed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('login_failures_pk', ['username', 'client'])
        .execute();
      await db.schema
        .createTable('change_counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('job_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text')
        .addColumn('lease_until', 'bigint', (c) => c.notNull())
        .addColumn('last_started_at', 'text')
        .addColumn('last_finished_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('state', 'text')
        .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}
