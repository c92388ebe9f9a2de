import type { LocalDate } from '../calendar/local-date.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';

/**
 * "Due soon" and "overdue" are derived from a stored due date and today, never stored (STYLE: store facts,
 * derive status). `dueStatus` and the list query use the same two bounds from `dueStatusBounds`:
 *   overdue   ⇔ due < today
 *   due_soon  ⇔ today ≤ due < dueSoonBefore      (at most N working days left)
 *   on_track  ⇔ due ≥ dueSoonBefore
 * where dueSoonBefore is the (N+1)-th working day after today. A query computes the bounds once for today and
 * compares the due-date column with them.
 */
export const DUE_STATUSES = ['on_track', 'due_soon', 'overdue'] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

export const DUE_STATUS_LABEL: Record<DueStatus, string> = {
  on_track: '正常',
  due_soon: '即将到期',
  overdue: '已逾期',
};

/** Working days left at which an application counts as due soon (a setting; default 5). */
export const DEFAULT_DUE_SOON_DAYS = 5;

export interface DueStatusBounds {
  /** due dates before this are overdue (= today) */
  overdueBefore: LocalDate;
  /** due dates from `overdueBefore` up to, not including, this are due soon */
  dueSoonBefore: LocalDate;
  provisional: boolean;
}

export function dueStatusBounds(
  today: LocalDate,
  calendar: WorkingCalendar,
  dueSoonDays: number = DEFAULT_DUE_SOON_DAYS,
): DueStatusBounds {
  const bound = calendar.addWorkingDays(today, dueSoonDays + 1);
  return { overdueBefore: today, dueSoonBefore: bound.date, provisional: bound.provisional };
}

export interface DueStatusResult {
  status: DueStatus;
  /** working days from today to the due date: in (today, due]; negative when overdue */
  workingDaysLeft: number;
  provisional: boolean;
}

export function dueStatus(
  dueDate: LocalDate,
  today: LocalDate,
  calendar: WorkingCalendar,
  dueSoonDays: number = DEFAULT_DUE_SOON_DAYS,
): DueStatusResult {
  const bounds = dueStatusBounds(today, calendar, dueSoonDays);
  const left = calendar.workingDaysBetween(today, dueDate);
  const status: DueStatus =
    dueDate < bounds.overdueBefore ? 'overdue' : dueDate < bounds.dueSoonBefore ? 'due_soon' : 'on_track';
  return { status, workingDaysLeft: left.days, provisional: left.provisional };
}
