import { beijingDateOfJde, solarTermJde } from './astronomy.ts';
import { chineseNewYear, lunarToGregorian } from './chinese-calendar.ts';
import type { LocalDate } from './local-date.ts';
import { addDays, localDate } from './local-date.ts';

/**
 * The statutory public holidays (全体公民放假的节日) of 《全国年节及纪念日放假办法》, STATUTE.md §5 — the days off the
 * law itself fixes, without the State Council's yearly 调休 arrangement:
 *
 * | holiday | from 2025 (2024-11-10 revision) | before 2025 (2013 revision) |
 * |---|---|---|
 * | 元旦 | 1/1 | 1/1 |
 * | 春节 | 除夕 + 正月初一–初三 (4 days) | 正月初一–初三 (3 days) |
 * | 清明节 | the day of the solar term 清明 (Sun at 15°) | same |
 * | 劳动节 | 5/1, 5/2 | 5/1 |
 * | 端午节 | 五月初五 | same |
 * | 中秋节 | 八月十五 | same |
 * | 国庆节 | 10/1–10/3 | same |
 *
 * Used only for years without a published schedule, whose dates are therefore provisional. Sorted by date, one
 * entry per date.
 */
export interface StatutoryHoliday {
  date: LocalDate;
  name: string;
}

/** The revision of 2024-11-10 applies from 2025-01-01. */
export const REVISION_2025_FIRST_YEAR = 2025;

/** 清明: the Beijing date on which the Sun's apparent longitude reaches 15°. */
export function qingmingDate(year: number): LocalDate {
  return beijingDateOfJde(solarTermJde(year, 15));
}

export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  const revised = year >= REVISION_2025_FIRST_YEAR;
  const newYear = chineseNewYear(year);
  const days: StatutoryHoliday[] = [{ date: localDate(year, 1, 1), name: '元旦' }];
  if (revised) days.push({ date: addDays(newYear, -1), name: '春节' });
  for (let i = 0; i < 3; i++) days.push({ date: addDays(newYear, i), name: '春节' });
  days.push({ date: qingmingDate(year), name: '清明节' });
  days.push({ date: localDate(year, 5, 1), name: '劳动节' });
  if (revised) days.push({ date: localDate(year, 5, 2), name: '劳动节' });
  days.push({ date: lunarToGregorian(year, 5, 5), name: '端午节' });
  days.push({ date: lunarToGregorian(year, 8, 15), name: '中秋节' });
  for (let d = 1; d <= 3; d++) days.push({ date: localDate(year, 10, d), name: '国庆节' });
  // 中秋 can fall within 国庆 (as on 2020-10-01): one day, both names.
  const byDate = new Map<LocalDate, string[]>();
  for (const { date, name } of days) byDate.set(date, [...(byDate.get(date) ?? []), name]);
  return [...byDate]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, names]) => ({ date, name: names.join('、') }));
}
