import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { CellRef, TableKey } from '../../domain/report/index.ts';
import type { AnnualReport } from '../../domain/report/index.ts';
import type { CellSum } from '../../domain/supervision/index.ts';
import { reportCells } from '../../domain/supervision/index.ts';
import type { DialectName } from '../database.ts';
import type { Schema } from '../schema.ts';

/**
 * The normalised cells of frozen annual reports (report_cells): written in the same transaction as the freeze
 * (report.repository's updateReport calls `writeReportCells`), removed when a report is unfrozen. A rollup is then
 * one aggregate over the cells of the reports it counts.
 */
const CHUNK = 400;

export async function writeReportCells(
  db: Kysely<Schema>,
  reportId: number,
  report: AnnualReport | null,
): Promise<void> {
  await db.deleteFrom('report_cells').where('report_id', '=', reportId).execute();
  if (report === null) {
    // unfrozen (recalled, returned): whatever was pre-filled from a rollup is gone with it
    await db.deleteFrom('supervision_rollups').where('report_id', '=', reportId).execute();
    return;
  }
  const rows = reportCells(report).map((c) => ({
    report_id: reportId,
    tbl: c.table,
    row_key: c.row,
    col_key: c.column,
    value: c.value,
  }));
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('report_cells')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

/** The report ids as one bound parameter: a JSON array on SQLite, an int array on PostgreSQL. */
function idSet(dialect: DialectName, ids: readonly number[]) {
  return dialect === 'postgres'
    ? sql`select unnest(cast(${[...ids]} as integer[]))`
    : sql`select value from json_each(${JSON.stringify(ids)})`;
}

/** Σ value per cell over the given reports: the rollup's one aggregate. */
export async function sumCells(
  db: Kysely<Schema>,
  dialect: DialectName,
  reportIds: readonly number[],
): Promise<CellSum[]> {
  if (reportIds.length === 0) return [];
  const { rows } = await sql<{
    tbl: string;
    row_key: string;
    col_key: string;
    total: number | string | null;
  }>`
    select tbl, row_key, col_key, sum(value) as total
    from report_cells
    where report_id in (${idSet(dialect, reportIds)})
    group by tbl, row_key, col_key`.execute(db);
  return rows.map((r) => ({
    table: r.tbl as TableKey,
    row: r.row_key,
    column: r.col_key,
    sum: r.total === null ? null : Number(r.total),
  }));
}

/** One cell of each given report (the per-agency breakdown of a rollup cell); reports blank there are absent. */
export async function cellOfReports(
  db: Kysely<Schema>,
  dialect: DialectName,
  reportIds: readonly number[],
  ref: CellRef,
): Promise<Map<number, number>> {
  if (reportIds.length === 0) return new Map();
  const { rows } = await sql<{ report_id: number; value: number | string }>`
    select report_id, value from report_cells
    where report_id in (${idSet(dialect, reportIds)})
      and tbl = ${ref.table} and row_key = ${ref.row} and col_key = ${ref.column}`.execute(db);
  return new Map(rows.map((r) => [Number(r.report_id), Number(r.value)]));
}

/** Every cell of the given reports (the breakdown of every cell, for exports). */
export async function cellsOfReports(
  db: Kysely<Schema>,
  dialect: DialectName,
  reportIds: readonly number[],
): Promise<{ reportId: number; path: string; value: number }[]> {
  if (reportIds.length === 0) return [];
  const { rows } = await sql<{
    report_id: number;
    tbl: string;
    row_key: string;
    col_key: string;
    value: number | string;
  }>`
    select report_id, tbl, row_key, col_key, value from report_cells
    where report_id in (${idSet(dialect, reportIds)})`.execute(db);
  return rows.map((r) => ({
    reportId: Number(r.report_id),
    path: `${r.tbl}.${r.row_key}.${r.col_key}`,
    value: Number(r.value),
  }));
}
