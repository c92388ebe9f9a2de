import type { Finding } from '../report/finding.ts';
import type { ReportFormat } from '../report/format.ts';
import type {
  Active2019,
  Active2021,
  AnnualReport,
  Appeals,
  Narrative,
  Report2019,
  Report2021,
} from '../report/model.ts';
import { emptyReport } from '../report/model.ts';

/** The three narrative sections staff write; an unedited section follows the template. */
export const NARRATIVE_SECTIONS = ['overview', 'problems', 'other'] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];
export const NARRATIVE_SECTION_LABEL: Record<NarrativeSection, string> = {
  overview: '一、总体情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

/** The sections edited by staff; absent ones are the template's text. */
export type NarrativeEdits = Partial<Record<NarrativeSection, string>>;

export function effectiveNarrative(template: Narrative, edits: NarrativeEdits): Narrative {
  return {
    overview: edits.overview ?? template.overview,
    problems: edits.problems ?? template.problems,
    other: edits.other ?? template.other,
  };
}

export interface ReportParts {
  agency: string;
  year: number;
  format: ReportFormat;
  /** table 二 as the catalog computes it (null: not available — a blank table) */
  active: Active2019 | Active2021 | null;
  requests: Report2019['requests'] | Report2021['requests'];
  appeals: Appeals;
  narrative: Narrative;
}

/** The annual report from its parts. */
export function assembleReport(parts: ReportParts): AnnualReport {
  const report = emptyReport(parts.format);
  report.agency = parts.agency;
  report.year = parts.year;
  if (parts.active) (report as { active: unknown }).active = structuredClone(parts.active);
  (report as { requests: unknown }).requests = structuredClone(parts.requests);
  report.appeals = structuredClone(parts.appeals);
  report.narrative = { ...parts.narrative };
  return report;
}

/**
 * The findings that stop a report being submitted or published: errors of the report itself. Cross-year
 * findings are shown but do not block: they may mean last year's report is the wrong one (corrected by an
 * erratum there), which this year's authors cannot fix.
 */
export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' && !f.code.startsWith('cross_year.'));
}
