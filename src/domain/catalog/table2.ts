import type { ReportFormat } from '../report/format.ts';
import type { Active2019, Active2021 } from '../report/model.ts';
import { activeCells } from '../report/table2.ts';
import type { NormativeKind } from './categories.ts';
import type { CountedCell, NormativeDocument } from './normative.ts';
import { lifecycle2019, lifecycle2021 } from './normative.ts';
import { LIFECYCLE_ROWS } from './yearly-figures.ts';

/**
 * Table 二 (主动公开政府信息情况) of an agency-year: the 第二十条第（一）项 rows counted from the normative-document
 * lifecycle, every other cell from the entered yearly figures. Cells are walked from the report model's table
 * spec (`activeCells`), so the rows and columns — and their labels — are the statutory ones of the layout.
 */
export type CellOrigin =
  | { from: 'lifecycle'; ids: number[] }
  | { from: 'entered'; note: string | null }
  /** not entered yet: the cell is blank */
  | { from: 'missing' };

export type ActiveTable =
  | { format: '2021'; year: number; active: Active2021; origins: Record<string, CellOrigin> }
  | { format: '2019'; year: number; active: Active2019; origins: Record<string, CellOrigin> };

export function buildActiveTable(
  format: ReportFormat,
  year: number,
  documents: readonly NormativeDocument[],
  figures: ReadonlyMap<string, { value: number; note: string | null }>,
): ActiveTable {
  const lifecycle: Record<string, Record<string, CountedCell>> = {};
  for (const kind of LIFECYCLE_ROWS as NormativeKind[])
    lifecycle[kind] =
      format === '2019' ? lifecycle2019(documents, kind, year) : lifecycle2021(documents, kind, year);
  const active: Record<string, Record<string, number | null>> = {};
  const origins: Record<string, CellOrigin> = {};
  for (const { row, column } of activeCells(format)) {
    const key = `${row.key}.${column.key}`;
    const cells = (active[row.key] ??= {});
    const counted = lifecycle[row.key]?.[column.key];
    if (counted) {
      cells[column.key] = counted.value;
      origins[key] = { from: 'lifecycle', ids: counted.ids };
      continue;
    }
    const entered = figures.get(key);
    cells[column.key] = entered ? entered.value : null;
    origins[key] = entered ? { from: 'entered', note: entered.note } : { from: 'missing' };
  }
  return format === '2019'
    ? { format, year, active: active as unknown as Active2019, origins }
    : { format, year, active: active as unknown as Active2021, origins };
}
