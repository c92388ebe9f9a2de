import type { CellRef } from '../cell.ts';
import { cellPath } from '../cell.ts';
import type { Finding } from '../finding.ts';
import type { AnnualReport } from '../model.ts';
import { getCell, isMissing } from '../model.ts';
import { APPLICANT_COLUMNS, APPLICANT_PARTS, requestRows, resultRows } from '../table3.ts';
import { APPEAL_GROUPS, APPEAL_PARTS } from '../table4.ts';
import type { Equation } from './equation.ts';
import { cellNameOfPath } from './labels.ts';

/**
 * The root cause of several failed identities: one cell such that every identity it enters fails, and
 * all of them hold once it takes one value (not negative). Said first, before the identities it explains
 * (seed 003 style: one mistyped 总计 breaking its row and its column).
 */
function equations(report: AnnualReport): Equation[] {
  const f = report.format;
  const r = (row: string, column: string): CellRef => ({ table: 'requests', row, column });
  const out: Equation[] = [];
  for (const column of APPLICANT_COLUMNS) {
    out.push({
      left: [r('new_received', column), r('carried_over', column)],
      right: [r('total', column), r('carry_forward', column)],
    });
    out.push({ left: resultRows(f).map((row) => r(row.key, column)), right: [r('total', column)] });
  }
  for (const row of requestRows(f))
    out.push({ left: APPLICANT_PARTS.map((c) => r(row.key, c)), right: [r(row.key, 'total')] });
  for (const group of APPEAL_GROUPS)
    out.push({
      left: APPEAL_PARTS.map((column) => ({ table: 'appeals' as const, row: group, column })),
      right: [{ table: 'appeals', row: group, column: 'total' }],
    });
  return out;
}

export function rootCauses(report: AnnualReport): Finding[] {
  const eqs = equations(report).map((eq) => {
    const value = (ref: CellRef) => getCell(report, ref.table, ref.row, ref.column) ?? 0;
    const left = eq.left.reduce((a, ref) => a + value(ref), 0);
    const right = eq.right.reduce((a, ref) => a + value(ref), 0);
    const unchecked = [...eq.left, ...eq.right].some((ref) => isMissing(report, cellPath(ref)));
    return { eq, gap: Math.round((left - right) * 1e6) / 1e6, unchecked };
  });
  const candidates = new Map<string, { ref: CellRef; wants: number[]; explained: number }>();
  for (const { eq, gap, unchecked } of eqs) {
    if (unchecked) continue;
    for (const [side, refs] of [
      [1, eq.left],
      [-1, eq.right],
    ] as const)
      for (const ref of refs) {
        const path = cellPath(ref);
        const c = candidates.get(path) ?? { ref, wants: [], explained: 0 };
        const now = getCell(report, ref.table, ref.row, ref.column) ?? 0;
        // the value that makes this identity hold
        c.wants.push(gap === 0 ? now : now - side * gap);
        if (gap !== 0) c.explained++;
        candidates.set(path, c);
      }
  }
  const findings: Finding[] = [];
  for (const [path, c] of candidates) {
    const target = c.wants[0]!;
    if (c.explained < 2 || c.explained !== c.wants.length) continue;
    if (!c.wants.every((w) => w === target) || target < 0) continue;
    const now = getCell(report, c.ref.table, c.ref.row, c.ref.column);
    const name = cellNameOfPath(report.format, path);
    findings.push({
      code: 'identity.root_cause',
      severity: 'error',
      location: { table: c.ref.table, row: c.ref.row, column: c.ref.column },
      expected: target,
      actual: now,
      cells: [path],
      message: `${name}应为 ${target}（现为 ${now ?? '空白'}）：它所在的 ${c.explained} 条勾稽关系都不成立，改为 ${target} 后全部成立。下列不成立的勾稽关系由此一个单元格引起。`,
    });
  }
  return findings;
}
