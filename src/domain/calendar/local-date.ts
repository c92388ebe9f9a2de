/**
 * Calendar dates without a time or a zone: 'YYYY-MM-DD' strings. All arithmetic goes through day numbers
 * (days since 1970-01-01) computed with `Date.UTC`, so no local time zone or daylight-saving rule can shift a
 * date. Years 1900–2199 only: statutory deadlines never leave that range, and it keeps `Date.UTC` away from its
 * two-digit-year quirk.
 */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** The parts of a valid date, or null when the text is not a real 'YYYY-MM-DD' date in range. */
export function dateParts(value: string): DateParts | null {
  const match = PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && dateParts(value) !== null;
}

function partsOf(date: LocalDate): DateParts {
  const parts = dateParts(date);
  if (!parts) throw new RangeError(`不是有效日期（应为 ${MIN_YEAR}–${MAX_YEAR} 年的 YYYY-MM-DD）：${date}`);
  return parts;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The date with these parts; throws a RangeError for an impossible date. */
export function localDate(year: number, month: number, day: number): LocalDate {
  const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  partsOf(text);
  return text;
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: LocalDate): number {
  const { year, month, day } = partsOf(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): LocalDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return localDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const d = ((toDayNumber(date) % 7) + 7) % 7; // 1970-01-01 was a Thursday (ISO 4)
  return ((d + 3) % 7) + 1;
}

export function isWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6;
}

export function yearOf(date: LocalDate): number {
  return partsOf(date).year;
}

/** 'YYYY-MM': the calendar month, e.g. for counting an applicant's applications in a month (国办函〔2020〕109号). */
export function monthOf(date: LocalDate): string {
  partsOf(date);
  return date.slice(0, 7);
}

/** Dates compare as strings; these helpers say so explicitly. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);
export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);

/**
 * The calendar date in Beijing (UTC+8, no daylight saving since 1991) at a given instant: how the edges turn
 * the clock into `today`. Pure: the instant is an argument.
 */
export function beijingDate(instant: Date): LocalDate {
  const shifted = new Date(instant.getTime() + 8 * 3_600_000);
  return localDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}
