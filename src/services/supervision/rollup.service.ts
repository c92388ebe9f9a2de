import { AppError } from '../../domain/errors.ts';
import type { ReportStatus } from '../../domain/report-workspace/index.ts';
import { REPORT_STATUS_LABEL } from '../../domain/report-workspace/index.ts';
import type { AnnualReport, ReportFormat } from '../../domain/report/index.ts';
import {
  cellName,
  cellPath,
  encodeReport,
  formatForYear,
  getCell,
  isReportFormat,
  parseCellPath,
} from '../../domain/report/index.ts';
import type { Excluded, RollupCandidate } from '../../domain/supervision/index.ts';
import {
  assembleRollup,
  layoutCells,
  partitionRollup,
  preOrder,
  ROLLUP_STATUSES,
} from '../../domain/supervision/index.ts';
import type { SubtreeAgency } from '../../persistence/repositories/supervision.repository.ts';
import { subtreeAgencies, subtreeReports } from '../../persistence/repositories/supervision.repository.ts';
import {
  cellOfReports,
  cellsOfReports,
  sumCells,
} from '../../persistence/repositories/supervision-cells.repository.ts';
import { checkYear } from '../appeals/table4.ts';
import type { ServiceContext } from '../context.ts';
import type { SupervisionCaller, SupervisionScope } from './scope.ts';
import { supervisionScope } from './scope.ts';

/**
 * The rollup of a subtree for a year (the government-wide figures): tables 二/三/四 summed over the reports that
 * reached the supervisor (or the statuses chosen), of one layout, pre-filled rollups left out — one SQL aggregate
 * over the reports' normalised cells (report_cells), assembled into a report. Every report left out is listed
 * with the reason; each cell breaks down by agency.
 */
export interface RollupQuery {
  year: number;
  root?: number;
  format?: ReportFormat;
  statuses?: readonly ReportStatus[];
}

interface AgencyRef {
  agencyId: number;
  code: string;
  name: string;
}

export interface Rollup {
  year: number;
  format: ReportFormat;
  statuses: readonly ReportStatus[];
  root: { id: number; name: string; kind: string };
  report: AnnualReport;
  included: (AgencyRef & { reportId: number; status: ReportStatus; statusLabel: string })[];
  excluded: (AgencyRef & Omit<Excluded, 'agencyId'> & { statusLabel: string })[];
}

function checkQuery(query: RollupQuery): { format: ReportFormat; statuses: readonly ReportStatus[] } {
  checkYear(query.year);
  if (query.format !== undefined && !isReportFormat(query.format))
    throw new AppError('validation', '报告格式只能是 2019 或 2021', 'format');
  const statuses = query.statuses?.length ? query.statuses : ROLLUP_STATUSES;
  for (const s of statuses)
    if (!ROLLUP_STATUSES.includes(s))
      throw new AppError('validation', '汇总范围只能是：已报送待审核、审核通过待公开、已公开', 'statuses');
  return { format: query.format ?? formatForYear(query.year), statuses };
}

/** Which reports count (no content read). */
export async function rollupParts(ctx: ServiceContext, scope: SupervisionScope, query: RollupQuery) {
  const { format, statuses } = checkQuery(query);
  const db = ctx.database.db;
  const [agencies, reports] = await Promise.all([
    subtreeAgencies(db, scope.rootId),
    subtreeReports(db, scope.rootId, query.year),
  ]);
  const byAgency = new Map(reports.map((r) => [r.agencyId, r]));
  const ordered = preOrder(agencies, scope.rootId);
  const candidates: RollupCandidate[] = ordered.map((a) => {
    const r = byAgency.get(a.id);
    return {
      agencyId: a.id,
      reportId: r?.id ?? null,
      status: r?.status ?? 'not_started',
      format: r?.format ?? null,
      rollup: r?.rollup ?? false,
    };
  });
  const parts = partitionRollup(candidates, { format, statuses });
  return { format, statuses, agencies: new Map(agencies.map((a) => [a.id, a])), root: ordered[0]!, ...parts };
}

const ref = (a: SubtreeAgency): AgencyRef => ({ agencyId: a.id, code: a.code, name: a.name });

