import { describe, expect, it } from 'vitest';
import {
  addDays,
  beijingDate,
  dateParts,
  daysBetween,
  fromDayNumber,
  isLocalDate,
  isoWeekday,
  isWeekend,
  localDate,
  monthOf,
  toDayNumber,
  yearOf,
} from './local-date.ts';

describe('LocalDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-4-1', false],
    ['1899-12-31', false],
    ['2199-12-31', true],
    ['2026-09-24T00:00', false],
  ])('%s is a valid date: %s', (text, valid) => {
    expect(isLocalDate(text)).toBe(valid);
    expect(dateParts(text) !== null).toBe(valid);
  });

  it('counts days across months, leap days and years in UTC', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2026-09-24'))).toBe('2026-09-24');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-03-29', '2026-03-30')).toBe(1); // a European DST change changes nothing
  });

  it('knows the weekday (ISO: Monday 1 … Sunday 7)', () => {
    expect(isoWeekday('2026-09-24')).toBe(4);
    expect(isoWeekday('2026-02-14')).toBe(6);
    expect(isoWeekday('2025-01-26')).toBe(7);
    expect(isWeekend('2026-02-28')).toBe(true);
    expect(isWeekend('2026-03-02')).toBe(false);
    expect(isoWeekday('1969-12-31')).toBe(3);
  });

  it('gives year and month, and rejects impossible dates loudly', () => {
    expect(yearOf('2027-02-06')).toBe(2027);
    expect(monthOf('2027-02-06')).toBe('2027-02');
    expect(localDate(2027, 2, 6)).toBe('2027-02-06');
    expect(() => localDate(2027, 2, 29)).toThrow(RangeError);
    expect(() => toDayNumber('2027-02-30')).toThrow(/不是有效日期/);
  });

  it('turns an instant into the Beijing date (UTC+8)', () => {
    expect(beijingDate(new Date('2026-09-23T15:59:59Z'))).toBe('2026-09-23');
    expect(beijingDate(new Date('2026-09-23T16:00:00Z'))).toBe('2026-09-24');
    expect(beijingDate(new Date('2025-12-31T20:00:00Z'))).toBe('2026-01-01');
  });
});
