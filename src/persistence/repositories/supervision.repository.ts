import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { RecordStatus } from '../../domain/report-workspace/index.ts';
import type { AnnualReport, ReportFormat } from '../../domain/report/index.ts';
import type { Schema } from '../schema.ts';
import type { AgencyKind } from './agency.repository.ts';
import { reportFromJson } from './report.repository.ts';

/**
 * What supervision reads of a subtree: its agencies (with their depth and whether they have staff of their own
 * on Gongkai), the agencies above its root, and the annual reports of a year — each query one statement over
 * the recursive subtree, whatever its size.
 */
export interface SubtreeAgency {
  id: number;
  code: string;
  name: string;
  kind: AgencyKind;
  parentId: number | null;
  settings: Record<string, unknown>;
  /** 0 for the root */
  depth: number;
  /** it has an enabled staff account: it drafts and submits its own report */
  onPlatform: boolean;
}

/** The recursive subtree of `rootId` as a common table expression `tree(id, depth)`. */
const tree = (db: Kysely<Schema>, rootId: number) =>
  db.withRecursive('tree(id, depth)', (qb) =>
    qb
      .selectFrom('agencies')
      .select(['id', sql<number>`0`.as('depth')])
      .where('id', '=', rootId)
      .unionAll((q) =>
        q
          .selectFrom('agencies as a')
          .innerJoin('tree', 'tree.id', 'a.parent_id')
          .select(['a.id', sql<number>`tree.depth + 1`.as('depth')]),
      ),
  );

export async function subtreeAgencies(db: Kysely<Schema>, rootId: number): Promise<SubtreeAgency[]> {
  const rows = await tree(db, rootId)
    .selectFrom('tree')
    .innerJoin('agencies', 'agencies.id', 'tree.id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('users')
          .select(['agency_id', (u) => u.fn.countAll<number>().as('n')])
          .where('disabled', '=', 0)
          .groupBy('agency_id')
          .as('staff'),
      (join) => join.onRef('staff.agency_id', '=', 'agencies.id'),
    )
    .select([
      'agencies.id',
      'agencies.code',
      'agencies.name',
      'agencies.kind',
      'agencies.parent_id',
      'agencies.settings',
      'tree.depth',
      'staff.n as users',
    ])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind as AgencyKind,
    parentId: r.parent_id,
    settings: JSON.parse(r.settings) as Record<string, unknown>,
    depth: Number(r.depth),
    onPlatform: Number(r.users ?? 0) > 0,
  }));
}

/** The agencies above `agencyId`, nearest first. */
export async function ancestorsOf(
  db: Kysely<Schema>,
  agencyId: number,
): Promise<{ id: number; name: string; kind: AgencyKind; settings: Record<string, unknown> }[]> {
  const rows = await db
    .withRecursive('up(id, parent_id, level)', (qb) =>
      qb
        .selectFrom('agencies')
        .select(['id', 'parent_id', sql<number>`0`.as('level')])
        .where('id', '=', agencyId)
        .unionAll((q) =>
          q
            .selectFrom('agencies as a')
            .innerJoin('up', 'up.parent_id', 'a.id')
            .select(['a.id', 'a.parent_id', sql<number>`up.level + 1`.as('level')]),
        ),
    )
    .selectFrom('up')
    .innerJoin('agencies', 'agencies.id', 'up.id')
    .select(['agencies.id', 'agencies.name', 'agencies.kind', 'agencies.settings', 'up.level'])
    .where('up.level', '>', 0)
    .orderBy('up.level')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as AgencyKind,
    settings: JSON.parse(r.settings) as Record<string, unknown>,
  }));
}

/** A report of the subtree, without its content. */
export interface SubtreeReport {
  id: number;
  agencyId: number;
  year: number;
  format: ReportFormat;
  status: RecordStatus;
  version: number;
  comment: string | null;
  submittedAt: string | null;
  clearedAt: string | null;
  publishedAt: string | null;
  /** pre-filled from a rollup (left out of rollups) */
  rollup: boolean;
  /** errors and warnings found when it was frozen; null while live */
  findings: { errors: number; warnings: number } | null;
}

