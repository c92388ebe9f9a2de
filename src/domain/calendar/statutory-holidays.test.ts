import { describe, expect, it } from 'vitest';
import { BUNDLED_SCHEDULES } from './bundled.ts';
import { chineseNewYear, lunarMonthsOfYear, lunarToGregorian } from './chinese-calendar.ts';
import { isWeekend } from './local-date.ts';
import { qingmingDate, statutoryHolidays } from './statutory-holidays.ts';

describe('the Chinese calendar (GB/T 33661-2017 from Meeus astronomy)', () => {
  // Spring Festival dates as published (Hong Kong Observatory / 紫金山天文台 tables).
  it.each([
    [2018, '2018-02-16'],
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'], // new moon 23:56 Beijing time; ICU's Chinese calendar says 02-07
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2030, '2030-02-03'], // new moon 00:07 Beijing time; ICU says 02-02
    [2031, '2031-01-23'],
    [2032, '2032-02-11'],
    [2033, '2033-01-31'],
    [2034, '2034-02-19'],
    [2035, '2035-02-08'],
  ])('正月初一 %i is %s', (year, date) => {
    expect(chineseNewYear(year)).toBe(date);
  });

  it.each([
    [2020, '2020-06-25', '2020-10-01'], // leap 4th month before 端午
    [2023, '2023-06-22', '2023-09-29'], // leap 2nd month
    [2025, '2025-05-31', '2025-10-06'], // leap 6th month between 端午 and 中秋
    [2027, '2027-06-09', '2027-09-15'],
  ])('端午 and 中秋 %i', (year, duanwu, zhongqiu) => {
    expect(lunarToGregorian(year, 5, 5)).toBe(duanwu);
    expect(lunarToGregorian(year, 8, 15)).toBe(zhongqiu);
  });

  it('puts the leap month where the rules put it (2025: 闰六月; 2033: 闰十一月)', () => {
    expect(lunarMonthsOfYear(2025).filter((m) => m.leap)).toEqual([
      { start: '2025-07-25', month: 6, leap: true, days: 29 },
    ]);
    expect(lunarMonthsOfYear(2034).find((m) => m.leap)).toMatchObject({ start: '2033-12-22', month: 11 });
    expect(lunarMonthsOfYear(2026).some((m) => m.leap)).toBe(false);
  });

  it('rejects months it does not compute', () => {
    expect(() => lunarToGregorian(2026, 12, 1)).toThrow(RangeError);
    expect(() => lunarToGregorian(2026, 1, 31)).toThrow(RangeError);
  });

  it.each([
    [2018, '2018-04-05'],
    [2019, '2019-04-05'],
    [2020, '2020-04-04'],
    [2024, '2024-04-04'],
    [2025, '2025-04-04'],
    [2026, '2026-04-05'],
    [2027, '2027-04-05'],
    [2028, '2028-04-04'],
  ])('清明 %i is %s', (year, date) => {
    expect(qingmingDate(year)).toBe(date);
  });
});

describe('statutory holidays', () => {
  it('are all days off in every official schedule 2018–2026 (the computed rules agree with the notices)', () => {
    for (const schedule of BUNDLED_SCHEDULES) {
      const listed = new Map(schedule.days.map((d) => [d.date, d.isOffDay]));
      for (const h of statutoryHolidays(schedule.year))
        expect(listed.get(h.date) ?? isWeekend(h.date), `${h.date} ${h.name}`).toBe(true);
    }
  });

  it('follow the 2024 revision from 2025: 除夕 and 5/2 added', () => {
    const before = statutoryHolidays(2024).map((h) => h.date);
    const after = statutoryHolidays(2025).map((h) => h.date);
    expect(before).toHaveLength(11);
    expect(before).not.toContain('2024-02-09'); // 除夕 2024
    expect(before).not.toContain('2024-05-02');
    expect(after).toHaveLength(13);
    expect(after).toEqual(expect.arrayContaining(['2025-01-28', '2025-05-02']));
  });

  it('are the 13 dates of 2027', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ]);
  });

  it('merge a 中秋 that falls on 国庆 into one day (2020-10-01)', () => {
    const days = statutoryHolidays(2020);
    expect(days.find((d) => d.date === '2020-10-01')?.name).toBe('中秋节、国庆节');
    expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
  });
});
