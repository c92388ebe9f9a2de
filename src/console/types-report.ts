/** The annual-report workspace API's shapes (src/services/report-workspace/view.ts), over the pure domain types. */
import type { NormativeDocument } from '../domain/catalog/normative.ts';
import type { CellChange } from '../domain/report-workspace/compare.ts';
import type { DeadlineStatus } from '../domain/report-workspace/deadline.ts';
import type { NarrativeSection } from '../domain/report-workspace/assemble.ts';
import type { ReportGap } from '../domain/report-workspace/completeness.ts';
import type { ReportStatus } from '../domain/report-workspace/status.ts';
import type { ReportActionOption } from '../domain/report-workspace/transitions.ts';
import type { Finding } from '../domain/report/finding.ts';
import type { ReportFormat } from '../domain/report/format.ts';
import type { ApplicantType } from '../domain/application/applicant.ts';
import type { ApplicationState } from '../domain/application/states.ts';
import type { StoredEventView } from './types-catalog.ts';

export interface CellInfo {
  source: 'applications' | 'appeals' | 'normative_documents' | 'entered' | 'missing';
  records: number | null;
  note: string | null;
  entered: boolean;
}

/** A report in the interchange format: tables as row → column → value. */
export interface InterchangeReport {
  active: Record<string, Record<string, number | null>>;
  requests: Record<string, Record<string, number | null>>;
  appeals: Record<string, Record<string, number | null>>;
  narrative?: Record<NarrativeSection, string>;
  [key: string]: unknown;
}

export interface WorkspaceView {
  agency: { id: number; code: string; name: string; kind: string; parentId: number | null };
  year: number;
  format: ReportFormat;
  status: ReportStatus;
  statusLabel: string;
  live: boolean;
  record: {
    id: number;
    version: number;
    comment: string | null;
    submittedAt: string | null;
    clearedAt: string | null;
    publishedAt: string | null;
    publishedVersion: number;
  } | null;
  deadline: DeadlineStatus & { stateLabel: string };
  report: InterchangeReport;
  narrative: Record<
    NarrativeSection,
    { label: string; text: string; edited: boolean; template: string | null }
  >;
  cells: Record<string, CellInfo>;
  findings: Finding[];
  blockingErrors: number;
  /** what is still missing before submit, clear or publish (src/domain/report-workspace/completeness.ts) */
  missing: ReportGap[];
  /** submitted on or before 31 December of the report year */
  submittedEarly: boolean;
  previous: { ref: { kind: string; [key: string]: unknown }; report: InterchangeReport } | null;
  changes: CellChange[] | null;
  actions: ReportActionOption[];
}

/** An application a cell counts (drill-down rows). */
export interface CountedApplication {
  id: number;
  trackingCode: string;
  applicantType: ApplicantType;
  applicantName: string;
  receivedOn: string;
  closedOn: string | null;
  outcome: string | null;
  state: ApplicationState;
  summary: string;
}

export interface AppealRow {
  id: number;
  kindLabel: string;
  body: string;
  caseNumber: string;
  filedOn: string;
  decidedOn: string | null;
  statusLabel: string;
  applicationId: number | null;
  applicationTrackingCode: string | null;
}

export interface CellDrill {
  path: string;
  label: string;
  value: number | null;
  source: CellInfo['source'];
  live: boolean;
  total: number | null;
  applications?: CountedApplication[];
  appeals?: AppealRow[];
  documents?: NormativeDocument[];
  note?: string | null;
}

export interface ReportVersion {
  version: number;
  reason: string | null;
  publishedAt: string;
}

export interface ReportHistoryView {
  /** actorName: the person's name (not "user:6") */
  events: (StoredEventView & { actorName?: string })[];
  versions: (ReportVersion & { publishedByName?: string | null })[];
}
