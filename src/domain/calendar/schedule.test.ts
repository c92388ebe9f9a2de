import { describe, expect, it } from 'vitest';
import { BUNDLED_SCHEDULES } from './bundled.ts';
import { validateSchedule } from './schedule.ts';
import r2020 from './schedules/2020.json' with { type: 'json' };
import r2026 from './schedules/2026.json' with { type: 'json' };

const errorsOf = (input: unknown, year?: number) => {
  const result = validateSchedule(input, year);
  return result.ok ? [] : result.errors;
};

describe('validateSchedule', () => {
  it('accepts every bundled file, normalised and sorted, without the extra fields', () => {
    expect(BUNDLED_SCHEDULES.map((s) => s.year)).toEqual([
      2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    const result = validateSchedule(r2026, 2026);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.schedule)).toEqual(['year', 'days']);
    expect(result.schedule.days).toHaveLength(r2026.days.length);
    expect(result.warnings).toEqual([]);
  });

  it('warns, without refusing, about a listed working day that is a weekday (2020-02-03)', () => {
    const result = validateSchedule(r2020);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual(['第 13 项（2020-02-03）：调休上班日不是周六或周日']);
  });

  it('accepts the previous December from the 25th (元旦 arrangements)', () => {
    const days = [
      { date: '2018-12-29', name: '元旦', isOffDay: false },
      { date: '2019-01-01', name: '元旦', isOffDay: true },
    ];
    expect(errorsOf({ year: 2019, days })).toEqual([]);
    expect(
      errorsOf({ year: 2019, days: [...days, { date: '2018-12-01', name: 'x', isOffDay: true }] }),
    ).toEqual(['第 3 项（2018-12-01）：日期不属于 2019 年（只可包含上一年 12 月 25 日以后的元旦安排）']);
  });

  it('names every bad entry in Chinese', () => {
    const errors = errorsOf({
      year: 2027,
      days: [
        { date: '2027-02-30', name: '春节', isOffDay: true },
        { date: '2027-02-06', name: '', isOffDay: true },
        { date: '2027-02-07', name: '春节', isOffDay: 'yes' },
        { date: '2028-01-01', name: '元旦', isOffDay: true },
        { date: '2027-02-08', name: '春节', isOffDay: true },
        { date: '2027-02-08', name: '春节', isOffDay: true },
        'x',
      ],
    });
    expect(errors).toEqual([
      '第 1 项：日期（date）“2027-02-30”无效，应为 YYYY-MM-DD',
      '第 2 项（2027-02-06）：缺少节日名称（name）',
      '第 3 项（2027-02-07）：isOffDay 应为 true（放假）或 false（调休上班）',
      '第 4 项（2028-01-01）：日期不属于 2027 年（只可包含上一年 12 月 25 日以后的元旦安排）',
      '第 6 项（2027-02-08）：日期与第 5 项重复',
      '第 7 项：应为含 date、name、isOffDay 的对象',
    ]);
  });

  it('refuses a wrong or missing year, a missing list, and a file for another year', () => {
    expect(errorsOf(null)).toEqual(['放假安排应为 JSON 对象，含 year 和 days']);
    expect(errorsOf({ year: '2027', days: [] })).toEqual([
      '年份（year）应为 2000–2100 之间的整数，实际为 "2027"',
      '缺少放假安排日期列表（days），或列表为空',
    ]);
    expect(
      errorsOf({ year: 2027, days: [{ date: '2027-01-01', name: '元旦', isOffDay: true }] }, 2028),
    ).toEqual(['文件中的年份为 2027，但上传的是 2028 年的放假安排']);
  });

  it('warns when a statutory holiday is missing from the days off', () => {
    const result = validateSchedule({
      year: 2027,
      days: [{ date: '2027-01-01', name: '元旦', isOffDay: true }],
    });
    expect(result.ok).toBe(true);
    expect(result.warnings).toContain('法定节假日 2027-02-08（春节）未列为放假日，请核对通知原文');
    expect(result.warnings).not.toContain('法定节假日 2027-02-06（春节）未列为放假日，请核对通知原文'); // a Saturday
  });
});
