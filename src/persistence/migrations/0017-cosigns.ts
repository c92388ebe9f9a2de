import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.ts';
import { idColumn } from './columns.ts';

/**
 * Issue 12 point 2 — 内部会签: each staff member's department (科室, one of the agency's `departments` setting),
 * and each 会签 of a department on a case: what was asked, by whom, its due date (inside the reply period), and
 * the answer with who gave it and who entered it.
 */
export function cosigns(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('department', 'text').execute();
      await idColumn(dialect, db.schema.createTable('cosigns'))
        .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('opened_on', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('opened_by', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('answered_on', 'text')
        .addColumn('answered_at', 'text')
        .addColumn('answered_by', 'text')
        .addColumn('answerer_name', 'text')
        .addColumn('opinion', 'text')
        .addColumn('on_behalf', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('cosigns_application').on('cosigns').column('application_id').execute();
      await db.schema
        .createIndex('cosigns_agency_open')
        .on('cosigns')
        .columns(['agency_id', 'answered_on', 'due_on'])
        .execute();
    },
  };
}
