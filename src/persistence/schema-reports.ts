import type { Generated } from 'kysely';

/**
 * 行政复议 / 行政诉讼 cases and the annual-report workspace (issue 6; supervised in issue 7). Portable types as in
 * schema.ts: ISO date text, JSON text, integers.
 */
export interface AppealCaseTable {
  id: Generated<number>;
  agency_id: number;
  /** the application the case concerns, when there is one */
  application_id: number | null;
  /** 'reconsideration' | 'litigation_direct' | 'litigation_after_reconsideration' (the table 四 group) */
  kind: string;
  /** 行政复议机关 or 人民法院 */
  body: string;
  /** 案号 (unique per agency) */
  case_number: string;
  /** 受理（立案）日期 */
  filed_on: string;
  /** 审结日期; null while pending */
  decided_on: string | null;
  /** 'upheld' | 'corrected' | 'other'; null while pending */
  result: string | null;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/**
 * One annual report per agency and year. While draft or returned its tables are computed from the live
 * records on every read and only the narrative edits are stored; on submission (and publication) the whole
 * report is frozen in `content`, with the records behind each cell in `sources`.
 */
export interface AnnualReportTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  /** '2019' | '2021' */
  format: string;
  /** 'draft' | 'submitted' | 'returned' | 'cleared' | 'published' */
  status: string;
  /** JSON: the narrative sections edited by staff ({overview?, problems?, other?}) */
  narrative: string;
  /** JSON: the frozen report (interchange JSON); null while live */
  content: string | null;
  /** JSON: the frozen drill-down (cell key → record ids) and which previous report was used; null while live */
  sources: string | null;
  /** JSON: the findings at freezing; null while live */
  findings: string | null;
  /** the supervisor's last comment when returning */
  comment: string | null;
  submitted_at: string | null;
  cleared_at: string | null;
  /** first publication (the deadline is judged by it) */
  published_at: string | null;
  /** number of published versions (1 + errata) */
  published_version: number;
  /** optimistic concurrency */
  version: number;
  created_at: string;
  updated_at: string;
}

/** Every published version of a report: the first publication and each erratum, with its reason. */
export interface AnnualReportVersionTable {
  id: Generated<number>;
  report_id: number;
  version: number;
  /** null for the first publication; the erratum's reason otherwise */
  reason: string | null;
  /** interchange JSON */
  content: string;
  findings: string;
  published_at: string;
  published_by: number | null;
  /** the row written to the portal's published_reports */
  published_report_id: number | null;
}

/** Reports written outside Gongkai and imported (the parser), e.g. last year's, to compare and check against. */
export interface ImportedReportTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  file_name: string;
  format: string;
  /** interchange JSON as read */
  content: string;
  /** JSON: the import's findings */
  findings: string;
  imported_at: string;
  imported_by: number | null;
}

export interface ReportSchema {
  appeal_cases: AppealCaseTable;
  annual_reports: AnnualReportTable;
  annual_report_versions: AnnualReportVersionTable;
  imported_reports: ImportedReportTable;
}
