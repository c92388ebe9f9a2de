import type { Generated } from 'kysely';

/** Mail, scheduled jobs and 催报 (issue 12 points 4, 9; migration 0008). Portable types as in schema.ts. */
export interface MailOutboxTable {
  id: Generated<number>;
  agency_id: number | null;
  to_user_id: number | null;
  to_address: string;
  subject: string;
  /** plain text */
  body: string;
  /** 'daily_reminder' | 'report_urge' */
  kind: string;
  /** one message per purpose: e.g. "daily_reminder:2026-12-03:user:5" */
  dedupe_key: string;
  /** 'pending' | 'sent' | 'failed' (failed: gave up after the last attempt) */
  status: string;
  attempts: number;
  last_error: string | null;
  /** a process sending it holds it until then (ISO timestamp) */
  claimed_until: string | null;
  created_at: string;
  sent_at: string | null;
}

/** One run of a scheduled job: the row is the claim (primary key job + run_key, e.g. the day). */
export interface JobRunTable {
  job: string;
  run_key: string;
  claimed_by: string;
  claimed_at: string;
  finished_at: string | null;
  /** JSON summary */
  result: string | null;
}

/** 催报: a supervising office's reminder to an agency that its annual report has not arrived. */
export interface ReportUrgeTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  from_agency_id: number;
  message: string;
  /** staff of the agency it was mailed to */
  recipients: number;
  created_by: number;
  created_at: string;
}

export interface MailSchema {
  mail_outbox: MailOutboxTable;
  job_runs: JobRunTable;
  report_urges: ReportUrgeTable;
}
