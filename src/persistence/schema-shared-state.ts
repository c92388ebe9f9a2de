/** State shared by every server process (0015): rate limits, login failures, change counters, job leases. */
export interface RateLimitTable {
  /** the limit's scope and the client, e.g. `POST /api/public/applications|198.51.100.7` */
  key: string;
  hits: number;
  /** epoch milliseconds */
  window_ends_at: number;
}

export interface LoginFailureTable {
  /** the username as typed (trimmed, lower-cased), whether or not such an account exists */
  username: string;
  /** the client address */
  client: string;
  failures: number;
  locked_until: string | null;
  last_failed_at: string;
}

export interface ChangeCounterTable {
  /** e.g. `catalog` */
  name: string;
  version: number;
}

export interface JobLeaseTable {
  name: string;
  /** the process holding the lease (`host:pid:random`) */
  holder: string | null;
  /** epoch milliseconds; the job may run elsewhere once this has passed */
  lease_until: number;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_error: string | null;
  /** what the job's last run returned for the next one (e.g. the fingerprint of the calendar it used) */
  state: string | null;
  runs: number;
}

export interface SharedStateSchema {
  rate_limits: RateLimitTable;
  login_failures: LoginFailureTable;
  change_counters: ChangeCounterTable;
  job_leases: JobLeaseTable;
}
