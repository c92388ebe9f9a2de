import type { Finding } from '../finding.ts';
import type { AnnualReport } from '../model.ts';
import { APPEAL_GROUP_LABEL, APPEAL_GROUPS, APPEAL_PARTS } from '../table4.ts';
import { evaluate, identityFinding } from './equation.ts';
import { cellNameOfPath, listNames } from './labels.ts';

/** Table 四: in each group of five, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (STATUTE.md §1.3). */
export function checkAppeals(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  for (const group of APPEAL_GROUPS) {
    const result = evaluate(report, {
      left: APPEAL_PARTS.map((column) => ({ table: 'appeals' as const, row: group, column })),
      right: [{ table: 'appeals', row: group, column: 'total' }],
    });
    if (!result.holds)
      findings.push(
        identityFinding(
          'table4.group',
          { table: 'appeals', row: group, column: 'total' },
          result,
          (r) =>
            `表四“${APPEAL_GROUP_LABEL[group]}”：结果维持、结果纠正、其他结果、尚未审结之和为 ${r.left}，但总计为 ${r.right}`,
          (paths) => listNames(paths.map((p) => cellNameOfPath(report.format, p))),
        ),
      );
  }
  return findings;
}
