import type { Kysely, Migration } from 'kysely';

/**
 * Issue 16 point 4 — requests counted in the database, per client and fixed window: the anonymous report
 * renders (/api/report-tool/render, /tools/report/download) are limited across every process sharing the
 * database, which a counter in one process's memory cannot do. Old windows are swept by `window_start`.
 */
export function requestCounts(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('request_counts')
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn('client', 'text', (c) => c.notNull())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('request_counts_pk', ['bucket', 'client', 'window_start'])
        .execute();
      await db.schema
        .createIndex('request_counts_window')
        .on('request_counts')
        .column('window_start')
        .execute();
    },
  };
}
