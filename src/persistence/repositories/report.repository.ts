import type { Kysely, Selectable } from 'kysely';
import type { Finding, ReportFormat } from '../../domain/report/index.ts';
import { decodeReport, encodeReport } from '../../domain/report/index.ts';
import type {
  CellBasis,
  Frozen,
  NarrativeEdits,
  PreviousRef,
  PublishedVersion,
  RecordStatus,
  ReportRecord,
} from '../../domain/report-workspace/index.ts';
import type { AnnualReport } from '../../domain/report/index.ts';
import type { AnnualReportTable } from '../schema-reports.ts';
import type { Schema } from '../schema.ts';
import { writeReportCells } from './supervision-cells.repository.ts';

/** The report as stored JSON: the interchange form (gongkai.annual-report/1). */
export const reportJson = (report: AnnualReport) => JSON.stringify(encodeReport(report));

export function reportFromJson(text: string): AnnualReport {
  const { report } = decodeReport(JSON.parse(text));
  if (!report) throw new Error('stored report is not a report');
  return report;
}

function toRecord(r: Selectable<AnnualReportTable>): ReportRecord {
  let frozen: Frozen | null = null;
  if (r.content !== null) {
    const sources = JSON.parse(r.sources ?? '{}') as {
      cells?: Record<string, CellBasis>;
      previous?: PreviousRef | null;
    };
    frozen = {
      report: reportFromJson(r.content),
      sources: sources.cells ?? {},
      previous: sources.previous ?? null,
      findings: JSON.parse(r.findings ?? '[]') as Finding[],
    };
  }
  return {
    id: r.id,
    agencyId: r.agency_id,
    year: r.year,
    format: r.format as ReportFormat,
    status: r.status as RecordStatus,
    narrative: JSON.parse(r.narrative) as NarrativeEdits,
    frozen,
    comment: r.comment,
    submittedAt: r.submitted_at,
    clearedAt: r.cleared_at,
    publishedAt: r.published_at,
    publishedVersion: r.published_version,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function insertReport(
  db: Kysely<Schema>,
  input: { agencyId: number; year: number; format: ReportFormat; narrative: NarrativeEdits },
  at: string,
): Promise<ReportRecord> {
  const row = await db
    .insertInto('annual_reports')
    .values({
      agency_id: input.agencyId,
      year: input.year,
      format: input.format,
      status: 'draft',
      narrative: JSON.stringify(input.narrative),
      content: null,
      sources: null,
      findings: null,
      comment: null,
      submitted_at: null,
      cleared_at: null,
      published_at: null,
      published_version: 0,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export interface ReportPatch {
  status?: RecordStatus;
  narrative?: NarrativeEdits;
  /** a frozen report, or null to unfreeze (back to live tables) */
  frozen?: Frozen | null;
  comment?: string | null;
  submittedAt?: string | null;
  clearedAt?: string | null;
  publishedAt?: string | null;
  publishedVersion?: number;
}

/** Writes the patch if the record is still at `version` (optimistic concurrency); false otherwise. */
export async function updateReport(
  db: Kysely<Schema>,
  id: number,
  version: number,
  patch: ReportPatch,
  at: string,
): Promise<boolean> {
  const frozen = patch.frozen;
  const result = await db
    .updateTable('annual_reports')
    .set({
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.narrative !== undefined ? { narrative: JSON.stringify(patch.narrative) } : {}),
      ...(frozen !== undefined
        ? {
            content: frozen ? reportJson(frozen.report) : null,
            sources: frozen ? JSON.stringify({ cells: frozen.sources, previous: frozen.previous }) : null,
            findings: frozen ? JSON.stringify(frozen.findings) : null,
          }
        : {}),
      ...(patch.comment !== undefined ? { comment: patch.comment } : {}),
      ...(patch.submittedAt !== undefined ? { submitted_at: patch.submittedAt } : {}),
      ...(patch.clearedAt !== undefined ? { cleared_at: patch.clearedAt } : {}),
      ...(patch.publishedAt !== undefined ? { published_at: patch.publishedAt } : {}),
      ...(patch.publishedVersion !== undefined ? { published_version: patch.publishedVersion } : {}),
      version: version + 1,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  const updated = Number(result.numUpdatedRows) === 1;
  // supervision (issue 7): the frozen report's cells, normalised for rollups, written (or removed) with it
  if (updated && frozen !== undefined) await writeReportCells(db, id, frozen ? frozen.report : null);
  return updated;
}

export async function findReport(
  db: Kysely<Schema>,
  agencyId: number,
  year: number,
): Promise<ReportRecord | null> {
  const row = await db
    .selectFrom('annual_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findReportById(db: Kysely<Schema>, id: number): Promise<ReportRecord | null> {
  const row = await db.selectFrom('annual_reports').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** A light row for lists: status and dates without the content. */
export interface ReportSummary {
  id: number;
  agencyId: number;
  year: number;
  format: ReportFormat;
  status: RecordStatus;
  submittedAt: string | null;
  clearedAt: string | null;
  publishedAt: string | null;
  publishedVersion: number;
  comment: string | null;
  updatedAt: string;
}

/** The reports of some agencies (an agency's years, or a supervisor's subtree for a year). */
export async function reportSummaries(
  db: Kysely<Schema>,
  agencyIds: readonly number[],
  year?: number,
): Promise<ReportSummary[]> {
  if (agencyIds.length === 0) return [];
  let q = db
    .selectFrom('annual_reports')
    .select([
      'id',
      'agency_id',
      'year',
      'format',
      'status',
      'submitted_at',
      'cleared_at',
      'published_at',
      'published_version',
      'comment',
      'updated_at',
    ])
    .where('agency_id', 'in', agencyIds);
  if (year !== undefined) q = q.where('year', '=', year);
  const rows = await q.orderBy('year', 'desc').orderBy('agency_id').execute();
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    year: r.year,
    format: r.format as ReportFormat,
    status: r.status as RecordStatus,
    submittedAt: r.submitted_at,
    clearedAt: r.cleared_at,
    publishedAt: r.published_at,
    publishedVersion: r.published_version,
    comment: r.comment,
    updatedAt: r.updated_at,
  }));
}

export async function insertReportVersion(
  db: Kysely<Schema>,
  reportId: number,
  v: PublishedVersion,
): Promise<void> {
  await db
    .insertInto('annual_report_versions')
    .values({
      report_id: reportId,
      version: v.version,
      reason: v.reason,
      content: reportJson(v.report),
      findings: JSON.stringify(v.findings),
      published_at: v.publishedAt,
      published_by: v.publishedBy,
      published_report_id: v.publishedReportId,
    })
    .execute();
}

/** Every published version of a report, first publication first. */
export async function reportVersions(db: Kysely<Schema>, reportId: number): Promise<PublishedVersion[]> {
  const rows = await db
    .selectFrom('annual_report_versions')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    reason: r.reason,
    report: reportFromJson(r.content),
    findings: JSON.parse(r.findings) as Finding[],
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    publishedReportId: r.published_report_id,
  }));
}
