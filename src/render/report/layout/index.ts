import type { AnnualReport, Cell, CellRef, ReportFormat } from '../../../domain/report/index.ts';
import { activeLayout } from './active.ts';
import { appealsLayout } from './appeals.ts';
import { requestsLayout } from './requests.ts';
import type { TableLayout } from './types.ts';

export type { DataCell, LabelCell, LabelRole, LayoutCell, LayoutPart, Span, TableLayout } from './types.ts';
export { placeCells } from './grid.ts';
export type { GridRow, Slot } from './grid.ts';

const cache = new Map<ReportFormat, readonly TableLayout[]>();

/** The layouts of tables 二, 三 and 四 for a format, built once and shared (they are immutable data). */
export function reportLayouts(format: ReportFormat): readonly TableLayout[] {
  let layouts = cache.get(format);
  if (!layouts) {
    layouts = Object.freeze([activeLayout(format), requestsLayout(format), appealsLayout()]);
    cache.set(format, layouts);
  }
  return layouts;
}

/** The value of a data cell (null when blank or absent). */
export function cellValue(report: AnnualReport, ref: CellRef): Cell {
  const row = (report[ref.table] as unknown as Record<string, Record<string, Cell> | undefined>)[ref.row];
  return row?.[ref.column] ?? null;
}

/** How a cell value prints: blank for null, the number as written otherwise (0 prints as 0). */
export function cellText(value: Cell): string {
  return value === null ? '' : String(value);
}
