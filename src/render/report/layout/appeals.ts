import {
  APPEAL_COLUMN_LABEL,
  APPEAL_COLUMNS,
  APPEAL_GROUP_LABEL,
  APPEAL_GROUPS,
  cellPath,
  LITIGATION_HEADER,
  SECTION_HEADINGS,
} from '../../../domain/report/index.ts';
import type { LayoutCell, TableLayout } from './types.ts';
import { label } from './types.ts';

/**
 * Table 四 (STATUTE.md §1.3), the same in both formats: 行政复议 (five columns, over two header rows) |
 * 行政诉讼 (ten columns) over 未经复议直接起诉 and 复议后起诉; then the five column labels of each group; then
 * one row of fifteen cells.
 */
export function appealsLayout(): TableLayout {
  const n = APPEAL_COLUMNS.length;
  const [reconsideration, ...litigation] = APPEAL_GROUPS;
  const header: LayoutCell[][] = [
    [label('column', APPEAL_GROUP_LABEL[reconsideration], n, 2), label('column', LITIGATION_HEADER, n * 2)],
    litigation.map((group) => label('column', APPEAL_GROUP_LABEL[group], n)),
    APPEAL_GROUPS.flatMap(() => APPEAL_COLUMNS.map((c) => label('column', APPEAL_COLUMN_LABEL[c]))),
  ];
  const data: LayoutCell[] = APPEAL_GROUPS.flatMap((group) =>
    APPEAL_COLUMNS.map((column): LayoutCell => {
      const ref = { table: 'appeals' as const, row: group, column };
      return { type: 'data', ref, path: cellPath(ref), kind: 'count', colSpan: 1, rowSpan: 1 };
    }),
  );
  return {
    table: 'appeals',
    heading: SECTION_HEADINGS[3],
    columns: n * APPEAL_GROUPS.length,
    labelColumns: 0,
    widths: Array<number>(n * APPEAL_GROUPS.length).fill(1),
    parts: [
      { header: true, rows: header },
      { header: false, rows: [data] },
    ],
  };
}
