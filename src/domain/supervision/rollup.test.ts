import { describe, expect, it } from 'vitest';
import { emptyReport, getCell, setCell } from '../report/index.ts';
import { layoutCells, reportCells } from './cells.ts';
import type { RollupCandidate } from './rollup.ts';
import { assembleRollup, partitionRollup, sumReports } from './rollup.ts';

describe('rollup of reports', () => {
  it('normalises a report into its non-blank cells of its own layout', () => {
    const report = emptyReport('2021');
    setCell(report, 'requests', 'granted', 'natural', 3);
    setCell(report, 'active', 'fees', 'amount_wan', 12.5);
    setCell(report, 'appeals', 'reconsideration', 'pending', 0);
    expect(reportCells(report)).toEqual([
      { table: 'active', row: 'fees', column: 'amount_wan', value: 12.5 },
      { table: 'requests', row: 'granted', column: 'natural', value: 3 },
      { table: 'appeals', row: 'reconsideration', column: 'pending', value: 0 },
    ]);
    expect(layoutCells('2021')).toHaveLength(10 + 25 * 7 + 15);
    expect(layoutCells('2019')).toHaveLength(22 + 23 * 7 + 15);
  });

  it('sums cell by cell, blank only where every report is blank, decimals rounded', () => {
    const a = emptyReport('2021');
    const b = emptyReport('2021');
    setCell(a, 'requests', 'granted', 'natural', 3);
    setCell(b, 'requests', 'granted', 'natural', 4);
    setCell(a, 'active', 'fees', 'amount_wan', 0.1);
    setCell(b, 'active', 'fees', 'amount_wan', 0.2);
    setCell(b, 'appeals', 'litigation_direct', 'total', 0);
    const sum = sumReports('2021', 2025, '某区', [a, b]);
    expect(getCell(sum, 'requests', 'granted', 'natural')).toBe(7);
    expect(getCell(sum, 'active', 'fees', 'amount_wan')).toBe(0.3);
    expect(getCell(sum, 'appeals', 'litigation_direct', 'total')).toBe(0);
    expect(getCell(sum, 'requests', 'granted', 'legal')).toBeNull();
    const assembled = assembleRollup('2021', 2025, '某区', [
      { table: 'requests', row: 'granted', column: 'natural', sum: 7 },
      { table: 'active', row: 'fees', column: 'amount_wan', sum: 0.30000000000000004 },
      { table: 'appeals', row: 'litigation_direct', column: 'total', sum: 0 },
      { table: 'requests', row: 'other_handling', column: 'natural', sum: 9 },
    ]);
    expect(assembled).toEqual(sum);
  });

  it('sums one layout and says why each other report is left out', () => {
    const c = (agencyId: number, over: Partial<RollupCandidate>): RollupCandidate => ({
      agencyId,
      reportId: agencyId * 10,
      status: 'submitted',
      format: '2021',
      rollup: false,
      ...over,
    });
    const { included, excluded } = partitionRollup(
      [
        c(1, {}),
        c(2, { status: 'published' }),
        c(3, { format: '2019' }),
        c(4, { status: 'draft' }),
        c(5, { status: 'not_started', reportId: null, format: null }),
        c(6, { rollup: true }),
        c(7, { status: 'submitted' }),
      ],
      { format: '2021', statuses: ['cleared', 'published'] },
    );
    expect(included.map((i) => i.agencyId)).toEqual([2]);
    expect(excluded.map((e) => [e.agencyId, e.reason])).toEqual([
      [1, 'status_not_chosen'],
      [3, 'status_not_chosen'],
      [4, 'not_arrived'],
      [5, 'no_report'],
      [6, 'rollup'],
      [7, 'status_not_chosen'],
    ]);
    expect(excluded[0]!.message).toContain('已报送待审核');
    const all = partitionRollup([c(3, { format: '2019' })], { format: '2021' });
    expect(all.excluded[0]!.message).toBe('年度报告采用另一种格式，两种格式的表格不能相加（2019 年版）');
  });
});
