import type { Kysely, Selectable } from 'kysely';
import type { AnnualReport, Finding, ReportFormat } from '../../domain/report/index.ts';
import type { ImportedReportTable } from '../schema-reports.ts';
import type { Schema } from '../schema.ts';
import { reportFromJson, reportJson } from './report.repository.ts';

/** A report written outside Gongkai, as imported: the report read and the import's findings. */
export interface ImportedReport {
  id: number;
  agencyId: number;
  year: number;
  fileName: string;
  format: ReportFormat;
  report: AnnualReport;
  findings: Finding[];
  importedAt: string;
  importedBy: number | null;
}

const toImported = (r: Selectable<ImportedReportTable>): ImportedReport => ({
  id: r.id,
  agencyId: r.agency_id,
  year: r.year,
  fileName: r.file_name,
  format: r.format as ReportFormat,
  report: reportFromJson(r.content),
  findings: JSON.parse(r.findings) as Finding[],
  importedAt: r.imported_at,
  importedBy: r.imported_by,
});

export async function insertImportedReport(
  db: Kysely<Schema>,
  input: Omit<ImportedReport, 'id'>,
): Promise<ImportedReport> {
  const row = await db
    .insertInto('imported_reports')
    .values({
      agency_id: input.agencyId,
      year: input.year,
      file_name: input.fileName,
      format: input.format,
      content: reportJson(input.report),
      findings: JSON.stringify(input.findings),
      imported_at: input.importedAt,
      imported_by: input.importedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toImported(row);
}

/** The latest import of an agency's report for a year (a later import supersedes an earlier one). */
export async function latestImportedReport(
  db: Kysely<Schema>,
  agencyId: number,
  year: number,
): Promise<ImportedReport | null> {
  const row = await db
    .selectFrom('imported_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toImported(row) : null;
}

export async function findImportedReport(db: Kysely<Schema>, id: number): Promise<ImportedReport | null> {
  const row = await db.selectFrom('imported_reports').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toImported(row) : null;
}

/** An agency's imports, newest year first, without content. */
export async function importedReportsOf(
  db: Kysely<Schema>,
  agencyId: number,
): Promise<Omit<ImportedReport, 'report' | 'findings'>[]> {
  const rows = await db
    .selectFrom('imported_reports')
    .select(['id', 'agency_id', 'year', 'file_name', 'format', 'imported_at', 'imported_by'])
    .where('agency_id', '=', agencyId)
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    year: r.year,
    fileName: r.file_name,
    format: r.format as ReportFormat,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
  }));
}

export async function deleteImportedReport(db: Kysely<Schema>, id: number): Promise<boolean> {
  const result = await db.deleteFrom('imported_reports').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
