import type { ReportFormat } from './format.ts';
import { formatForYear } from './format.ts';
import type { AnnualReport } from './model.ts';
import { emptyReport } from './model.ts';

/**
 * A blank report form for a year: every cell blank (null), the narrative sections present but empty, so a
 * renderer prints the six headings and the three empty tables. The format follows the year unless given.
 */
export function reportTemplate(
  year: number,
  format: ReportFormat = formatForYear(year),
  agency: string | null = null,
): AnnualReport {
  const report = emptyReport(format);
  report.year = year;
  report.agency = agency;
  report.narrative = { overview: '', problems: '', other: '' };
  return report;
}
