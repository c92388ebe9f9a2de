import { describe, expect, it } from 'vitest';
import { bundledCalendar } from './index.ts';
import type { Schedule } from './schedule.ts';
import r2018 from './schedules/2018.json' with { type: 'json' };
import r2019 from './schedules/2019.json' with { type: 'json' };
import r2020 from './schedules/2020.json' with { type: 'json' };
import r2021 from './schedules/2021.json' with { type: 'json' };
import r2022 from './schedules/2022.json' with { type: 'json' };
import r2023 from './schedules/2023.json' with { type: 'json' };
import r2024 from './schedules/2024.json' with { type: 'json' };
import r2025 from './schedules/2025.json' with { type: 'json' };
import r2026 from './schedules/2026.json' with { type: 'json' };

const calendar = bundledCalendar();

/**
 * The oracle: written separately from the calendar, straight from the raw JSON — a date listed in any file is
 * off or working as listed, any other date is working on Monday–Friday.
 */
const raw = new Map<string, boolean>();
for (const file of [r2018, r2019, r2020, r2021, r2022, r2023, r2024, r2025, r2026])
  for (const d of file.days) raw.set(d.date, !d.isOffDay);
const next = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};
const rawWorking = (date: string) =>
  raw.get(date) ?? ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const walk = (start: string, n: number) => {
  let date = start;
  for (let left = n; left > 0;) {
    date = next(date);
    if (rawWorking(date)) left--;
  }
  return date;
};

describe('addWorkingDays against an independent day-by-day count', () => {
  it('agrees for every start day of 2019–2026 and periods of 1, 7, 15, 20 and 40 working days', () => {
    let checked = 0;
    for (let start = '2019-01-01'; start <= '2026-12-31'; start = next(start))
      for (const n of [1, 7, 15, 20, 40]) {
        const expected = walk(start, n);
        const got = calendar.addWorkingDays(start, n);
        if (expected < '2026-12-25') {
          expect(got, `${start} + ${n}`).toEqual({ date: expected, provisional: false });
          expect(calendar.workingDaysBetween(start, expected)).toEqual({ days: n, provisional: false });
          checked++;
        } else expect(got.provisional, `${start} + ${n}`).toBe(true);
      }
    expect(checked).toBeGreaterThan(14_000);
  });

  it('agrees day by day on isWorkingDay for 2018–2026 (up to the late-December window of 2026)', () => {
    for (let d = '2018-01-01'; d < '2026-12-25'; d = next(d))
      expect(calendar.isWorkingDay(d), d).toBe(rawWorking(d));
  });
});

