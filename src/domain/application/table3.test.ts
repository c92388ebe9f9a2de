import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import type { ApplicationSummary } from './table3.ts';
import { countedRows, requestsFromRecords } from './table3.ts';

const s = (
  applicantColumn: ApplicationSummary['applicantColumn'],
  receivedDate: string,
  closedDate: string | null = null,
  outcome: ApplicationSummary['outcome'] = null,
): ApplicationSummary => ({ applicantColumn, receivedDate, closedDate, outcome });

describe('table 三 from the register', () => {
  const records = [
    s('natural', '2024-12-20', '2025-01-10', 'granted'), // carried over, closed in 2025
    s('natural', '2024-12-28'), // carried over, still open
    s('natural', '2024-06-01', '2024-12-31', 'granted'), // closed before 2025: not counted
    s('commercial', '2025-03-02', '2025-03-30', 'denied_third_party'),
    s('legal', '2025-12-30', '2026-01-05', 'other_no_fee'), // received in 2025, carried forward
    s('research', '2025-05-05', '2025-05-06', 'other_other'),
    s('other', '2026-01-02'), // next year: not counted
  ];

  it('counts new, carried over, results and carried forward by column (2021 layout for 2025)', () => {
    const t = requestsFromRecords(records, 2025, '2021');
    expect(t.new_received).toEqual({
      natural: 0,
      commercial: 1,
      research: 1,
      nonprofit: 0,
      legal: 1,
      other: 0,
      total: 3,
    });
    expect(t.carried_over).toMatchObject({ natural: 2, total: 2 });
    expect(t.granted).toMatchObject({ natural: 1, total: 1 });
    expect(t.denied_third_party).toMatchObject({ commercial: 1, total: 1 });
    expect(t.other_other).toMatchObject({ research: 1, total: 1 });
    expect(t.other_no_fee.total).toBe(0);
    expect(t.total).toEqual({
      natural: 1,
      commercial: 1,
      research: 1,
      nonprofit: 0,
      legal: 0,
      other: 0,
      total: 3,
    });
    expect(t.carry_forward).toEqual({
      natural: 1,
      commercial: 0,
      research: 0,
      nonprofit: 0,
      legal: 1,
      other: 0,
      total: 2,
    });
    expect(t.new_received.total! + t.carried_over.total!).toBe(t.total.total! + t.carry_forward.total!);
  });

  it('uses the 2019 layout for 2019–2020, with the （六） outcomes in （六）其他处理', () => {
    const t = requestsFromRecords(
      [
        s('legal', '2020-03-01', '2020-04-01', 'other_no_fee'),
        s('natural', '2020-03-01', '2020-04-01', 'other_other'),
      ],
      2020,
    );
    expect(t).toHaveProperty('other_handling', expect.objectContaining({ legal: 1, natural: 1, total: 2 }));
    expect(t).not.toHaveProperty('other_no_fee');
    expect(countedRows(records[4]!, 2026)).toEqual(['carried_over', 'other_no_fee', 'total']);
    expect(countedRows(records[4]!, 2026, '2019')).toEqual(['carried_over', 'other_handling', 'total']);
  });

  it('tells which rows one application is counted in (for drill-down)', () => {
    expect(countedRows(records[0]!, 2024)).toEqual(['new_received', 'carry_forward']);
    expect(countedRows(records[0]!, 2025)).toEqual(['carried_over', 'granted', 'total']);
    expect(countedRows(records[0]!, 2026)).toEqual([]);
    expect(countedRows(records[1]!, 2030)).toEqual(['carried_over', 'carry_forward']);
    expect(countedRows(records[2]!, 2024)).toEqual(['new_received', 'granted', 'total']);
  });

  it('refuses inconsistent summaries, naming the application', () => {
    expect(() => requestsFromRecords([s('natural', '2025-01-02', '2025-01-03')], 2025)).toThrow(AppError);
    expect(() =>
      requestsFromRecords([records[0]!, s('natural', '2025-01-02', '2025-01-01', 'granted')], 2025),
    ).toThrow('第 2 件申请：办结日期早于收到申请之日');
  });
});
