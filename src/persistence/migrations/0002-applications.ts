import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.ts';
import { idColumn } from './columns.ts';

/** 依申请公开: applications, their due-date changes, and the letters sent. */
export function applications(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await idColumn(dialect, db.schema.createTable('applications'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('applicant_type', 'text', (c) => c.notNull())
        .addColumn('applicant_name', 'text', (c) => c.notNull())
        .addColumn('contact_person', 'text')
        .addColumn('id_kind', 'text')
        .addColumn('id_number_enc', 'text')
        .addColumn('id_number_idx', 'text')
        .addColumn('phone_enc', 'text')
        .addColumn('phone_idx', 'text')
        .addColumn('email_enc', 'text')
        .addColumn('address_enc', 'text')
        .addColumn('postcode', 'text')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('received_on', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('reply_due', 'text')
        .addColumn('latest_reply_due', 'text')
        .addColumn('correction_notice_due', 'text', (c) => c.notNull())
        .addColumn('paused_since', 'text')
        .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('outcome', 'text')
        .addColumn('closed_on', 'text')
        .addColumn('archived_on', 'text')
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('handler_id', 'integer')
        .addColumn('facts', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      for (const [name, columns] of [
        ['applications_agency_state', ['agency_id', 'state']],
        ['applications_agency_received', ['agency_id', 'received_on']],
        ['applications_agency_closed', ['agency_id', 'closed_on']],
        ['applications_agency_reply_due', ['agency_id', 'reply_due']],
        ['applications_id_number', ['id_number_idx']],
      ] as const)
        await db.schema
          .createIndex(name)
          .on('applications')
          .columns([...columns])
          .execute();

      await idColumn(dialect, db.schema.createTable('due_date_changes'))
        .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('from_date', 'text')
        .addColumn('to_date', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('article', 'text')
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addColumn('event_id', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('due_date_changes_application')
        .on('due_date_changes')
        .column('application_id')
        .execute();

      await idColumn(dialect, db.schema.createTable('letters'))
        .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
        .addColumn('agency_id', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addUniqueConstraint('letters_number_unique', ['agency_id', 'kind', 'year', 'seq'])
        .execute();
      await db.schema.createIndex('letters_application').on('letters').column('application_id').execute();
    },
  };
}
