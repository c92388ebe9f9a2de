import type { ReportActionOption, ReportStatus } from '../../domain/report-workspace/index.ts';
import {
  REPORT_STATUS_LABEL,
  REPORT_STATUSES,
  reportActionOptions,
} from '../../domain/report-workspace/index.ts';
import type { ReportFormat } from '../../domain/report/index.ts';
import { formatForYear } from '../../domain/report/index.ts';
import type { CollectionTimeliness, DeadlineSource } from '../../domain/supervision/index.ts';
import {
  AGENCY_KIND_LABEL,
  ancestorsWithin,
  ARRIVED_STATUSES,
  COLLECTABLE_STATUSES,
  COLLECTION_TIMELINESS_LABEL,
  collectionTimeliness,
  preOrder,
  supervisedDeadline,
} from '../../domain/supervision/index.ts';
import type { AgencyKind } from '../../persistence/repositories/agency.repository.ts';
import type { SubtreeAgency, SubtreeReport } from '../../persistence/repositories/supervision.repository.ts';
import {
  ancestorsOf,
  subtreeAgencies,
  subtreeReports,
} from '../../persistence/repositories/supervision.repository.ts';
import { urgesByAgency } from '../../persistence/repositories/report-urge.repository.ts';
import { checkYear } from '../appeals/table4.ts';
import type { ServiceContext } from '../context.ts';
import { todayInChina } from '../context.ts';
import { chinaDate } from '../report-workspace/state.ts';
import type { SupervisionCaller, SupervisionScope } from './scope.ts';
import { supervisionScope } from './scope.ts';

/**
 * The year's report collection for a supervisor: every agency of the subtree (the root first, each agency
 * followed by those below it) with its report's status, its deadline (statutory or an earlier internal date),
 * whether it arrived in time, the findings when it was frozen, and what the caller may do with it.
 */
export interface CollectionRow {
  agency: {
    id: number;
    code: string;
    name: string;
    kind: AgencyKind;
    kindLabel: string;
    parentId: number | null;
    depth: number;
    onPlatform: boolean;
  };
  status: ReportStatus;
  statusLabel: string;
  format: ReportFormat;
  report: {
    id: number;
    version: number;
    comment: string | null;
    submittedAt: string | null;
    clearedAt: string | null;
    publishedAt: string | null;
    /** pre-filled from a rollup */
    rollup: boolean;
  } | null;
  deadline: { dueOn: string; article: string; local: boolean; source: DeadlineSource };
  timeliness: {
    state: CollectionTimeliness;
    label: string;
    daysLeft: number | null;
    daysLate: number | null;
    arrivedOn: string | null;
  };
  findings: { errors: number; warnings: number } | null;
  /** the supervisor's actions on the report (return, clear), with whether they are possible now */
  actions: ReportActionOption[];
  /** the supervisor may upload or enter this report (an agency not on Gongkai) */
  collectable: boolean;
  /** 催报 sent for the year (issue 12 point 9); null: none */
  urges: { count: number; lastAt: string } | null;
  /** a 催报 may be sent now: the report has not arrived (a session supervisor above it) */
  urgeable: boolean;
}

export interface CollectionView {
  year: number;
  today: string;
  root: { id: number; name: string; kind: AgencyKind };
  via: 'session' | 'token';
  rows: CollectionRow[];
  summary: {
    agencies: number;
    byStatus: Record<ReportStatus, number>;
    byTimeliness: Record<CollectionTimeliness, number>;
  };
}

export async function collectionRows(
  ctx: ServiceContext,
  scope: SupervisionScope,
  year: number,
): Promise<{ agencies: SubtreeAgency[]; rows: CollectionRow[]; reports: Map<number, SubtreeReport> }> {
  const db = ctx.database.db;
  const [agencies, above, reports] = await Promise.all([
    subtreeAgencies(db, scope.rootId),
    ancestorsOf(db, scope.rootId),
    subtreeReports(db, scope.rootId, year, { findings: true }),
  ]);
  const urges = await urgesByAgency(
    db,
    agencies.map((a) => a.id),
    year,
  );
  const byAgency = new Map(reports.map((r) => [r.agencyId, r]));
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const today = todayInChina(ctx);
  const ordered = preOrder(agencies, scope.rootId);
  const rows = ordered.map((agency): CollectionRow => {
    const report = byAgency.get(agency.id) ?? null;
    const status: ReportStatus = report?.status ?? 'not_started';
    const chain = [...ancestorsWithin(byId, agency.id), ...above];
    const deadline = supervisedDeadline(year, agency, chain);
    const own = scope.staff !== null && scope.staff.agencyId === agency.id;
    const actions =
      scope.staff && !own
        ? reportActionOptions(
            { roles: scope.staff.roles, relation: 'ancestor' },
            { status, hasSupervisor: agency.parentId !== null, blockingErrors: 0 },
          )
        : [];
    return {
      agency: {
        id: agency.id,
        code: agency.code,
        name: agency.name,
        kind: agency.kind,
        kindLabel: AGENCY_KIND_LABEL[agency.kind] ?? agency.kind,
        parentId: agency.parentId,
        depth: agency.depth,
        onPlatform: agency.onPlatform,
      },
      status,
      statusLabel: REPORT_STATUS_LABEL[status],
      format: report?.format ?? formatForYear(year),
      report: report && {
        id: report.id,
        version: report.version,
        comment: report.comment,
        submittedAt: report.submittedAt,
        clearedAt: report.clearedAt,
        publishedAt: report.publishedAt,
        rollup: report.rollup,
      },
      deadline: {
        dueOn: deadline.dueOn,
        article: deadline.article,
        local: deadline.local,
        source: deadline.source,
      },
      timeliness: collectionTimeliness(
        deadline,
        today,
        status,
        report?.submittedAt ? chinaDate(report.submittedAt) : null,
        report?.publishedAt ? chinaDate(report.publishedAt) : null,
      ),
      findings: report?.findings ?? null,
      actions,
      collectable:
        scope.staff !== null && !own && !agency.onPlatform && COLLECTABLE_STATUSES.includes(status),
      urges: urges.get(agency.id) ?? null,
      urgeable: scope.staff !== null && !own && !ARRIVED_STATUSES.includes(status),
    };
  });
  return { agencies, rows, reports: byAgency };
}

export async function reportCollection(
  ctx: ServiceContext,
  caller: SupervisionCaller,
  query: { year: number; root?: number },
): Promise<CollectionView> {
  checkYear(query.year);
  const scope = await supervisionScope(ctx, caller, query.root);
  const { rows } = await collectionRows(ctx, scope, query.year);
  const byStatus = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
  const byTimeliness = Object.fromEntries(
    Object.keys(COLLECTION_TIMELINESS_LABEL).map((s) => [s, 0]),
  ) as Record<CollectionTimeliness, number>;
  for (const row of rows) {
    byStatus[row.status]++;
    byTimeliness[row.timeliness.state]++;
  }
  const root = rows[0]!.agency;
  return {
    year: query.year,
    today: todayInChina(ctx),
    root: { id: root.id, name: root.name, kind: root.kind },
    via: scope.via,
    rows,
    summary: { agencies: rows.length, byStatus, byTimeliness },
  };
}