export async function computeRollup(
  ctx: ServiceContext,
  scope: SupervisionScope,
  query: RollupQuery,
): Promise<Rollup> {
  const parts = await rollupParts(ctx, scope, query);
  const sums = await sumCells(
    ctx.database.db,
    ctx.database.dialect,
    parts.included.map((i) => i.reportId),
  );
  return {
    year: query.year,
    format: parts.format,
    statuses: parts.statuses,
    root: { id: parts.root.id, name: parts.root.name, kind: parts.root.kind },
    report: assembleRollup(parts.format, query.year, parts.root.name, sums),
    included: parts.included.map((i) => ({
      ...ref(parts.agencies.get(i.agencyId)!),
      reportId: i.reportId,
      status: i.status,
      statusLabel: REPORT_STATUS_LABEL[i.status],
    })),
    excluded: parts.excluded.map(({ agencyId: id, ...e }) => ({
      ...ref(parts.agencies.get(id)!),
      ...e,
      statusLabel: REPORT_STATUS_LABEL[e.status],
    })),
  };
}

/** The rollup for the JSON API: the consolidated report in the interchange format. */
export async function reportRollup(ctx: ServiceContext, caller: SupervisionCaller, query: RollupQuery) {
  const scope = await supervisionScope(ctx, caller, query.root);
  const { report, ...rest } = await computeRollup(ctx, scope, query);
  return { ...rest, report: encodeReport(report) };
}

/** One cell broken down by agency: every agency counted, with its value (null: blank in its report). */
export async function rollupCell(
  ctx: ServiceContext,
  caller: SupervisionCaller,
  query: RollupQuery & { path: string },
) {
  const scope = await supervisionScope(ctx, caller, query.root);
  const parts = await rollupParts(ctx, scope, query);
  const cell = parseCellPath(query.path);
  if (!cell || !layoutCells(parts.format).some((c) => cellPath(c) === query.path))
    throw new AppError('validation', `“${query.path}”不是 ${parts.format} 年版格式的单元格`, 'path');
  const values = await cellOfReports(
    ctx.database.db,
    ctx.database.dialect,
    parts.included.map((i) => i.reportId),
    cell,
  );
  const agencies = parts.included.map((i) => ({
    ...ref(parts.agencies.get(i.agencyId)!),
    reportId: i.reportId,
    value: values.get(i.reportId) ?? null,
  }));
  const sum = [...values.values()].reduce<number | null>((s, v) => (s ?? 0) + v, null);
  return {
    year: query.year,
    format: parts.format,
    path: query.path,
    label: cellName(parts.format, cell),
    sum: sum === null ? null : Math.round(sum * 10_000) / 10_000,
    agencies: agencies.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity)),
  };
}

/** Every cell by agency: the matrix behind the rollup (rows: agencies counted; columns: the layout's cells). */
export async function rollupMatrix(ctx: ServiceContext, scope: SupervisionScope, query: RollupQuery) {
  const rollup = await computeRollup(ctx, scope, query);
  const cells = await cellsOfReports(
    ctx.database.db,
    ctx.database.dialect,
    rollup.included.map((i) => i.reportId),
  );
  const refs = layoutCells(rollup.format);
  const column = new Map(refs.map((r, i) => [cellPath(r), i]));
  const row = new Map(rollup.included.map((r, i) => [r.reportId, i]));
  const values: (number | null)[][] = rollup.included.map(() => refs.map(() => null));
  for (const c of cells) {
    const i = row.get(c.reportId);
    const j = column.get(c.path);
    if (i !== undefined && j !== undefined) values[i]![j] = c.value;
  }
  return {
    rollup,
    columns: refs.map((r) => ({
      path: cellPath(r),
      label: cellName(rollup.format, r),
      sum: getCell(rollup.report, r.table, r.row, r.column),
    })),
    values,
  };
}

export async function rollupBreakdown(ctx: ServiceContext, caller: SupervisionCaller, query: RollupQuery) {
  const scope = await supervisionScope(ctx, caller, query.root);
  const { rollup, columns, values } = await rollupMatrix(ctx, scope, query);
  return {
    year: rollup.year,
    format: rollup.format,
    root: rollup.root,
    columns,
    agencies: rollup.included.map((a, i) => ({ ...a, values: values[i]! })),
    excluded: rollup.excluded,
  };
}
