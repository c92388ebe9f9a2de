import type { ReportFormat } from '../../../domain/report/index.ts';
import {
  ACTIVE_LABEL_HEADER,
  activeBlocks,
  cellPath,
  SECTION_HEADINGS,
} from '../../../domain/report/index.ts';
import type { LayoutCell, LayoutPart, TableLayout } from './types.ts';
import { label } from './types.ts';

/** How many grid columns each of `n` data columns spans in a table `width` data columns wide. */
export function spread(n: number, width: number): number[] {
  const base = Math.floor(width / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? width - base * (n - 1) : base));
}

/**
 * Table 二 (STATUTE.md §1.1): one block per item of 条例 Art. 20, each a header row spanning the width
 * (第二十条第（一）项), a row of 信息内容 and the block's column labels, then the block's rows. Blocks with fewer
 * data columns than the widest spread theirs over the width, as the official form does.
 */
export function activeLayout(format: ReportFormat): TableLayout {
  const blocks = activeBlocks(format);
  const width = Math.max(...blocks.map((b) => b.columns.length));
  const parts: LayoutPart[] = blocks.map((block) => {
    const spans = spread(block.columns.length, width);
    const rows: LayoutCell[][] = [
      [label('block', block.header, width + 1)],
      [
        label('column', ACTIVE_LABEL_HEADER),
        ...block.columns.map((column, i) => label('column', column.label, spans[i])),
      ],
      ...block.rows.map((row): LayoutCell[] => [
        label('row', row.label),
        ...block.columns.map((column, i): LayoutCell => {
          const ref = { table: 'active' as const, row: row.key, column: column.key };
          return {
            type: 'data',
            ref,
            path: cellPath(ref),
            kind: column.kind,
            colSpan: spans[i]!,
            rowSpan: 1,
          };
        }),
      ]),
    ];
    return { header: false, rows };
  });
  return {
    table: 'active',
    heading: SECTION_HEADINGS[1],
    columns: width + 1,
    labelColumns: 1,
    widths: [4, ...Array<number>(width).fill(3)],
    parts,
  };
}
