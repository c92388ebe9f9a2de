import type { CalendarDate, WorkingCalendar } from '../calendar/working-calendar.ts';
import type { LocalDate } from '../calendar/local-date.ts';

/**
 * 条例 Art. 26: information subject to proactive disclosure is published within 20 working days of being formed
 * or changed. The deadline is fixed when the formation or change date is set; whether an item is late is derived
 * from dates when reading, here and in the list query that mirrors it (published_on > publication_due_on).
 */
export const PUBLICATION_PERIOD_WORKING_DAYS = 20;

/** The last day to publish: the 20th working day after the formation or change date. */
export function publicationDue(calendar: WorkingCalendar, formedOn: LocalDate): CalendarDate {
  return calendar.addWorkingDays(formedOn, PUBLICATION_PERIOD_WORKING_DAYS);
}

export type Timeliness =
  /** published on or before the deadline */
  | 'on_time'
  /** published after the deadline (flagged) */
  | 'late'
  /** not yet published, the deadline not yet passed */
  | 'pending'
  /** not yet published and the deadline has passed */
  | 'overdue'
  /** no formation date: Art. 26 cannot be applied */
  | 'unknown';

export const TIMELINESS_LABEL: Record<Timeliness, string> = {
  on_time: '按时公开',
  late: '超期公开',
  pending: '待公开',
  overdue: '已超期未公开',
  unknown: '未填成文日期',
};

export function timeliness(
  dueOn: LocalDate | null,
  publishedOn: LocalDate | null,
  today: LocalDate,
): Timeliness {
  if (!dueOn) return 'unknown';
  if (publishedOn) return publishedOn > dueOn ? 'late' : 'on_time';
  return today > dueOn ? 'overdue' : 'pending';
}

/** Working days from formation to publication, for the flag's explanation ("第 23 个工作日发布"). */
export function workingDaysToPublish(
  calendar: WorkingCalendar,
  formedOn: LocalDate,
  publishedOn: LocalDate,
): number {
  return calendar.workingDaysBetween(formedOn, publishedOn).days;
}
