import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.ts';
import { idColumn } from './columns.ts';

/**
 * Issue 12 points 4, 9 — mail and reminders: staff have an e-mail address; mail is written to an outbox in the
 * transaction that decides to send it (`dedupe_key` unique, so a message is queued once) and delivered from
 * there over SMTP by whichever process claims the row (`claimed_until`, a lease); a scheduled job's run is
 * claimed by inserting its (job, run_key) row, so a daily job runs once however many processes start it; each
 * 催报 a supervising office sends an agency about its annual report is kept.
 */
export function mailReminders(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('email', 'text').execute();
      await idColumn(dialect, db.schema.createTable('mail_outbox'))
        .addColumn('agency_id', 'integer')
        .addColumn('to_user_id', 'integer')
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('claimed_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('mail_outbox_status').on('mail_outbox').columns(['status', 'id']).execute();
      await db.schema
        .createTable('job_runs')
        .addColumn('job', 'text', (c) => c.notNull())
        .addColumn('run_key', 'text', (c) => c.notNull())
        .addColumn('claimed_by', 'text', (c) => c.notNull())
        .addColumn('claimed_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('result', 'text')
        .addPrimaryKeyConstraint('job_runs_pk', ['job', 'run_key'])
        .execute();
      await idColumn(dialect, db.schema.createTable('report_urges'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('from_agency_id', 'integer', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('recipients', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('report_urges_agency_year')
        .on('report_urges')
        .columns(['agency_id', 'year'])
        .execute();
    },
  };
}
