import type { LocalDate } from '../calendar/local-date.ts';
import { addDays, dateParts, daysInMonth, localDate } from '../calendar/local-date.ts';
import type { CalendarDate, WorkingCalendar } from '../calendar/working-calendar.ts';
import type { LetterKind } from '../letters/kinds.ts';
import { LITIGATION_MONTHS, RECONSIDERATION_DAYS } from './remedies.ts';

/**
 * The last days of the remedies, counted from the day the reply was served (the applicant "knew of the act"):
 * - 行政复议 within 60 days (行政复议法第二十条第一款);
 * - 行政诉讼 within 6 months (行政诉讼法第四十六条第一款) — not when reconsideration must come first (第二十三条);
 * counted from the next day; a period in months ends on the same day of the month (or the month's last day);
 * a last day that is not a working day moves to the next working day (民事诉讼法第八十五条, applied by
 * 行政复议法第八十八条 and 行政诉讼法第一百零一条).
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const p = dateParts(date)!;
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return localDate(year, month, Math.min(p.day, daysInMonth(year, month)));
}

export function remedyDeadlines(
  letters: readonly {
    kind: LetterKind;
    service: { servedOn: LocalDate } | null;
    reconsiderationFirst?: boolean;
  }[],
  calendar: WorkingCalendar,
): { reconsideration: CalendarDate | null; litigation: CalendarDate | null } {
  const reply = letters.filter((l) => l.kind === 'reply').at(-1);
  if (!reply?.service) return { reconsideration: null, litigation: null };
  const served = reply.service.servedOn;
  return {
    reconsideration: calendar.workingDayOnOrAfter(addDays(served, RECONSIDERATION_DAYS)),
    litigation: reply.reconsiderationFirst
      ? null
      : calendar.workingDayOnOrAfter(addMonths(served, LITIGATION_MONTHS)),
  };
}
