import type { TableKey } from './cell.ts';

export type Severity = 'error' | 'warning';

/** Where a finding points: a table (or the report's format/narrative/metadata), and optionally a cell. */
export interface FindingLocation {
  table: TableKey | 'format' | 'narrative' | 'meta';
  row?: string;
  column?: string;
}

/**
 * One problem found in a report. Findings are data: a batch check returns all of them and never throws at
 * the first. `code` is stable (tests, filters and the UI key on it); `message` is for the civil servant.
 */
export interface Finding {
  code: string;
  severity: Severity;
  location: FindingLocation;
  expected?: number | string | null;
  actual?: number | string | null;
  message: string;
  /** Further cells involved, as cell paths ("requests.total.natural"), e.g. the blank cells behind a failure. */
  cells?: string[];
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
