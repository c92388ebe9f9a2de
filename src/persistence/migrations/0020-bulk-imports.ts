import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.ts';
import { idColumn } from './columns.ts';

/**
 * Issue 13 point 10 — the supervisor's bulk upload of a year's reports. `bulk_imports` is one upload (the
 * supervising office, the year, who, when); `bulk_import_files` one file of it, kept with its bytes until it is
 * read, so that whichever server process holds the file's lease (`claimed_until`) reads it and any process
 * answers the progress (files `done` of the upload). A file's `outcome`, matched agency and result (the cells
 * read, the findings, the report as read) are written when it is read.
 */
export function bulkImports(dialect: DialectName): Migration {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>) {
      await idColumn(dialect, db.schema.createTable('bulk_imports'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('file_count', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createIndex('bulk_imports_agency')
        .on('bulk_imports')
        .columns(['agency_id', 'id'])
        .execute();
      await idColumn(dialect, db.schema.createTable('bulk_import_files'))
        .addColumn('import_id', 'integer', (c) => c.notNull().references('bulk_imports.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content', bytes)
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('claimed_until', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('outcome', 'text')
        .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
        .addColumn('year', 'integer')
        .addColumn('result', 'text')
        .addColumn('processed_at', 'text')
        .execute();
      await db.schema
        .createIndex('bulk_import_files_import')
        .on('bulk_import_files')
        .columns(['import_id', 'seq'])
        .unique()
        .execute();
      await db.schema
        .createIndex('bulk_import_files_pending')
        .on('bulk_import_files')
        .columns(['status', 'claimed_until'])
        .execute();
      await db.schema
        .createIndex('bulk_import_files_agency_year')
        .on('bulk_import_files')
        .columns(['agency_id', 'year', 'outcome'])
        .execute();
    },
  };
}
