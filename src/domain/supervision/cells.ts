import type { Cell, CellRef } from '../report/cell.ts';
import { cellPath } from '../report/cell.ts';
import type { ReportFormat } from '../report/format.ts';
import type { AnnualReport } from '../report/model.ts';
import { getCell } from '../report/model.ts';
import { activeCells } from '../report/table2.ts';
import { APPLICANT_COLUMNS, requestRows } from '../report/table3.ts';
import { APPEAL_COLUMNS, APPEAL_GROUPS } from '../report/table4.ts';

/**
 * A report's cells as rows (report, table, row, column, value): the normalised form written when a report is
 * frozen, so a rollup over thousands of reports is one SQL aggregate. Blank cells are not stored: a rollup cell
 * is blank only when it is blank in every report summed.
 */
export interface CellRow extends CellRef {
  value: number;
}

const layoutCache = new Map<ReportFormat, readonly CellRef[]>();

/** Every data cell of tables 二, 三 and 四 of a layout, in print order. */
export function layoutCells(format: ReportFormat): readonly CellRef[] {
  let cells = layoutCache.get(format);
  if (!cells) {
    const list: CellRef[] = activeCells(format).map(({ row, column }) => ({
      table: 'active',
      row: row.key,
      column: column.key,
    }));
    for (const row of requestRows(format))
      for (const column of APPLICANT_COLUMNS) list.push({ table: 'requests', row: row.key, column });
    for (const group of APPEAL_GROUPS)
      for (const column of APPEAL_COLUMNS) list.push({ table: 'appeals', row: group, column });
    cells = Object.freeze(list);
    layoutCache.set(format, cells);
  }
  return cells;
}

/** The non-blank cells of a report's own layout. */
export function reportCells(report: AnnualReport): CellRow[] {
  const rows: CellRow[] = [];
  for (const ref of layoutCells(report.format)) {
    const value = getCell(report, ref.table, ref.row, ref.column);
    if (value !== null && Number.isFinite(value)) rows.push({ ...ref, value });
  }
  return rows;
}

/** Sums are rounded to 4 decimals: amounts (万元, 元) are decimals and floating-point sums drift. */
export const roundSum = (n: number) => Math.round(n * 10_000) / 10_000;

/** Adds two cells: blank + blank is blank, blank counts as 0 otherwise. */
export function addCells(a: Cell, b: Cell): Cell {
  if (a === null) return b;
  if (b === null) return a;
  return roundSum(a + b);
}

export { cellPath };
