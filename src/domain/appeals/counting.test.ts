import { describe, expect, it } from 'vitest';
import { emptyReport, validateReport } from '../report/index.ts';
import type { AppealCase } from './appeal-case.ts';
import { appealsTable, countedResult } from './counting.ts';

const base: AppealCase = {
  id: 1,
  agencyId: 1,
  applicationId: null,
  kind: 'reconsideration',
  body: '某市某区人民政府',
  caseNumber: '某区府复〔2024〕1号',
  filedOn: '2024-03-10',
  decidedOn: null,
  result: null,
  note: null,
};
const kase = (id: number, over: Partial<AppealCase>): AppealCase => ({
  ...base,
  id,
  caseNumber: `案${id}`,
  ...over,
});

describe('table 四 counting rule', () => {
  it.each([
    // filed, decided, result, year → column (null: not counted)
    ['2024-03-10', null, null, 2023, null],
    ['2024-03-10', null, null, 2024, 'pending'],
    ['2024-03-10', null, null, 2026, 'pending'],
    ['2024-03-10', '2024-12-31', 'upheld', 2024, 'upheld'],
    ['2024-03-10', '2024-12-31', 'upheld', 2025, null],
    ['2024-12-31', '2025-01-01', 'corrected', 2024, 'pending'],
    ['2024-12-31', '2025-01-01', 'corrected', 2025, 'corrected'],
    ['2024-12-31', '2025-01-01', 'corrected', 2026, null],
    ['2023-05-01', '2025-06-30', 'other', 2024, 'pending'],
    ['2023-05-01', '2025-06-30', 'other', 2025, 'other'],
  ] as const)('filed %s, decided %s (%s): in %i → %s', (filedOn, decidedOn, result, year, expected) => {
    expect(countedResult({ filedOn, decidedOn, result }, year)).toBe(expected);
  });

  it('counts each case once per year in its group, total = the four results, with the cases behind each cell', () => {
    const cases = [
      kase(1, { filedOn: '2025-02-01', decidedOn: '2025-04-01', result: 'upheld' }),
      kase(2, { filedOn: '2025-03-01', decidedOn: '2025-05-01', result: 'corrected' }),
      kase(3, { kind: 'litigation_direct', filedOn: '2025-06-01' }),
      kase(4, {
        kind: 'litigation_after_reconsideration',
        filedOn: '2024-11-01',
        decidedOn: '2025-02-01',
        result: 'other',
      }),
      kase(5, { kind: 'litigation_direct', filedOn: '2026-01-05' }),
    ];
    const t = appealsTable(cases, 2025);
    expect(t.appeals.reconsideration).toEqual({ upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 });
    expect(t.appeals.litigation_direct).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(t.appeals.litigation_after_reconsideration).toEqual({
      upheld: 0,
      corrected: 0,
      other: 1,
      pending: 0,
      total: 1,
    });
    expect(t.cells['reconsideration.total']).toEqual([1, 2]);
    expect(t.cells['litigation_direct.pending']).toEqual([3]);
    expect(t.cells['litigation_after_reconsideration.other']).toEqual([4]);
  });

  it("carries pending cases so that the validator's cross-year rule holds, and breaks it when a case is dropped", () => {
    const cases = [
      kase(1, { filedOn: '2024-09-01' }),
      kase(2, { filedOn: '2024-10-01', decidedOn: '2025-03-01', result: 'corrected' }),
      kase(3, {
        kind: 'litigation_direct',
        filedOn: '2024-12-20',
        decidedOn: '2025-01-15',
        result: 'upheld',
      }),
      kase(4, { filedOn: '2024-01-10', decidedOn: '2024-02-10', result: 'upheld' }),
    ];
    const report = (year: number, list: AppealCase[]) => {
      const r = emptyReport('2021', 0);
      r.year = year;
      r.agency = '某市某区卫生健康局';
      r.appeals = appealsTable(list, year).appeals;
      return r;
    };
    const last = report(2024, cases);
    expect(last.appeals.reconsideration.pending).toBe(2);
    expect(last.appeals.litigation_direct.pending).toBe(1);
    const now = report(2025, cases);
    expect(now.appeals.reconsideration).toEqual({ upheld: 0, corrected: 1, other: 0, pending: 1, total: 2 });
    const crossYear = (f: { code: string }) => f.code.startsWith('cross_year') || f.code.startsWith('table4');
    expect(validateReport(now, { previous: last }).filter(crossYear)).toEqual([]);
    // a count that forgets carried-over cases (only cases filed in the year) fails the rule
    const filedOnly = report(
      2025,
      cases.filter((c) => c.filedOn >= '2025-01-01'),
    );
    expect(validateReport(filedOnly, { previous: last }).map((f) => f.code)).toContain('cross_year.pending');
  });
});
