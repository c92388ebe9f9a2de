import ExcelJS from 'exceljs';
import { describe, it } from 'vitest';
import type { AnnualReport } from '../../domain/report/index.ts';
import { reportTemplate } from '../../domain/report/index.ts';
import { expectGolden, seedReports } from '../../../test/golden/report/golden.ts';
import { renderReportDocx, renderReportHtml, renderReportMarkdown, renderReportXlsx } from './index.ts';
import { readZipPart } from './zip.ts';

/** word/document.xml with one element per line, so that a golden diff points at the changed element. */
const documentXml = async (report: AnnualReport) =>
  readZipPart(await renderReportDocx(report), 'word/document.xml').replace(/></g, '>\n<') + '\n';

/** What a workbook holds: per sheet, its cell values, merges, frozen panes and column widths. */
async function workbookSummary(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = workbook.worksheets.map((sheet) => {
    const cells: Record<string, string | number> = {};
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (!cell.isMerged || cell.master === cell) cells[cell.address] = cell.value as string | number;
      }),
    );
    const view = sheet.views[0] as { xSplit?: number; ySplit?: number } | undefined;
    return {
      name: sheet.name,
      merges: [...sheet.model.merges].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
      frozen: { xSplit: view?.xSplit ?? 0, ySplit: view?.ySplit ?? 0 },
      widths: sheet.columns.map((c) => c.width ?? null),
      cells,
    };
  });
  return JSON.stringify(sheets, null, 1) + '\n';
}

const cases = [
  ...seedReports().map(({ id, report }) => ({ name: id, report })),
  { name: 'template-2025', report: reportTemplate(2025) },
];

describe('rendered reports match their golden files', () => {
  for (const { name, report } of cases) {
    it(`${name}: HTML`, () => expectGolden(`${name}.html`, renderReportHtml(report)));
    it(`${name}: Markdown`, () => expectGolden(`${name}.md`, renderReportMarkdown(report)));
    it(`${name}: DOCX word/document.xml`, async () =>
      expectGolden(`${name}.document.xml`, await documentXml(report)));
    it(`${name}: XLSX cells and merges`, async () =>
      expectGolden(`${name}.xlsx.json`, await workbookSummary(await renderReportXlsx(report))));
  }
});
