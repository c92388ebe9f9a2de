import type { Worksheet } from 'exceljs';
import type { AnnualReport } from '../../../domain/report/index.ts';
import type { CellMarks } from '../findings.ts';
import { cellValue, placeCells } from '../layout/index.ts';
import type { LayoutCell, TableLayout } from '../layout/index.ts';

/** The table starts below two rows: the report title and the section heading. */
export const TITLE_ROWS = 2;
/** The width of every table in Excel character units. */
const TABLE_CHARS = 100;
const LINE_HEIGHT = 14;
const FONT_NAME = '仿宋_GB2312';
const FILL = { error: 'FFFDE0DC', warning: 'FFFFF3C4' } as const;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const charWidths = (layout: TableLayout) => {
  const total = layout.widths.reduce((a, b) => a + b, 0);
  return layout.widths.map((w) => Math.round((w / total) * TABLE_CHARS * 10) / 10);
};

/** Lines a text takes in a column of `width` characters (a Chinese character is two). */
const lines = (text: string, width: number) =>
  Math.max(1, Math.ceil((text.length * 2) / Math.max(width - 1, 1)));

function label(cell: LayoutCell): string | null {
  return cell.type === 'label' ? cell.text : null;
}

/**
 * Fills a worksheet with one table: title rows, then the layout with the same merges as the printed form,
 * numbers as numbers and blank cells empty; header rows frozen and repeated on printed pages.
 */
export function fillSheet(
  sheet: Worksheet,
  report: AnnualReport,
  layout: TableLayout,
  title: string,
  marks?: CellMarks,
) {
  const widths = charWidths(layout);
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const headerRows = layout.parts.filter((p) => p.header).reduce((n, p) => n + p.rows.length, 0);
  [title, layout.heading].forEach((text, i) => {
    sheet.mergeCells(i + 1, 1, i + 1, layout.columns);
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: i === 0 ? '方正小标宋简体' : '黑体', size: i === 0 ? 16 : 12 };
    cell.alignment = { horizontal: i === 0 ? 'center' : 'left', vertical: 'middle' };
    sheet.getRow(i + 1).height = i === 0 ? 30 : 22;
  });
  placeCells(layout).forEach(({ slots }, r) => {
    const rowNumber = TITLE_ROWS + r + 1;
    let height = 1;
    for (const { cell, column, origin } of slots) {
      if (!origin) continue;
      const top = rowNumber;
      const left = column + 1;
      if (cell.colSpan > 1 || cell.rowSpan > 1)
        sheet.mergeCells(top, left, top + cell.rowSpan - 1, left + cell.colSpan - 1);
      const target = sheet.getCell(top, left);
      const text = label(cell);
      if (text !== null) {
        target.value = text;
        const span = widths.slice(column, column + cell.colSpan).reduce((a, b) => a + b, 0);
        if (cell.rowSpan === 1) height = Math.max(height, lines(text, span));
      } else if (cell.type === 'data') {
        const value = cellValue(report, cell.ref);
        if (value !== null) target.value = value;
        const mark = marks?.get(cell.path);
        if (mark) {
          target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[mark.severity] } };
          target.note = mark.messages.join('\n');
        }
      }
      const bold = cell.type === 'label' && (cell.role === 'column' || cell.role === 'block');
      const alignLeft = cell.type === 'label' && (cell.role === 'row' || cell.role === 'note');
      target.font = { name: FONT_NAME, size: cell.type === 'label' && cell.role === 'note' ? 9 : 10.5, bold };
      target.alignment = { horizontal: alignLeft ? 'left' : 'center', vertical: 'middle', wrapText: true };
      for (let dr = 0; dr < cell.rowSpan; dr++)
        for (let dc = 0; dc < cell.colSpan; dc++) sheet.getCell(top + dr, left + dc).border = BORDER;
    }
    sheet.getRow(rowNumber).height = height * LINE_HEIGHT + 4;
  });
  sheet.views = [{ state: 'frozen', xSplit: layout.labelColumns, ySplit: TITLE_ROWS + headerRows }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: layout.columns > 4 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    ...(headerRows > 0 ? { printTitlesRow: `${TITLE_ROWS + 1}:${TITLE_ROWS + headerRows}` } : {}),
  };
}
