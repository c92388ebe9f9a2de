import type { Finding } from '../finding.ts';
import type { AnnualReport } from '../model.ts';
import { getCell, isMissing } from '../model.ts';
import { APPLICANT_COLUMN_LABEL, APPLICANT_COLUMNS } from '../table3.ts';
import { APPEAL_GROUP_LABEL, APPEAL_GROUPS } from '../table4.ts';

/**
 * Rules between a report and the previous year's report:
 * - 二、上年结转 = last year's 四、结转下年度继续办理, per column (STATUTE.md §1.3, cross-year identity);
 * - 现行有效件数(t) = 现行有效件数(t−1) + 本年制发件数 − 本年废止件数 (2021 format, ours);
 * - last year's 尚未审结 cases reappear this year: this year's group 总计 ≥ last year's 尚未审结 (ours).
 */
export function checkCrossYear(report: AnnualReport, previous: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  if (report.year !== null && previous.year !== null && previous.year !== report.year - 1) {
    findings.push({
      code: 'cross_year.not_previous',
      severity: 'warning',
      location: { table: 'meta', column: 'year' },
      expected: report.year - 1,
      actual: previous.year,
      message: `提供的上年度报告是${previous.year}年度的，不是${report.year - 1}年度，未做跨年度核对。`,
    });
    return findings;
  }
  const prevYear = previous.year ?? '上';
  const unknown = (r: AnnualReport, path: string) => isMissing(r, path);
  for (const column of APPLICANT_COLUMNS) {
    if (
      unknown(report, `requests.carried_over.${column}`) ||
      unknown(previous, `requests.carry_forward.${column}`)
    )
      continue;
    const carried = getCell(report, 'requests', 'carried_over', column) ?? 0;
    const forward = getCell(previous, 'requests', 'carry_forward', column) ?? 0;
    if (carried !== forward)
      findings.push({
        code: 'cross_year.carry_over',
        severity: 'error',
        location: { table: 'requests', row: 'carried_over', column },
        expected: forward,
        actual: carried,
        message: `表三“${APPLICANT_COLUMN_LABEL[column]}”列二、上年结转为 ${carried}，但${prevYear}年度报告四、结转下年度继续办理为 ${forward}。`,
      });
  }
  if (report.format === '2021' && previous.format === '2021')
    for (const row of ['rules', 'normative_documents'] as const) {
      const before = getCell(previous, 'active', row, 'in_force');
      const now = getCell(report, 'active', row, 'in_force');
      if (before === null || now === null) continue;
      const expected =
        before +
        (getCell(report, 'active', row, 'issued') ?? 0) -
        (getCell(report, 'active', row, 'repealed') ?? 0);
      if (expected !== now)
        findings.push({
          code: 'cross_year.in_force',
          severity: 'warning',
          location: { table: 'active', row, column: 'in_force' },
          expected,
          actual: now,
          message: `表二“${row === 'rules' ? '规章' : '行政规范性文件'}”现行有效件数为 ${now}，但按上年度 ${before} 加本年制发、减本年废止应为 ${expected}。`,
        });
    }
  for (const group of APPEAL_GROUPS) {
    if (unknown(previous, `appeals.${group}.pending`) || unknown(report, `appeals.${group}.total`)) continue;
    const pending = getCell(previous, 'appeals', group, 'pending') ?? 0;
    const total = getCell(report, 'appeals', group, 'total') ?? 0;
    if (pending > total)
      findings.push({
        code: 'cross_year.pending',
        severity: 'warning',
        location: { table: 'appeals', row: group, column: 'total' },
        expected: pending,
        actual: total,
        message: `${prevYear}年度报告表四“${APPEAL_GROUP_LABEL[group]}”有 ${pending} 件尚未审结，本年度应继续统计，但本年度总计只有 ${total} 件。`,
      });
  }
  return findings;
}
