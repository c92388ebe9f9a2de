import {
  beijingDateOfJde,
  jdeOfBeijingMidnight,
  lunationNear,
  newMoonJde,
  solarLongitude,
  solarTermJde,
} from './astronomy.ts';
import type { LocalDate } from './local-date.ts';
import { addDays, fromDayNumber, toDayNumber } from './local-date.ts';

/**
 * The Chinese (农历) calendar by the rules of GB/T 33661-2017《农历的编算和颁行》, from the astronomy in
 * astronomy.ts:
 * - a month begins on the Beijing date of a new moon;
 * - the month containing 冬至 is the eleventh month;
 * - when 13 months begin between one 冬至 month and the next, the first of them that contains no 中气 (the Sun's
 *   longitude passing a multiple of 30°) is a leap month and repeats the previous month's number.
 *
 * Why not `Intl.DateTimeFormat('zh-u-ca-chinese')`: ICU's lower-precision astronomy puts 正月初一 of 2027 on
 * 2027-02-07, but the new moon falls at 23:56 Beijing time on 2027-02-06, the date of the Spring Festival.
 * Near-midnight solar terms (within about 15 minutes) remain a theoretical limit of this module, which is why its
 * results are only ever used for *provisional* dates.
 */

export interface LunarMonth {
  /** the first day (初一), Gregorian */
  start: LocalDate;
  /** 1–12 */
  month: number;
  leap: boolean;
  /** 29 or 30 */
  days: number;
}

const cache = new Map<number, readonly LunarMonth[]>();

const newMoonDay = (k: number) => toDayNumber(beijingDateOfJde(newMoonJde(k)));

/** The lunation whose month (in Beijing dates) contains the given day. */
function lunationContaining(day: number): number {
  let k = lunationNear(jdeOfBeijingMidnight(day));
  while (newMoonDay(k) > day) k--;
  while (newMoonDay(k + 1) <= day) k++;
  return k;
}

/**
 * The months from the eleventh month of the previous Gregorian year (the one containing 冬至 of year − 1) up
 * to, not including, the month containing 冬至 of `year`. Month 1 (正月) of the lunar year that begins in `year`
 * is among them, and so is every month up to the tenth.
 */
export function lunarMonthsOfYear(year: number): readonly LunarMonth[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const solsticeBefore = toDayNumber(beijingDateOfJde(solarTermJde(year - 1, 270)));
  const solsticeAfter = toDayNumber(beijingDateOfJde(solarTermJde(year, 270)));
  const first = lunationContaining(solsticeBefore);
  const last = lunationContaining(solsticeAfter);
  const starts = Array.from({ length: last - first + 1 }, (_, i) => newMoonDay(first + i));
  const zone = (day: number) => Math.floor(solarLongitude(jdeOfBeijingMidnight(day)) / 30);
  const leapYear = starts.length - 1 === 13;
  let leapFound = false;
  let number = 11;
  const months: LunarMonth[] = [];
  for (let i = 0; i < starts.length - 1; i++) {
    const start = starts[i]!;
    let leap = false;
    if (i > 0) {
      leap = leapYear && !leapFound && zone(start) === zone(starts[i + 1]!);
      if (leap) leapFound = true;
      else number = (number % 12) + 1;
    }
    months.push({ start: fromDayNumber(start), month: number, leap, days: starts[i + 1]! - start });
  }
  cache.set(year, months);
  return months;
}

/** 正月初一 (the Spring Festival) of a Gregorian year. */
export function chineseNewYear(year: number): LocalDate {
  return lunarToGregorian(year, 1, 1);
}

/**
 * The Gregorian date of a day of a non-leap month 1–10 of the lunar year beginning in `year`
 * (e.g. (2025, 5, 5) → 端午 2025-05-31; (2025, 8, 15) → 中秋 2025-10-06).
 */
export function lunarToGregorian(year: number, month: number, day: number): LocalDate {
  if (!Number.isInteger(month) || month < 1 || month > 10)
    throw new RangeError(`农历月份应为 1–10：${month}`);
  const months = lunarMonthsOfYear(year);
  const found = months.find((m, i) => i > 0 && m.month === month && !m.leap);
  if (!found) throw new RangeError(`未能推算 ${year} 年农历${month}月`);
  if (!Number.isInteger(day) || day < 1 || day > found.days)
    throw new RangeError(`农历${month}月没有第 ${day} 日`);
  return addDays(found.start, day - 1);
}
