import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.ts';
import { idColumn } from './columns.ts';

/**
 * Issue 12 point 1 — 分办 and 转办: every assignment of an application to a handler (承办人), who made it and why,
 * kept as a history; applications.handler_id stays the projection of the current one, indexed for 我的待办 and
 * the head's view of each person's load.
 */
export function assignments(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await idColumn(dialect, db.schema.createTable('assignments'))
        .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('assignee_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('previous_id', 'integer', (c) => c.references('users.id'))
        .addColumn('reason', 'text')
        .addColumn('assigned_at', 'text', (c) => c.notNull())
        .addColumn('assigned_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('assignments_application')
        .on('assignments')
        .column('application_id')
        .execute();
      await db.schema
        .createIndex('applications_agency_handler')
        .on('applications')
        .columns(['agency_id', 'handler_id'])
        .execute();
    },
  };
}
