import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportTemplate } from '../../domain/report/index.ts';
import { consistentReport } from '../../../test/support/report-arbitrary.ts';
import { renderReportDocx, renderReportHtml, renderReportXlsx } from './index.ts';
import { docxGrids, htmlGrids, spans } from './testing/table-grid.ts';
import { TITLE_ROWS } from './xlsx/sheet.ts';
import { readZipPart } from './zip.ts';

/** Column letters for 1-based columns (tables are at most 15 wide). */
const letter = (column: number) => String.fromCharCode(64 + column);

describe('DOCX and XLSX merge exactly the cells the HTML merges', () => {
  for (const format of ['2019', '2021'] as const) {
    let n = 0;
    const report = consistentReport(format, () => (n++ * 7) % 41);
    const html = htmlGrids(renderReportHtml(report));

    it(`${format}: DOCX tables have the same cells, spans and texts (real gridSpan / vMerge)`, async () => {
      const xml = readZipPart(await renderReportDocx(report), 'word/document.xml');
      const docx = docxGrids(xml);
      expect(docx).toHaveLength(3);
      docx.forEach((grid, i) => expect(spans(grid)).toEqual(spans(html[i]!)));
      expect(xml).toContain('<w:vMerge w:val="restart"/>');
      expect(xml).toContain('<w:vMerge w:val="continue"/>');
    });

    it(`${format}: XLSX sheets have the same merges and values`, async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await renderReportXlsx(report)) as unknown as ArrayBuffer);
      workbook.worksheets.forEach((sheet, i) => {
        const grid = html[i]!;
        const expected = grid.cells
          .filter((c) => c.rowSpan > 1 || c.colSpan > 1)
          .map((c) => {
            const top = c.row + TITLE_ROWS + 1;
            return `${letter(c.column + 1)}${top}:${letter(c.column + c.colSpan)}${top + c.rowSpan - 1}`;
          });
        const titles = [1, 2].map((r) => `A${r}:${letter(grid.width)}${r}`);
        expect([...sheet.model.merges].sort()).toEqual([...titles, ...expected].sort());
        for (const cell of grid.cells) {
          const value = sheet.getCell(cell.row + TITLE_ROWS + 1, cell.column + 1).value;
          if (cell.tag === 'td' && cell.attribs['data-cell']) {
            expect(value ?? '', cell.attribs['data-cell']).toBe(cell.text === '' ? '' : Number(cell.text));
          } else if (cell.text) expect(value).toBe(cell.text);
        }
      });
    });
  }

  it('a blank template: every data cell empty, in HTML and DOCX alike', async () => {
    const template = reportTemplate(2025);
    const html = htmlGrids(renderReportHtml(template));
    const data = html.flatMap((g) => g.cells.filter((c) => c.attribs['data-cell']));
    expect(data).toHaveLength(10 + 25 * 7 + 15); // 2021 format: table 二 10 cells, 三 25 rows × 7, 四 15
    expect(data.filter((c) => c.text !== '')).toEqual([]);
    const docx = docxGrids(readZipPart(await renderReportDocx(template), 'word/document.xml'));
    docx.forEach((grid, i) => expect(spans(grid)).toEqual(spans(html[i]!)));
  });
});
