import type { LocalDate } from '../calendar/local-date.ts';
import type { DeadlineState, ReportDeadline } from '../report-workspace/deadline.ts';
import { deadlineStatus } from '../report-workspace/deadline.ts';
import type { ReportStatus } from '../report-workspace/status.ts';

/**
 * Whether a report reached its supervisor in time. The day it arrived is the day it was (last) submitted — for an
 * agency with nobody above it on Gongkai, the day it published. A returned report has not arrived: it is judged
 * by its resubmission. Calendar days, China time, as the regulation names a date.
 */
/** early: arrived on or before 31 December of the report year — flagged, never 按时报送 (issue 12 point 9) */
export type CollectionTimeliness = DeadlineState | 'early';

export const COLLECTION_TIMELINESS_LABEL: Record<CollectionTimeliness, string> = {
  open: '未到期',
  due_today: '今天到期',
  overdue: '逾期未报送',
  on_time: '按时报送',
  late: '逾期报送',
  early: '提前报送（年度未结束）',
};

/** The statuses in which the report has arrived with the supervisor (or been published). */
export const ARRIVED_STATUSES: readonly ReportStatus[] = ['submitted', 'cleared', 'published'];

export function arrivedOn(
  status: ReportStatus,
  submittedOn: LocalDate | null,
  publishedOn: LocalDate | null,
): LocalDate | null {
  if (!ARRIVED_STATUSES.includes(status)) return null;
  return submittedOn ?? publishedOn;
}

export interface CollectionDeadlineStatus {
  state: CollectionTimeliness;
  label: string;
  /** calendar days left (negative: overdue); null once arrived */
  daysLeft: number | null;
  /** days it arrived after the due date (0 on time); null while not arrived */
  daysLate: number | null;
  arrivedOn: LocalDate | null;
}

export function collectionTimeliness(
  deadline: ReportDeadline,
  today: LocalDate,
  status: ReportStatus,
  submittedOn: LocalDate | null,
  publishedOn: LocalDate | null,
): CollectionDeadlineStatus {
  const arrived = arrivedOn(status, submittedOn, publishedOn);
  const seen = deadlineStatus(deadline, today, arrived);
  // the report year is the year before the deadline's
  const early = arrived !== null && arrived <= `${Number(deadline.dueOn.slice(0, 4)) - 1}-12-31`;
  const state: CollectionTimeliness = early ? 'early' : seen.state;
  return {
    state,
    label: COLLECTION_TIMELINESS_LABEL[state],
    daysLeft: seen.daysLeft,
    daysLate: seen.daysLate,
    arrivedOn: arrived,
  };
}
