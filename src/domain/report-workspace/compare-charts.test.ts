import { describe, expect, it } from 'vitest';
import { emptyReport, setCell } from '../report/index.ts';
import { yearCharts } from './charts.ts';
import { compareReports } from './compare.ts';

describe('last year side by side', () => {
  it('pairs every cell with last year’s and marks the changes', () => {
    const now = emptyReport('2021', 0);
    const before = emptyReport('2021', 0);
    setCell(now, 'requests', 'new_received', 'total', 12);
    setCell(before, 'requests', 'new_received', 'total', 9);
    setCell(before, 'appeals', 'reconsideration', 'pending', 1);
    const changes = compareReports(now, before);
    const changed = changes.filter((c) => c.changed);
    expect(changed.map((c) => [c.path, c.previous, c.current, c.change])).toEqual([
      ['requests.new_received.total', 9, 12, 3],
      ['appeals.reconsideration.pending', 1, 0, -1],
    ]);
    expect(changed[0]!.label).toBe('表三“一、本年新收”行“总计”列');
  });

  it('compares across layouts only the cells both have', () => {
    const now = emptyReport('2021', 1);
    const before = emptyReport('2019', 1);
    const changes = compareReports(now, before);
    const byPath = new Map(changes.map((c) => [c.path, c]));
    expect(byPath.get('requests.other_no_fee.total')).toMatchObject({
      comparable: false,
      previous: null,
      changed: false,
    });
    expect(byPath.get('active.penalty.decisions')).toMatchObject({ comparable: true, changed: false });
    expect(byPath.get('active.rules.issued')).toMatchObject({ comparable: false });
  });
});

describe('charts of the year', () => {
  it('counts by month, groups outcomes and computes the on-time rate from replies only', () => {
    const charts = yearCharts(
      2025,
      [
        {
          receivedOn: '2024-12-20',
          closedOn: '2025-01-10',
          outcome: 'granted',
          replied: true,
          replyDueOn: '2025-01-20',
        },
        {
          receivedOn: '2025-01-05',
          closedOn: '2025-03-01',
          outcome: 'denied_third_party',
          replied: true,
          replyDueOn: '2025-02-20',
        },
        {
          receivedOn: '2025-03-05',
          closedOn: '2025-04-30',
          outcome: 'other_no_correction',
          replied: false,
          replyDueOn: null,
        },
        { receivedOn: '2025-12-30', closedOn: null, outcome: null, replied: false, replyDueOn: '2026-01-28' },
      ],
      [{ code: 'xzcf', name: '行政处罚', count: 4 }],
    );
    expect(charts.byMonth.map((m) => m.received)).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(charts.byMonth.map((m) => m.closed)).toEqual([1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(charts.outcomes.map((o) => [o.group, o.count])).toEqual([
      ['granted', 1],
      ['partially_granted', 0],
      ['denied', 1],
      ['unable', 0],
      ['not_handled', 0],
      ['other', 1],
    ]);
    expect(charts.onTime).toEqual({ replied: 2, onTime: 1, late: 1, rate: 50 });
    expect(charts.proactive).toEqual([{ code: 'xzcf', name: '行政处罚', count: 4 }]);
  });
});
