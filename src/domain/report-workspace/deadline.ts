import type { LocalDate } from '../calendar/local-date.ts';
import { daysBetween, isLocalDate } from '../calendar/local-date.ts';

/**
 * When the annual report is due (条例 Art. 49): a government department (and a vertically led body or an
 * office) submits and publishes its report by 31 January of the next year; the 本级人民政府's report is published
 * by 31 March. Localities often set earlier internal dates (practice): an agency may set its own "MM-DD" in
 * settings.reportDueDate, which replaces the statutory date when it is earlier. Calendar days, not working days:
 * the regulation names a date.
 */
export type AgencyKindForDeadline = 'government' | 'department' | 'vertical' | 'office';

export const STATUTORY_DUE: Record<AgencyKindForDeadline, { monthDay: string; article: string }> = {
  government: { monthDay: '03-31', article: '条例第四十九条第二款' },
  department: { monthDay: '01-31', article: '条例第四十九条第一款' },
  vertical: { monthDay: '01-31', article: '条例第四十九条第一款' },
  office: { monthDay: '01-31', article: '条例第四十九条第一款' },
};

export interface ReportDeadline {
  /** the last day to publish the report of `year` */
  dueOn: LocalDate;
  article: string;
  /** the agency's own earlier date replaced the statutory one */
  local: boolean;
}

export function reportDeadline(
  year: number,
  kind: AgencyKindForDeadline,
  localMonthDay?: unknown,
): ReportDeadline {
  const statutory = STATUTORY_DUE[kind] ?? STATUTORY_DUE.department;
  const dueOn = `${year + 1}-${statutory.monthDay}`;
  const local = typeof localMonthDay === 'string' ? `${year + 1}-${localMonthDay}` : null;
  if (local && isLocalDate(local) && local < dueOn)
    return { dueOn: local, article: statutory.article, local: true };
  return { dueOn, article: statutory.article, local: false };
}

/** open: not yet due; due_today; overdue: past due and not published; on_time / late: published by / after it. */
export type DeadlineState = 'open' | 'due_today' | 'overdue' | 'on_time' | 'late';

export const DEADLINE_STATE_LABEL: Record<DeadlineState, string> = {
  open: '未到期',
  due_today: '今天到期',
  overdue: '已逾期',
  on_time: '按时公开',
  late: '逾期公开',
};

export interface DeadlineStatus extends ReportDeadline {
  state: DeadlineState;
  /** calendar days from today to the due date (negative: days late); null once published */
  daysLeft: number | null;
  /** days published after the due date (0 when on time); null while not published */
  daysLate: number | null;
}

/** The deadline seen on `today`, given the day the report was first published (null: not yet). */
export function deadlineStatus(
  deadline: ReportDeadline,
  today: LocalDate,
  publishedOn: LocalDate | null,
): DeadlineStatus {
  if (publishedOn !== null) {
    const late = Math.max(0, daysBetween(deadline.dueOn, publishedOn));
    return { ...deadline, state: late > 0 ? 'late' : 'on_time', daysLeft: null, daysLate: late };
  }
  const left = daysBetween(today, deadline.dueOn);
  return {
    ...deadline,
    state: left > 0 ? 'open' : left === 0 ? 'due_today' : 'overdue',
    daysLeft: left,
    daysLate: null,
  };
}
