import type {
  CellBasis,
  CellChange,
  DeadlineStatus,
  NarrativeSection,
  PreviousRef,
  ReportActionOption,
  ReportActor,
  ReportGap,
  ReportStatus,
} from '../../domain/report-workspace/index.ts';
import {
  compareReports,
  DEADLINE_STATE_LABEL,
  NARRATIVE_SECTION_LABEL,
  NARRATIVE_SECTIONS,
  REPORT_STATUS_LABEL,
  reportActionOptions,
} from '../../domain/report-workspace/index.ts';
import type { Finding, ReportFormat } from '../../domain/report/index.ts';
import { encodeReport } from '../../domain/report/index.ts';
import type { ServiceContext } from '../context.ts';
import { hasSupervisor } from './access.ts';
import type { ReportState } from './state.ts';
import { contentFacts, deadlineOf, submittedEarly } from './state.ts';

/** One cell's provenance for the console: what it counts, whether it is entered by hand (editable while drafting). */
export interface CellInfo {
  source: CellBasis['kind'];
  /** the number of records behind it (applications, cases, documents) */
  records: number | null;
  note: string | null;
  /** a figure from another system, entered in the workspace with a note */
  entered: boolean;
}

/** The annual-report workspace of an agency-year, as the JSON API presents it. */
export interface WorkspaceView {
  agency: { id: number; code: string; name: string; kind: string; parentId: number | null };
  year: number;
  format: ReportFormat;
  status: ReportStatus;
  statusLabel: string;
  /** tables computed from live records (not started, draft, returned) rather than frozen */
  live: boolean;
  record: {
    id: number;
    version: number;
    comment: string | null;
    submittedAt: string | null;
    clearedAt: string | null;
    publishedAt: string | null;
    publishedVersion: number;
    createdAt: string;
    updatedAt: string;
  } | null;
  deadline: DeadlineStatus & { stateLabel: string };
  /** the report in the interchange format (gongkai.annual-report/1) */
  report: Record<string, unknown>;
  narrative: Record<
    NarrativeSection,
    { label: string; text: string; edited: boolean; template: string | null }
  >;
  cells: Record<string, CellInfo>;
  findings: Finding[];
  /** errors that stop submission and publication */
  blockingErrors: number;
  /** everything still missing (〔待填〕, empty sections, blank cells, errors): none before submit/clear/publish */
  missing: ReportGap[];
  /** submitted on or before 31 December of the report year (提前报送) */
  submittedEarly: boolean;
  previous: { ref: PreviousRef; report: Record<string, unknown> } | null;
  /** this year's cells beside last year's */
  changes: CellChange[] | null;
  actions: ReportActionOption[];
}

export function cellInfo(basis: CellBasis): CellInfo {
  switch (basis.kind) {
    case 'applications':
    case 'appeals':
    case 'normative_documents':
      return { source: basis.kind, records: basis.ids.length, note: null, entered: false };
    case 'entered':
      return { source: 'entered', records: null, note: basis.note, entered: true };
    case 'missing':
      return { source: 'missing', records: null, note: null, entered: true };
  }
}

export function workspaceView(ctx: ServiceContext, state: ReportState, who: ReportActor): WorkspaceView {
  const { agency, record } = state;
  const deadline = deadlineOf(ctx, agency, state.year, record?.publishedAt ?? null);
  const content = contentFacts(ctx, state);
  const narrative = state.report.narrative ?? { overview: '', problems: '', other: '' };
  return {
    agency: {
      id: agency.id,
      code: agency.code,
      name: agency.name,
      kind: agency.kind,
      parentId: agency.parentId,
    },
    year: state.year,
    format: state.format,
    status: state.status,
    statusLabel: REPORT_STATUS_LABEL[state.status],
    live: state.live,
    record: record && {
      id: record.id,
      version: record.version,
      comment: record.comment,
      submittedAt: record.submittedAt,
      clearedAt: record.clearedAt,
      publishedAt: record.publishedAt,
      publishedVersion: record.publishedVersion,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    },
    deadline: { ...deadline, stateLabel: DEADLINE_STATE_LABEL[deadline.state] },
    report: encodeReport(state.report),
    narrative: Object.fromEntries(
      NARRATIVE_SECTIONS.map((s) => [
        s,
        {
          label: NARRATIVE_SECTION_LABEL[s],
          text: narrative[s],
          edited: state.live ? record?.narrative[s] !== undefined : true,
          template: state.template?.[s] ?? null,
        },
      ]),
    ) as WorkspaceView['narrative'],
    cells: Object.fromEntries(Object.entries(state.sources).map(([path, basis]) => [path, cellInfo(basis)])),
    findings: state.findings,
    blockingErrors: content.blockingErrors,
    missing: content.gaps,
    submittedEarly: submittedEarly(state.year, record?.submittedAt ?? null),
    previous: state.previous && { ref: state.previous.ref, report: encodeReport(state.previous.report) },
    changes: state.previous ? compareReports(state.report, state.previous.report) : null,
    actions: reportActionOptions(who, {
      status: state.status,
      hasSupervisor: hasSupervisor(agency),
      blockingErrors: content.blockingErrors,
      missing: content.missing,
      yearEnded: content.yearEnded,
    }),
  };
}
