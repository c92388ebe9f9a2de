import type { Cell, TableKey } from '../report/cell.ts';
import { cellPath } from '../report/cell.ts';
import type { ReportFormat } from '../report/format.ts';
import type { AnnualReport } from '../report/model.ts';
import { emptyReport, getCell, setCell } from '../report/model.ts';
import type { ReportStatus } from '../report-workspace/status.ts';
import { REPORT_STATUS_LABEL } from '../report-workspace/status.ts';
import { addCells, layoutCells, roundSum } from './cells.ts';

/**
 * The consolidated tables 二/三/四 of a set of agencies (the government-wide figures): every cell the sum of that
 * cell over the reports counted. Only reports of one layout are summed (the 2019 and 2021 tables do not map onto
 * each other); every report left out is listed with the reason.
 */

/** Which reports a rollup counts, by default: those that reached the supervisor. */
export const ROLLUP_STATUSES: readonly ReportStatus[] = ['submitted', 'cleared', 'published'];

export type ExclusionReason = 'no_report' | 'not_arrived' | 'status_not_chosen' | 'other_format' | 'rollup';

export const EXCLUSION_LABEL: Record<ExclusionReason, string> = {
  no_report: '尚未开始编制年度报告',
  not_arrived: '年度报告尚未报送（起草中或已退回修改）',
  status_not_chosen: '年度报告的状态不在本次汇总范围内',
  other_format: '年度报告采用另一种格式，两种格式的表格不能相加',
  rollup: '该报告本身由汇总生成，计入会重复计算',
};

export interface RollupCandidate {
  agencyId: number;
  reportId: number | null;
  status: ReportStatus;
  format: ReportFormat | null;
  /** the report was pre-filled from a rollup (a 本级人民政府's consolidated draft) */
  rollup: boolean;
}

export interface Excluded extends RollupCandidate {
  reason: ExclusionReason;
  /** what the reason says, with the report's status or format */
  message: string;
}

export function partitionRollup(
  candidates: readonly RollupCandidate[],
  options: { format: ReportFormat; statuses?: readonly ReportStatus[] },
): { included: (RollupCandidate & { reportId: number })[]; excluded: Excluded[] } {
  const statuses = options.statuses ?? ROLLUP_STATUSES;
  const included: (RollupCandidate & { reportId: number })[] = [];
  const excluded: Excluded[] = [];
  const leave = (c: RollupCandidate, reason: ExclusionReason, detail = '') =>
    excluded.push({ ...c, reason, message: EXCLUSION_LABEL[reason] + detail });
  for (const c of candidates) {
    if (c.reportId === null || c.status === 'not_started') leave(c, 'no_report');
    else if (c.rollup) leave(c, 'rollup');
    else if (!ROLLUP_STATUSES.includes(c.status)) leave(c, 'not_arrived');
    else if (!statuses.includes(c.status))
      leave(c, 'status_not_chosen', `（${REPORT_STATUS_LABEL[c.status]}）`);
    else if (c.format !== options.format) leave(c, 'other_format', `（${c.format} 年版）`);
    else included.push({ ...c, reportId: c.reportId });
  }
  return { included, excluded };
}

/** A summed cell as the database aggregate returns it. */
export interface CellSum {
  table: TableKey;
  row: string;
  column: string;
  sum: number | null;
}

/** The consolidated report from the summed cells: cells of the layout only, rounded; blank where no report has a value. */
export function assembleRollup(
  format: ReportFormat,
  year: number,
  agencyName: string | null,
  sums: readonly CellSum[],
): AnnualReport {
  const report = emptyReport(format);
  report.year = year;
  report.agency = agencyName;
  const byPath = new Map(sums.map((s) => [cellPath(s), s.sum]));
  for (const ref of layoutCells(format)) {
    const sum = byPath.get(cellPath(ref));
    setCell(report, ref.table, ref.row, ref.column, sum === undefined || sum === null ? null : roundSum(sum));
  }
  return report;
}

/** The same sums computed from whole reports (the reference the SQL aggregate is tested against). */
export function sumReports(
  format: ReportFormat,
  year: number,
  agencyName: string | null,
  reports: readonly AnnualReport[],
): AnnualReport {
  const total = emptyReport(format);
  total.year = year;
  total.agency = agencyName;
  for (const ref of layoutCells(format)) {
    let cell: Cell = null;
    for (const report of reports)
      if (report.format === format) cell = addCells(cell, getCell(report, ref.table, ref.row, ref.column));
    setCell(total, ref.table, ref.row, ref.column, cell);
  }
  return total;
}
