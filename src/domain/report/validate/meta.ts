import type { Finding } from '../finding.ts';
import { FORMAT_DOCUMENT, formatForYear } from '../format.ts';
import type { AnnualReport } from '../model.ts';

/** The report's year, agency and layout: a year whose prescribed layout is the other format is a warning. */
export function checkMeta(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  if (report.year === null)
    findings.push({
      code: 'meta.year_missing',
      severity: 'warning',
      location: { table: 'meta', column: 'year' },
      message: '未能确定报告年度，无法核对应使用的格式和跨年度数据。',
    });
  else {
    const prescribed = formatForYear(report.year);
    if (prescribed !== report.format)
      findings.push({
        code: 'format.year_mismatch',
        severity: 'warning',
        location: { table: 'format' },
        expected: prescribed,
        actual: report.format,
        message: `${report.year}年度报告应使用${FORMAT_DOCUMENT[prescribed]}规定的格式（${prescribed}年版），但表格按${FORMAT_DOCUMENT[report.format]}的${report.format}年版格式填写。`,
      });
  }
  if (report.agency === null)
    findings.push({
      code: 'meta.agency_missing',
      severity: 'warning',
      location: { table: 'meta', column: 'agency' },
      message: '未能确定报告的行政机关名称。',
    });
  return findings;
}
