/** The working-day calendar: dates, official holiday schedules, provisional years. Pure: no I/O, no clock. */
import { BUNDLED_SCHEDULES } from './bundled.ts';
import type { Schedule } from './schedule.ts';
import type { WorkingCalendar } from './working-calendar.ts';
import { createWorkingCalendar } from './working-calendar.ts';

export * from './local-date.ts';
export * from './schedule.ts';
export * from './working-calendar.ts';
export { BUNDLED_SCHEDULES, BUNDLED_SOURCE } from './bundled.ts';
export { statutoryHolidays, qingmingDate } from './statutory-holidays.ts';
export type { StatutoryHoliday } from './statutory-holidays.ts';
export { chineseNewYear, lunarToGregorian } from './chinese-calendar.ts';

/** The bundled schedules 2018–2026 plus any uploaded ones (which override a bundled year's dates). */
export function bundledCalendar(uploaded: readonly Schedule[] = []): WorkingCalendar {
  return createWorkingCalendar([...BUNDLED_SCHEDULES, ...uploaded]);
}
