import {
  AlignmentType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { AnnualReport } from '../../../domain/report/index.ts';
import type { CellMarks } from '../findings.ts';
import { cellText, cellValue, placeCells } from '../layout/index.ts';
import type { Slot, TableLayout } from '../layout/index.ts';
import { SIZE, STYLE, TEXT_WIDTH } from './styles.ts';

const SHADING = { error: 'FDE0DC', warning: 'FFF3C4' } as const;
const MARGINS = { top: 20, bottom: 20, left: 28, right: 28 };

/** Grid column widths in twips, summing to the text width. */
function columnWidths(layout: TableLayout): number[] {
  const total = layout.widths.reduce((a, b) => a + b, 0);
  const widths = layout.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** keepNext on every row but the last keeps a table on one page when it fits (Word's way; LibreOffice too). */
function cellParagraph(report: AnnualReport, slot: Slot, keepNext: boolean): Paragraph {
  const { cell } = slot;
  if (!slot.origin) return new Paragraph({ style: STYLE.table, keepNext });
  if (cell.type === 'data')
    return new Paragraph({
      style: STYLE.table,
      keepNext,
      children: [new TextRun(cellText(cellValue(report, cell.ref)))],
    });
  const bold = cell.role === 'column' || cell.role === 'block';
  return new Paragraph({
    style: STYLE.table,
    keepNext,
    alignment: cell.role === 'row' || cell.role === 'note' ? AlignmentType.LEFT : AlignmentType.CENTER,
    children: [new TextRun({ text: cell.text, bold, ...(cell.role === 'note' ? { size: SIZE.note } : {}) })],
  });
}

/**
 * A report table as a Word table with real merges: column spans as gridSpan, row spans as vMerge restart on
 * the first row and vMerge continue (an empty cell of the same span) on each row below.
 */
export function docxTable(report: AnnualReport, layout: TableLayout, marks?: CellMarks): Table {
  const widths = columnWidths(layout);
  const grid = placeCells(layout);
  const rows = grid.map(
    ({ header, slots }, r) =>
      new TableRow({
        tableHeader: header,
        cantSplit: true,
        children: slots.map((slot) => {
          const { cell } = slot;
          const width = widths.slice(slot.column, slot.column + cell.colSpan).reduce((a, b) => a + b, 0);
          const mark = cell.type === 'data' ? marks?.get(cell.path) : undefined;
          return new TableCell({
            children: [cellParagraph(report, slot, r < grid.length - 1)],
            width: { size: width, type: WidthType.DXA },
            margins: MARGINS,
            verticalAlign: VerticalAlignTable.CENTER,
            ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
            ...(cell.rowSpan > 1
              ? { verticalMerge: slot.origin ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
              : {}),
            ...(mark
              ? { shading: { fill: SHADING[mark.severity], type: ShadingType.CLEAR, color: 'auto' } }
              : {}),
          });
        }),
      }),
  );
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
  });
}
