import ExcelJS from 'exceljs';
import type { AnnualReport, Finding } from '../../../domain/report/index.ts';
import { FORMAT_DOCUMENT, reportTitle } from '../../../domain/report/index.ts';
import { cellMarks, SEVERITY_LABEL } from '../findings.ts';
import { reportLayouts } from '../layout/index.ts';
import { normalizeZip, stripCoreTimestamps } from '../zip.ts';
import { fillSheet } from './sheet.ts';

/** One sheet per table, in order (Excel sheet names: at most 31 characters, no [ ] : * ? / \). */
export const SHEET_NAMES = ['表二 主动公开', '表三 收到和处理申请', '表四 复议诉讼'] as const;
export const FINDINGS_SHEET = '核对结果';

function addFindingsSheet(workbook: ExcelJS.Workbook, findings: readonly Finding[]): void {
  const sheet = workbook.addWorksheet(FINDINGS_SHEET);
  sheet.columns = [
    { header: '类别', width: 8 },
    { header: '代码', width: 28 },
    { header: '位置', width: 36 },
    { header: '说明', width: 90 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const f of findings) {
    const where = [f.location.table, f.location.row, f.location.column].filter(Boolean).join('.');
    sheet.addRow([SEVERITY_LABEL[f.severity], f.code, where, f.message]).alignment = {
      wrapText: true,
      vertical: 'top',
    };
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * The three tables as an Excel workbook, one sheet each, with the merged headers of the printed form.
 * Deterministic: fixed properties, no time stamps. With findings, the cells they name are filled and carry
 * the messages as notes, and a sheet lists them all.
 */
export async function renderReportXlsx(
  report: AnnualReport,
  options: { findings?: readonly Finding[] } = {},
): Promise<Buffer> {
  const title = reportTitle(report.agency, report.year);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.agency ?? 'Gongkai';
  workbook.lastModifiedBy = report.agency ?? 'Gongkai';
  workbook.title = title;
  workbook.subject = '政府信息公开工作年度报告';
  workbook.description = `按${FORMAT_DOCUMENT[report.format]}格式编制`;
  const marks = options.findings ? cellMarks(options.findings) : undefined;
  reportLayouts(report.format).forEach((layout, i) => {
    fillSheet(workbook.addWorksheet(SHEET_NAMES[i]), report, layout, title, marks);
  });
  if (options.findings) addFindingsSheet(workbook, options.findings);
  const bytes = await workbook.xlsx.writeBuffer();
  return normalizeZip(new Uint8Array(bytes as ArrayBuffer), { 'docProps/core.xml': stripCoreTimestamps });
}
