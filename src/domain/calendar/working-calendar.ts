import type { LocalDate } from './local-date.ts';
import { fromDayNumber, toDayNumber } from './local-date.ts';
import type { Schedule } from './schedule.ts';
import { PRECEDING_DECEMBER_FROM } from './schedule.ts';
import { statutoryHolidays } from './statutory-holidays.ts';

/**
 * Working days (工作日) for statutory periods (STATUTE.md §2 end, §5): Monday–Friday, except the days off of the
 * official schedule, plus its 调休 working weekend days.
 *
 * A date whose year has no official schedule — or a date from December 25 on whose *next* year has none, since
 * next year's notice may arrange 元旦 into late December — is **provisional**: weekends and the statutory
 * holidays of 《全国年节及纪念日放假办法》 only. Every result says whether it touched a provisional date.
 */
export interface CalendarDay {
  date: LocalDate;
  working: boolean;
  provisional: boolean;
  /** the holiday's name for a listed or statutory day ('春节'), else null */
  name: string | null;
}

/** A date computed on the calendar, and whether any day it depended on was provisional. */
export interface CalendarDate {
  date: LocalDate;
  provisional: boolean;
}

export interface CalendarCount {
  days: number;
  provisional: boolean;
}

export interface WorkingCalendar {
  /** years with an official schedule, ascending */
  readonly scheduledYears: readonly number[];
  hasSchedule(year: number): boolean;
  day(date: LocalDate): CalendarDay;
  isWorkingDay(date: LocalDate): boolean;
  /** the n-th working day after `date`, counting from the day after (n ≥ 0; n = 0 → `date` itself) */
  addWorkingDays(date: LocalDate, n: number): CalendarDate;
  /** working days in (from, to] — negative, −(working days in (to, from]), when `to` is earlier */
  workingDaysBetween(from: LocalDate, to: LocalDate): CalendarCount;
  /** `date` itself when it is a working day, else the next working day (a period ending on a holiday moves on) */
  workingDayOnOrAfter(date: LocalDate): CalendarDate;
}

interface DayInfo {
  working: boolean;
  provisional: boolean;
  name: string | null;
}

/** How many days, and how many working-day sums, a calendar keeps at most (see createWorkingCalendar). */
const MEMO_LIMIT = 20_000;

const yearOfDay = (day: number) => new Date(day * 86_400_000).getUTCFullYear();
const weekendDay = (day: number) => {
  const iso = ((((day % 7) + 7) % 7) + 3) % 7; // 0 = Monday … 6 = Sunday
  return iso >= 5;
};

/**
 * A calendar from official schedules (the bundled ones plus any an administrator uploaded). When two schedules
 * list the same date, the later one in the list wins, so an uploaded correction overrides a bundled file.
 */
export function createWorkingCalendar(schedules: readonly Schedule[]): WorkingCalendar {
  const listed = new Map<number, { isOffDay: boolean; name: string }>();
  const years = new Set<number>();
  for (const schedule of schedules) {
    years.add(schedule.year);
    for (const d of schedule.days) listed.set(toDayNumber(d.date), { isOffDay: d.isOffDay, name: d.name });
  }
  const scheduledYears = [...years].sort((a, b) => a - b);
  const statutory = new Map<number, Map<number, string>>();
  const statutoryOf = (year: number) => {
    let days = statutory.get(year);
    if (!days) {
      days = new Map(statutoryHolidays(year).map((h) => [toDayNumber(h.date), h.name]));
      statutory.set(year, days);
    }
    return days;
  };

  const info = (day: number): DayInfo => {
    const year = yearOfDay(day);
    const lateDecember = day >= Date.UTC(year, 11, PRECEDING_DECEMBER_FROM) / 86_400_000;
    const provisional = !years.has(year) || (lateDecember && !years.has(year + 1));
    const entry = listed.get(day);
    if (entry) return { working: !entry.isOffDay, provisional, name: entry.name };
    if (provisional) {
      const name = statutoryOf(year).get(day);
      if (name) return { working: false, provisional, name };
    }
    return { working: !weekendDay(day), provisional, name: null };
  };

  // A calendar never changes once built, so what it has worked out is kept: the days it has looked at, and the
  // dates n working days on (every registration of one day asks the same: 7 and 20 WD from today). Bounded:
  // forgotten all at once when full.
  const looked = new Map<number, DayInfo>();
  const dayInfo = (day: number): DayInfo => {
    let i = looked.get(day);
    if (!i) {
      if (looked.size >= MEMO_LIMIT) looked.clear();
      looked.set(day, (i = info(day)));
    }
    return i;
  };
  const added = new Map<string, CalendarDate>();

  const count = (from: number, to: number) => {
    let days = 0;
    let provisional = false;
    for (let d = from + 1; d <= to; d++) {
      const i = dayInfo(d);
      if (i.working) days++;
      provisional ||= i.provisional;
    }
    return { days, provisional };
  };

  return {
    scheduledYears,
    hasSchedule: (year) => years.has(year),
    day(date) {
      return { date, ...dayInfo(toDayNumber(date)) };
    },
    isWorkingDay: (date) => dayInfo(toDayNumber(date)).working,
    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数：${n}`);
      const key = `${date}+${n}`;
      const known = added.get(key);
      // a copy: the caller owns what it is given
      if (known) return { ...known };
      let day = toDayNumber(date);
      let provisional = n === 0 && dayInfo(day).provisional;
      for (let left = n; left > 0;) {
        day++;
        const i = dayInfo(day);
        provisional ||= i.provisional;
        if (i.working) left--;
      }
      const result = { date: fromDayNumber(day), provisional };
      if (added.size >= MEMO_LIMIT) added.clear();
      added.set(key, result);
      return { ...result };
    },
    workingDaysBetween(from, to) {
      const [a, b] = [toDayNumber(from), toDayNumber(to)];
      if (b >= a) return count(a, b);
      const { days, provisional } = count(b, a);
      return { days: -days, provisional };
    },
    workingDayOnOrAfter(date) {
      let day = toDayNumber(date);
      let i = dayInfo(day);
      let provisional = i.provisional;
      while (!i.working) {
        i = dayInfo(++day);
        provisional ||= i.provisional;
      }
      return { date: fromDayNumber(day), provisional };
    },
  };
}
