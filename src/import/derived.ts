import type { Finding } from '../domain/report/index.ts';

/**
 * Cells the import did not read but derived by arithmetic (a statutory identity fixing a lost cell) are
 * listed in findings whose code ends in `.derived`; the UI marks them and a reviewer checks them.
 */
export function isDerivedFinding(finding: Finding): boolean {
  return finding.code.startsWith('import.') && finding.code.endsWith('.derived');
}

export function derivedCells(findings: readonly Finding[]): Set<string> {
  return new Set(findings.filter(isDerivedFinding).flatMap((f) => f.cells ?? []));
}