describe('real dates', () => {
  it.each([
    // [start, n, expected, why]
    ['2026-02-13', 1, '2026-02-14', '调休 Saturday before the Spring Festival 2026 is a working day'],
    ['2026-02-14', 1, '2026-02-24', 'Spring Festival 2026: 02-15–02-23 off'],
    ['2026-02-27', 1, '2026-02-28', '调休 Saturday after the Spring Festival 2026'],
    ['2025-01-24', 1, '2025-01-26', '调休 Sunday before the Spring Festival 2025'],
    ['2025-01-26', 1, '2025-01-27', ''],
    ['2025-01-27', 1, '2025-02-05', 'Spring Festival 2025: 01-28–02-04 off'],
    ['2025-01-20', 20, '2025-02-21', 'a reply period across the Spring Festival 2025'],
    ['2025-09-26', 1, '2025-09-28', '调休 Sunday before National Day 2025'],
    ['2025-09-30', 1, '2025-10-09', 'National Day and 中秋 2025: 10-01–10-08 off'],
    ['2025-10-09', 2, '2025-10-11', '调休 Saturday after National Day 2025'],
    ['2026-09-24', 7, '2026-10-12', '中秋 09-25–27 and National Day 10-01–07, 2026; 10-10 worked'],
    ['2026-09-24', 20, '2026-10-29', ''],
    ['2025-12-31', 1, '2026-01-04', 'year boundary: 2026-01-01–03 off, Sunday 01-04 worked'],
    ['2018-12-28', 1, '2018-12-29', 'a 2018 date arranged by the 2019 notice'],
    ['2018-12-29', 1, '2019-01-02', '2018-12-30–2019-01-01 off'],
    ['2022-12-30', 1, '2023-01-03', '2022-12-31 (in the 2023 file)–2023-01-02 off'],
    ['2020-01-23', 1, '2020-02-03', 'Spring Festival 2020 as extended'],
  ])('%s + %i WD = %s (%s)', (start, n, expected) => {
    expect(calendar.addWorkingDays(start, n)).toEqual({ date: expected, provisional: false });
  });

  it('n = 0 is the day itself; negative or fractional n is refused', () => {
    expect(calendar.addWorkingDays('2026-02-15', 0)).toEqual({ date: '2026-02-15', provisional: false });
    expect(() => calendar.addWorkingDays('2026-02-15', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-15', 1.5)).toThrow(RangeError);
  });

  it('counts working days between dates in either direction', () => {
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-24')).toEqual({ days: 2, provisional: false });
    expect(calendar.workingDaysBetween('2026-02-24', '2026-02-13')).toEqual({ days: -2, provisional: false });
    expect(calendar.workingDaysBetween('2026-02-14', '2026-02-14')).toEqual({ days: 0, provisional: false });
  });

  it('moves a date off a holiday to the next working day', () => {
    expect(calendar.workingDayOnOrAfter('2025-10-01')).toEqual({ date: '2025-10-09', provisional: false });
    expect(calendar.workingDayOnOrAfter('2025-10-11')).toEqual({ date: '2025-10-11', provisional: false });
  });

  it('names holidays and 调休 days', () => {
    expect(calendar.day('2026-02-17')).toEqual({
      date: '2026-02-17',
      working: false,
      provisional: false,
      name: '春节',
    });
    expect(calendar.day('2026-02-14')).toMatchObject({ working: true, name: '春节' });
    expect(calendar.day('2026-03-02')).toMatchObject({ working: true, name: null });
  });
});

describe('provisional dates (no published schedule)', () => {
  it.each([
    ['2027-01-25', 20, '2027-02-24', 'Spring Festival 2027 by statute: 除夕 02-05 to 初三 02-08'],
    ['2027-04-02', 1, '2027-04-06', '清明 2027-04-05 (Monday)'],
    ['2027-04-30', 1, '2027-05-03', '劳动节 5/1–5/2 fall on a weekend; no 调休 is assumed'],
    ['2027-09-30', 1, '2027-10-04', 'National Day 10-01–10-03'],
    ['2027-06-08', 1, '2027-06-10', '端午 2027-06-09'],
  ])('%s + %i WD = %s (%s)', (start, n, expected) => {
    expect(calendar.addWorkingDays(start, n)).toEqual({ date: expected, provisional: true });
  });

  it('marks any computation reaching into 2027, or into late December 2026, as provisional', () => {
    expect(calendar.addWorkingDays('2026-12-10', 5).provisional).toBe(false);
    expect(calendar.addWorkingDays('2026-12-10', 20)).toEqual({ date: '2027-01-08', provisional: true });
    expect(calendar.day('2026-12-28').provisional).toBe(true);
    expect(calendar.day('2026-12-24').provisional).toBe(false);
    expect(calendar.workingDaysBetween('2026-12-01', '2027-01-05').provisional).toBe(true);
    expect(calendar.hasSchedule(2027)).toBe(false);
  });

  it('stops being provisional once the year is loaded, and an upload overrides', () => {
    const y2027: Schedule = {
      year: 2027,
      days: [
        { date: '2027-02-05', name: '春节', isOffDay: true },
        { date: '2027-02-06', name: '春节', isOffDay: true },
        { date: '2027-02-07', name: '春节', isOffDay: true },
        { date: '2027-02-08', name: '春节', isOffDay: true },
        { date: '2027-02-09', name: '春节', isOffDay: true },
        { date: '2027-02-10', name: '春节', isOffDay: true },
        { date: '2027-02-11', name: '春节', isOffDay: true },
        { date: '2027-02-20', name: '春节', isOffDay: false },
      ],
    };
    const loaded = bundledCalendar([y2027]);
    expect(loaded.hasSchedule(2027)).toBe(true);
    expect(loaded.addWorkingDays('2026-12-10', 5).provisional).toBe(false);
    expect(loaded.addWorkingDays('2027-02-04', 1)).toEqual({ date: '2027-02-12', provisional: false });
    expect(loaded.addWorkingDays('2027-02-19', 1)).toEqual({ date: '2027-02-20', provisional: false });
    const corrected = bundledCalendar([
      { year: 2026, days: [{ date: '2026-03-02', name: '测试', isOffDay: true }] },
    ]);
    expect(corrected.isWorkingDay('2026-03-02')).toBe(false);
    expect(corrected.isWorkingDay('2026-02-17')).toBe(false);
  });
});
