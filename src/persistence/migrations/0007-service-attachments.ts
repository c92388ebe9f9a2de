import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.ts';
import { idColumn } from './columns.ts';

/**
 * Issue 11 — 送达 and the information disclosed: each letter row names the letter of the application's value it
 * prints (`letter_index`, whose service record the value holds); applications project the open consultation's
 * answer date and whether a letter that starts a period against the applicant awaits service; files attached
 * to a reply (the 政府信息 itself, 区分处理 redactions marked) are kept with the case, stored by content like the
 * catalog's attachments.
 */
export function serviceAttachments(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('letters').addColumn('letter_index', 'integer').execute();
      await db.schema.alterTable('applications').addColumn('consultation_due', 'text').execute();
      await db.schema
        .alterTable('applications')
        .addColumn('service_pending', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await idColumn(dialect, db.schema.createTable('reply_attachments'))
        .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('redacted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('note', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('reply_attachments_application')
        .on('reply_attachments')
        .column('application_id')
        .execute();
    },
  };
}
