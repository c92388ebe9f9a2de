import type { Finding, Severity } from '../report/finding.ts';
import type { ReportStatus } from '../report-workspace/status.ts';

/**
 * The findings of every report of a subtree in one table: the validator's rules on each report, its cross-year
 * rules against the agency's previous report, and the supervisor's outlier checks — filtered by rule code,
 * severity, agency and kind.
 */
export const FINDING_KINDS = ['validation', 'cross_year', 'outlier'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_KIND_LABEL: Record<FindingKind, string> = {
  validation: '报告自身核对',
  cross_year: '跨年度核对',
  outlier: '异常数值',
};

export function findingKind(code: string): FindingKind {
  if (code.startsWith('outlier.')) return 'outlier';
  if (code.startsWith('cross_year.')) return 'cross_year';
  return 'validation';
}

export interface AgencyFinding extends Finding {
  agencyId: number;
  agencyName: string;
  reportStatus: ReportStatus;
  kind: FindingKind;
  /** the statutory name of the cell or part the finding is about */
  place: string;
}

export interface FindingFilter {
  codes?: readonly string[];
  severity?: Severity;
  agencyIds?: readonly number[];
  kinds?: readonly FindingKind[];
}

export function filterFindings(rows: readonly AgencyFinding[], filter: FindingFilter): AgencyFinding[] {
  return rows.filter(
    (f) =>
      (!filter.codes?.length || filter.codes.includes(f.code)) &&
      (!filter.severity || f.severity === filter.severity) &&
      (!filter.agencyIds?.length || filter.agencyIds.includes(f.agencyId)) &&
      (!filter.kinds?.length || filter.kinds.includes(f.kind)),
  );
}

export interface FindingFacets {
  codes: { code: string; kind: FindingKind; severity: Severity; count: number; agencies: number }[];
  severities: Record<Severity, number>;
  kinds: Record<FindingKind, number>;
}

/** Counts of the unfiltered rows, for the filter controls: per code (with how many agencies), severity, kind. */
export function findingFacets(rows: readonly AgencyFinding[]): FindingFacets {
  const codes = new Map<string, { severity: Severity; count: number; agencies: Set<number> }>();
  const severities: Record<Severity, number> = { error: 0, warning: 0 };
  const kinds: Record<FindingKind, number> = { validation: 0, cross_year: 0, outlier: 0 };
  for (const f of rows) {
    const c = codes.get(f.code) ?? { severity: f.severity, count: 0, agencies: new Set<number>() };
    c.count++;
    c.agencies.add(f.agencyId);
    if (f.severity === 'error') c.severity = 'error';
    codes.set(f.code, c);
    severities[f.severity]++;
    kinds[f.kind]++;
  }
  return {
    codes: [...codes.entries()]
      .map(([code, c]) => ({
        code,
        kind: findingKind(code),
        severity: c.severity,
        count: c.count,
        agencies: c.agencies.size,
      }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    severities,
    kinds,
  };
}
