import type { Kysely, Migration } from 'kysely';
import { decodeReport } from '../../domain/report/index.ts';
import { reportCells } from '../../domain/supervision/index.ts';
import type { DialectName } from '../database.ts';
import { idColumn } from './columns.ts';

/** Report cells (normalised, for rollups), reports pre-filled from a rollup, supervision API tokens. */
export function supervision(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('report_cells')
        .addColumn('report_id', 'integer', (c) => c.notNull().references('annual_reports.id'))
        .addColumn('tbl', 'text', (c) => c.notNull())
        .addColumn('row_key', 'text', (c) => c.notNull())
        .addColumn('col_key', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint('report_cells_pk', ['report_id', 'tbl', 'row_key', 'col_key'])
        .execute();

      await db.schema
        .createTable('supervision_rollups')
        .addColumn('report_id', 'integer', (c) => c.primaryKey().references('annual_reports.id'))
        .addColumn('root_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('sources', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await idColumn(dialect, db.schema.createTable('supervision_tokens'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('hint', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('supervision_tokens_agency')
        .on('supervision_tokens')
        .column('agency_id')
        .execute();

      // reports frozen before this migration: their cells, as the freeze now writes them
      const frozen = await (db as Kysely<{ annual_reports: { id: number; content: string | null } }>)
        .selectFrom('annual_reports')
        .select(['id', 'content'])
        .where('content', 'is not', null)
        .execute();
      const cells = db as Kysely<{
        report_cells: { report_id: number; tbl: string; row_key: string; col_key: string; value: number };
      }>;
      for (const row of frozen) {
        const { report } = decodeReport(JSON.parse(row.content!));
        if (!report) continue;
        const values = reportCells(report).map((c) => ({
          report_id: row.id,
          tbl: c.table,
          row_key: c.row,
          col_key: c.column,
          value: c.value,
        }));
        for (let i = 0; i < values.length; i += 100)
          await cells
            .insertInto('report_cells')
            .values(values.slice(i, i + 100))
            .execute();
      }
    },
  };
}
