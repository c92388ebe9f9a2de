/**
 * The life of an agency's annual report for a year (issue 6 drafts it, issue 7 supervises it). `not_started`
 * is the status of an agency-year with no record; every other status is stored on the record.
 *
 *   not_started → draft → submitted → cleared → published (→ published again for each erratum)
 *                   ↑  ↖ recall ↙  ↓ return
 *                   └── returned ←─┘
 *
 * An agency with no supervising agency above it publishes from draft directly. Transitions: transitions.ts.
 */
export const REPORT_STATUSES = [
  'not_started',
  'draft',
  'submitted',
  'returned',
  'cleared',
  'published',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** The statuses a stored record can have. */
export type RecordStatus = Exclude<ReportStatus, 'not_started'>;

export const REPORT_STATUS_LABEL: Record<ReportStatus, string> = {
  not_started: '未开始',
  draft: '起草中',
  submitted: '已报送待审核',
  returned: '已退回修改',
  cleared: '审核通过待公开',
  published: '已公开',
};

/** While drafting, the tables are computed from the live records; afterwards they are frozen. */
export const LIVE_STATUSES: readonly ReportStatus[] = ['not_started', 'draft', 'returned'];

export function isLive(status: ReportStatus): boolean {
  return LIVE_STATUSES.includes(status);
}

export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value);
}
