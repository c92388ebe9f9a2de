import type { Principal } from '../../domain/access/principal.ts';
import type {
  CellBasis,
  NarrativeEdits,
  PreviousRef,
  ReportRecord,
  ReportStatus,
} from '../../domain/report-workspace/index.ts';
import type { ReportFacts, ReportGap } from '../../domain/report-workspace/index.ts';
import {
  blockingFindings,
  deadlineStatus,
  effectiveNarrative,
  isLive,
  reportDeadline,
  reportGaps,
  summariseGaps,
} from '../../domain/report-workspace/index.ts';
import type { AnnualReport, Finding, Narrative, ReportFormat } from '../../domain/report/index.ts';
import { formatForYear, validateReport } from '../../domain/report/index.ts';
import type { Agency } from '../../persistence/repositories/agency.repository.ts';
import type { ApplicationYearPoint } from '../../persistence/repositories/report-figures.repository.ts';
import { findReport } from '../../persistence/repositories/report.repository.ts';
import type { ServiceContext } from '../context.ts';
import { todayInChina } from '../context.ts';
import { composeReport } from './compose.ts';
import { previousReport } from './previous.ts';

/**
 * An agency-year's report as it stands: the record (if any), the report — computed from the live records while
 * not started, draft or returned, the frozen snapshot otherwise — its cell sources, findings and last year's.
 */
export interface ReportState {
  agency: Agency;
  year: number;
  record: ReportRecord | null;
  status: ReportStatus;
  format: ReportFormat;
  live: boolean;
  report: AnnualReport;
  sources: Record<string, CellBasis>;
  /** the template narrative (live reports only) */
  template: Narrative | null;
  findings: Finding[];
  previous: { ref: PreviousRef; report: AnnualReport } | null;
  /** application projections of the year (live reports only) */
  points: ApplicationYearPoint[] | null;
}

export async function reportState(
  ctx: ServiceContext,
  actor: Principal,
  agency: Agency,
  year: number,
  options: { format?: ReportFormat; narrative?: NarrativeEdits; previous?: boolean } = {},
): Promise<ReportState> {
  const record = await findReport(ctx.database.db, agency.id, year);
  const status: ReportStatus = record?.status ?? 'not_started';
  const format = record?.format ?? options.format ?? formatForYear(year);
  const previous = options.previous === false ? null : await previousReport(ctx, actor, agency, year);
  if (record?.frozen) {
    // a draft pre-filled from the supervision rollup (issue 7) keeps its tables; narrative edits apply over it
    const prefilled = isLive(status);
    const frozen = record.frozen.report;
    const template = frozen.narrative ?? { overview: '', problems: '', other: '' };
    const report = prefilled
      ? { ...frozen, narrative: effectiveNarrative(template, options.narrative ?? record.narrative) }
      : frozen;
    return {
      agency,
      year,
      record,
      status,
      format,
      live: false,
      report,
      sources: record.frozen.sources,
      template: prefilled ? template : null,
      findings: prefilled
        ? validateReport(report, { previous: previous?.report ?? null })
        : record.frozen.findings,
      previous,
      points: null,
    };
  }
  const composed = await composeReport(
    ctx,
    actor,
    agency,
    year,
    format,
    options.narrative ?? record?.narrative ?? {},
  );
  return {
    agency,
    year,
    record,
    status,
    format,
    live: true,
    report: composed.report,
    sources: composed.sources,
    template: composed.template,
    findings: validateReport(composed.report, { previous: previous?.report ?? null }),
    previous,
    points: composed.points,
  };
}

/** The China date of a stored timestamp. */
export const chinaDate = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The Art. 49 deadline of the report as seen today. */
export function deadlineOf(ctx: ServiceContext, agency: Agency, year: number, publishedAt: string | null) {
  const deadline = reportDeadline(year, agency.kind, agency.settings.reportDueDate);
  return deadlineStatus(deadline, todayInChina(ctx), publishedAt ? chinaDate(publishedAt) : null);
}

/** The report year has ended on `today` (China date): a submission before then is early (issue 12 point 7). */
export const yearEnded = (year: number, today: string) => today > `${year}-12-31`;

/** A submission that arrived on or before 31 December of the report year. */
export const submittedEarly = (year: number, submittedAt: string | null) =>
  submittedAt !== null && chinaDate(submittedAt) <= `${year}-12-31`;

/**
 * The facts the transitions' guards read about the report's contents and the day: the blocking errors, what is
 * missing (completeness.ts) and whether the year has ended. `report`/`findings` default to the state's.
 */
export function contentFacts(
  ctx: ServiceContext,
  state: ReportState,
  report: AnnualReport = state.report,
  findings: Finding[] = state.findings,
): Pick<ReportFacts, 'blockingErrors' | 'missing' | 'yearEnded'> & { gaps: ReportGap[] } {
  const gaps = reportGaps(report, findings);
  return {
    blockingErrors: blockingFindings(findings).length,
    missing: summariseGaps(gaps),
    yearEnded: yearEnded(state.year, todayInChina(ctx)),
    gaps,
  };
}
