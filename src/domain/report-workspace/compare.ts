import type { Cell, TableKey } from '../report/cell.ts';
import { cellPath } from '../report/cell.ts';
import type { AnnualReport } from '../report/model.ts';
import { getCell } from '../report/model.ts';
import { activeCells } from '../report/table2.ts';
import { APPLICANT_COLUMNS, requestRows } from '../report/table3.ts';
import { APPEAL_COLUMNS, APPEAL_GROUPS } from '../report/table4.ts';
import { cellName } from '../report/validate/labels.ts';

/**
 * Last year's report beside this year's: every cell of this year's layout with last year's value where last
 * year's layout has the same cell (the 2019 and 2021 layouts share table 三 but for （六）, all of table 四 and
 * the decision counts of table 二), the change, and whether it changed.
 */
export interface CellChange {
  table: TableKey;
  row: string;
  column: string;
  /** "requests.new_received.total" */
  path: string;
  /** the statutory name of the cell, e.g. 表三“一、本年新收…”行“总计”列 */
  label: string;
  current: Cell;
  /** null when blank last year; undefined-free: `comparable` says whether last year had the cell at all */
  previous: Cell;
  comparable: boolean;
  /** current − previous, when both are numbers */
  change: number | null;
  changed: boolean;
}

function cellsOf(report: AnnualReport): { table: TableKey; row: string; column: string }[] {
  const cells: { table: TableKey; row: string; column: string }[] = activeCells(report.format).map(
    ({ row, column }) => ({ table: 'active' as const, row: row.key, column: column.key }),
  );
  for (const row of requestRows(report.format))
    for (const column of APPLICANT_COLUMNS) cells.push({ table: 'requests', row: row.key, column });
  for (const group of APPEAL_GROUPS)
    for (const column of APPEAL_COLUMNS) cells.push({ table: 'appeals', row: group, column });
  return cells;
}

export function compareReports(current: AnnualReport, previous: AnnualReport): CellChange[] {
  const previousPaths = new Set(cellsOf(previous).map(cellPath));
  return cellsOf(current).map((ref) => {
    const path = cellPath(ref);
    const comparable = previousPaths.has(path);
    const now = getCell(current, ref.table, ref.row, ref.column);
    const before = comparable ? getCell(previous, ref.table, ref.row, ref.column) : null;
    const change = now !== null && before !== null ? Math.round((now - before) * 10_000) / 10_000 : null;
    return {
      ...ref,
      path,
      label: cellName(current.format, ref),
      current: now,
      previous: before,
      comparable,
      change,
      changed: comparable && now !== before,
    };
  });
}
