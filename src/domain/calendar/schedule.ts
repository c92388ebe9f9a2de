import type { LocalDate } from './local-date.ts';
import { dateParts, isWeekend, localDate } from './local-date.ts';
import { statutoryHolidays } from './statutory-holidays.ts';

/**
 * One year's official holiday schedule (国务院办公厅关于YYYY年部分节假日安排的通知), in the shape of the
 * `NateScarlet/holiday-cn` files: the days off, and the weekend days that are working days (调休,
 * `isOffDay: false`). Days not listed follow the week: Monday–Friday work, Saturday and Sunday off.
 *
 * A year's notice may also arrange the last days of the previous December (2019.json lists 2018-12-29–31 for
 * 元旦), so a schedule may contain dates from {@link PRECEDING_DECEMBER_FROM} of the year before.
 */
export interface ScheduleDay {
  date: LocalDate;
  name: string;
  isOffDay: boolean;
}

export interface Schedule {
  year: number;
  days: readonly ScheduleDay[];
}

/** The earliest day of the previous year a schedule may arrange: December 25. */
export const PRECEDING_DECEMBER_FROM = 25;
/** The years for which a schedule is accepted (the bundled ones begin in 2018). */
export const MIN_SCHEDULE_YEAR = 2000;
export const MAX_SCHEDULE_YEAR = 2100;

export type ScheduleValidation =
  { ok: true; schedule: Schedule; warnings: string[] } | { ok: false; errors: string[]; warnings: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks an uploaded schedule (the JSON of one `YYYY.json`) and returns it normalised ({year, days} sorted by
 * date, other fields dropped), or every problem found, each naming the entry. Warnings do not block: a
 * statutory holiday missing from the days off, a 调休 working day that is not a weekend day.
 */
export function validateSchedule(input: unknown, expectedYear?: number): ScheduleValidation {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!isRecord(input)) return { ok: false, errors: ['放假安排应为 JSON 对象，含 year 和 days'], warnings };
  const year = input.year;
  const yearOk =
    typeof year === 'number' &&
    Number.isInteger(year) &&
    year >= MIN_SCHEDULE_YEAR &&
    year <= MAX_SCHEDULE_YEAR;
  if (!yearOk)
    errors.push(
      `年份（year）应为 ${MIN_SCHEDULE_YEAR}–${MAX_SCHEDULE_YEAR} 之间的整数，实际为 ${JSON.stringify(year)}`,
    );
  else if (expectedYear !== undefined && year !== expectedYear)
    errors.push(`文件中的年份为 ${year}，但上传的是 ${expectedYear} 年的放假安排`);
  if (!Array.isArray(input.days) || input.days.length === 0) {
    errors.push('缺少放假安排日期列表（days），或列表为空');
    return { ok: false, errors, warnings };
  }
  const days: ScheduleDay[] = [];
  const seen = new Map<string, number>();
  input.days.forEach((entry: unknown, index) => {
    const at = `第 ${index + 1} 项`;
    if (!isRecord(entry)) {
      errors.push(`${at}：应为含 date、name、isOffDay 的对象`);
      return;
    }
    const { date, name, isOffDay } = entry;
    const parts = typeof date === 'string' ? dateParts(date) : null;
    if (typeof date !== 'string' || !parts) {
      errors.push(`${at}：日期（date）“${String(date)}”无效，应为 YYYY-MM-DD`);
      return;
    }
    const where = `${at}（${date}）`;
    if (yearOk) {
      const inYear = parts.year === year;
      const precedingDecember =
        parts.year === year - 1 && parts.month === 12 && parts.day >= PRECEDING_DECEMBER_FROM;
      if (!inYear && !precedingDecember)
        errors.push(
          `${where}：日期不属于 ${year} 年（只可包含上一年 12 月 ${PRECEDING_DECEMBER_FROM} 日以后的元旦安排）`,
        );
    }
    if (typeof name !== 'string' || name.trim() === '') errors.push(`${where}：缺少节日名称（name）`);
    if (typeof isOffDay !== 'boolean')
      errors.push(`${where}：isOffDay 应为 true（放假）或 false（调休上班）`);
    const first = seen.get(date);
    if (first !== undefined) errors.push(`${where}：日期与第 ${first} 项重复`);
    else seen.set(date, index + 1);
    if (typeof name === 'string' && name.trim() !== '' && typeof isOffDay === 'boolean') {
      days.push({ date, name: name.trim(), isOffDay });
      if (!isOffDay && !isWeekend(date)) warnings.push(`${where}：调休上班日不是周六或周日`);
    }
  });
  if (errors.length > 0 || !yearOk) return { ok: false, errors, warnings };
  const listed = new Map(days.map((d) => [d.date, d.isOffDay]));
  for (const holiday of statutoryHolidays(year))
    if (!(listed.get(holiday.date) ?? isWeekend(holiday.date)))
      warnings.push(`法定节假日 ${holiday.date}（${holiday.name}）未列为放假日，请核对通知原文`);
  if (!days.some((d) => d.date >= localDate(year, 1, 1)))
    return { ok: false, errors: [`没有 ${year} 年内的日期`], warnings };
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: true, schedule: { year, days }, warnings };
}
