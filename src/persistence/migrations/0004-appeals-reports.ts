import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.ts';
import { idColumn } from './columns.ts';

/** 行政复议 / 行政诉讼 cases; annual reports with their published versions; imported reports. */
export function appealsReports(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await idColumn(dialect, db.schema.createTable('appeal_cases'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('case_number', 'text', (c) => c.notNull())
        .addColumn('filed_on', 'text', (c) => c.notNull())
        .addColumn('decided_on', 'text')
        .addColumn('result', 'text')
        .addColumn('note', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('appeal_cases_number_unique', ['agency_id', 'case_number'])
        .execute();
      await db.schema
        .createIndex('appeal_cases_agency_filed')
        .on('appeal_cases')
        .columns(['agency_id', 'filed_on'])
        .execute();
      await db.schema
        .createIndex('appeal_cases_application')
        .on('appeal_cases')
        .column('application_id')
        .execute();

      await idColumn(dialect, db.schema.createTable('annual_reports'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('narrative', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('content', 'text')
        .addColumn('sources', 'text')
        .addColumn('findings', 'text')
        .addColumn('comment', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('cleared_at', 'text')
        .addColumn('published_at', 'text')
        .addColumn('published_version', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('annual_reports_agency_year', ['agency_id', 'year'])
        .execute();
      // supervision (issue 7): every subordinate's report of a year
      await db.schema
        .createIndex('annual_reports_year_status')
        .on('annual_reports')
        .columns(['year', 'status'])
        .execute();

      await idColumn(dialect, db.schema.createTable('annual_report_versions'))
        .addColumn('report_id', 'integer', (c) => c.notNull().references('annual_reports.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('findings', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('published_by', 'integer')
        .addColumn('published_report_id', 'integer')
        .addUniqueConstraint('annual_report_versions_unique', ['report_id', 'version'])
        .execute();

      await idColumn(dialect, db.schema.createTable('imported_reports'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('findings', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addColumn('imported_by', 'integer')
        .execute();
      await db.schema
        .createIndex('imported_reports_agency_year')
        .on('imported_reports')
        .columns(['agency_id', 'year'])
        .execute();
    },
  };
}