export async function subtreeReports(
  db: Kysely<Schema>,
  rootId: number,
  year: number,
  options: { findings?: boolean } = {},
): Promise<SubtreeReport[]> {
  const rows = await tree(db, rootId)
    .selectFrom('annual_reports as r')
    .leftJoin('supervision_rollups as s', 's.report_id', 'r.id')
    .select([
      'r.id',
      'r.agency_id',
      'r.year',
      'r.format',
      'r.status',
      'r.version',
      'r.comment',
      'r.submitted_at',
      'r.cleared_at',
      'r.published_at',
      's.report_id as rollup_of',
    ])
    .$if(options.findings === true, (q) => q.select('r.findings'))
    .where('r.year', '=', year)
    .where('r.agency_id', 'in', (eb) => eb.selectFrom('tree').select('tree.id'))
    .execute();
  return rows.map((r) => {
    const findings = (r as { findings?: string | null }).findings;
    let counts: SubtreeReport['findings'] = null;
    if (findings) {
      const list = JSON.parse(findings) as { severity: string }[];
      counts = {
        errors: list.filter((f) => f.severity === 'error').length,
        warnings: list.filter((f) => f.severity === 'warning').length,
      };
    }
    return {
      id: r.id,
      agencyId: r.agency_id,
      year: r.year,
      format: r.format as ReportFormat,
      status: r.status as RecordStatus,
      version: r.version,
      comment: r.comment,
      submittedAt: r.submitted_at,
      clearedAt: r.cleared_at,
      publishedAt: r.published_at,
      rollup: r.rollup_of !== null,
      findings: counts,
    };
  });
}

/** The frozen reports of the subtree for the given years, with their content. */
export async function subtreeFrozenReports(
  db: Kysely<Schema>,
  rootId: number,
  years: readonly number[],
): Promise<{ id: number; agencyId: number; year: number; status: RecordStatus; report: AnnualReport }[]> {
  const rows = await tree(db, rootId)
    .selectFrom('annual_reports')
    .select(['id', 'agency_id', 'year', 'status', 'content'])
    .where('year', 'in', [...years])
    .where('content', 'is not', null)
    .where('agency_id', 'in', (eb) => eb.selectFrom('tree').select('tree.id'))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    year: r.year,
    status: r.status as RecordStatus,
    report: reportFromJson(r.content!),
  }));
}

/** The latest imported report of each agency of the subtree for a year (last year's, written outside Gongkai). */
export async function subtreeImportedReports(
  db: Kysely<Schema>,
  rootId: number,
  year: number,
): Promise<Map<number, AnnualReport>> {
  const rows = await tree(db, rootId)
    .selectFrom('imported_reports')
    .select(['id', 'agency_id', 'content'])
    .where('year', '=', year)
    .where('agency_id', 'in', (eb) => eb.selectFrom('tree').select('tree.id'))
    .orderBy('id')
    .execute();
  const latest = new Map<number, AnnualReport>();
  for (const r of rows) latest.set(r.agency_id, reportFromJson(r.content));
  return latest;
}

export async function insertRollupMarker(
  db: Kysely<Schema>,
  marker: {
    reportId: number;
    rootAgencyId: number;
    year: number;
    format: ReportFormat;
    sources: readonly number[];
    createdBy: number | null;
    createdAt: string;
  },
): Promise<void> {
  await db.deleteFrom('supervision_rollups').where('report_id', '=', marker.reportId).execute();
  await db
    .insertInto('supervision_rollups')
    .values({
      report_id: marker.reportId,
      root_agency_id: marker.rootAgencyId,
      year: marker.year,
      format: marker.format,
      sources: JSON.stringify(marker.sources),
      created_by: marker.createdBy,
      created_at: marker.createdAt,
    })
    .execute();
}

/** Enabled staff accounts of an agency (none: the agency is not on Gongkai). */
export async function staffCount(db: Kysely<Schema>, agencyId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .where('disabled', '=', 0)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A collected report's layout, when the document collected is in the other layout than the record was. */
export async function setReportFormat(
  db: Kysely<Schema>,
  reportId: number,
  format: ReportFormat,
): Promise<void> {
  await db.updateTable('annual_reports').set({ format }).where('id', '=', reportId).execute();
}
