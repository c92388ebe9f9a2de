import type { CellRef } from '../cell.ts';
import type { Finding } from '../finding.ts';
import type { AnnualReport } from '../model.ts';
import type { ApplicantColumn } from '../table3.ts';
import {
  APPLICANT_COLUMN_LABEL,
  APPLICANT_COLUMNS,
  APPLICANT_PARTS,
  requestRows,
  resultRows,
} from '../table3.ts';
import { evaluate, identityFinding } from './equation.ts';
import { cellNameOfPath, listNames, rowName } from './labels.ts';

const ref = (row: string, column: string): CellRef => ({ table: 'requests', row, column });

/**
 * The table 三 identities (STATUTE.md §1.2):
 * 1. 勾稽关系, per column: 一 + 二 = （七）总计 + 四;
 * 2. per column: （七）总计 = the sum of the result rows;
 * 3. per row: 自然人 + the five 法人或其他组织 columns = 总计.
 */
export function checkRequests(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  const f = report.format;
  const blankNames = (paths: string[]) => listNames(paths.map((p) => cellNameOfPath(f, p)));
  const columnLabel = (c: ApplicantColumn) => APPLICANT_COLUMN_LABEL[c];

  for (const column of APPLICANT_COLUMNS) {
    const balance = evaluate(report, {
      left: [ref('new_received', column), ref('carried_over', column)],
      right: [ref('total', column), ref('carry_forward', column)],
    });
    if (!balance.holds)
      findings.push(
        identityFinding(
          'table3.balance',
          { table: 'requests', column },
          balance,
          (r) =>
            `表三“${columnLabel(column)}”列勾稽关系不成立：一、本年新收加二、上年结转为 ${r.left}，（七）总计加四、结转下年度为 ${r.right}`,
          blankNames,
        ),
      );
    const total = evaluate(report, {
      left: resultRows(f).map((r) => ref(r.key, column)),
      right: [ref('total', column)],
    });
    if (!total.holds)
      findings.push(
        identityFinding(
          'table3.total',
          { table: 'requests', row: 'total', column },
          total,
          (r) => `表三“${columnLabel(column)}”列（七）总计为 ${r.right}，但各项办理结果之和为 ${r.left}`,
          blankNames,
        ),
      );
  }

  for (const row of requestRows(f)) {
    const sum = evaluate(report, {
      left: APPLICANT_PARTS.map((c) => ref(row.key, c)),
      right: [ref(row.key, 'total')],
    });
    if (!sum.holds)
      findings.push(
        identityFinding(
          'table3.row',
          { table: 'requests', row: row.key, column: 'total' },
          sum,
          (r) =>
            `表三“${rowName(f, { table: 'requests', row: row.key })}”行：自然人与法人或其他组织各列之和为 ${r.left}，但总计为 ${r.right}`,
          blankNames,
        ),
      );
  }
  return findings;
}
