import type { Finding } from '../report/finding.ts';
import type { ReportFormat } from '../report/format.ts';
import type { AnnualReport } from '../report/model.ts';
import type { NarrativeEdits } from './assemble.ts';
import type { RecordStatus } from './status.ts';

/**
 * Where a cell's value comes from — what its drill-down lists. `cellPath` keys ("requests.granted.natural").
 * - applications: the applications counted (table 三); appeals: the cases counted (table 四);
 * - normative_documents: the 规章 / 行政规范性文件 counted from their lifecycle (table 二 第二十条第（一）项);
 * - entered: a figure entered from another system, with its note; missing: not entered yet (blank).
 */
export type CellBasis =
  | { kind: 'applications'; ids: number[] }
  | { kind: 'appeals'; ids: number[] }
  | { kind: 'normative_documents'; ids: number[] }
  | { kind: 'entered'; note: string | null }
  | { kind: 'missing' };

/** The report compared against as last year's: the agency's own record, or an imported document. */
export type PreviousRef =
  | { kind: 'record'; reportId: number; year: number; status: RecordStatus }
  | { kind: 'imported'; importId: number; year: number; fileName: string };

/** What freezing keeps: the report, every cell's source, the findings and which previous report was used. */
export interface Frozen {
  report: AnnualReport;
  sources: Record<string, CellBasis>;
  findings: Finding[];
  previous: PreviousRef | null;
}

/** An annual-report record (one per agency and year). */
export interface ReportRecord {
  id: number;
  agencyId: number;
  year: number;
  format: ReportFormat;
  status: RecordStatus;
  narrative: NarrativeEdits;
  /** null while draft or returned (tables live) */
  frozen: Frozen | null;
  /** the supervisor's last comment on returning it */
  comment: string | null;
  submittedAt: string | null;
  clearedAt: string | null;
  publishedAt: string | null;
  publishedVersion: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A published version: the first publication (reason null) or an erratum. */
export interface PublishedVersion {
  version: number;
  reason: string | null;
  report: AnnualReport;
  findings: Finding[];
  publishedAt: string;
  publishedBy: number | null;
  publishedReportId: number | null;
}
