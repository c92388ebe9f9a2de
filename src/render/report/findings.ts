import type { Finding, Severity } from '../../domain/report/index.ts';
import { cellPath } from '../../domain/report/index.ts';

/** What the findings say about one cell: the worst severity and every message, for highlighting. */
export interface CellMark {
  severity: Severity;
  messages: string[];
}

export type CellMarks = ReadonlyMap<string, CellMark>;

/** The cells findings point at — their own cell, and the further cells they name — by cell path. */
export function cellMarks(findings: readonly Finding[] | undefined): CellMarks {
  const marks = new Map<string, CellMark>();
  for (const finding of findings ?? []) {
    const { table, row, column } = finding.location;
    const paths = new Set(finding.cells ?? []);
    if (row && column && (table === 'active' || table === 'requests' || table === 'appeals'))
      paths.add(cellPath({ table, row, column }));
    for (const path of paths) {
      const mark = marks.get(path);
      if (!mark) marks.set(path, { severity: finding.severity, messages: [finding.message] });
      else {
        if (finding.severity === 'error') mark.severity = 'error';
        if (!mark.messages.includes(finding.message)) mark.messages.push(finding.message);
      }
    }
  }
  return marks;
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告' };
