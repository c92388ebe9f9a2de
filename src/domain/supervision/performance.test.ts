import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/index.ts';
import { monthsBetween, performanceTable } from './performance.ts';
import { rankBy } from './ranking.ts';

const calendar = bundledCalendar();
const workingDays = (from: string, to: string) => calendar.workingDaysBetween(from, to).days;

describe('performance of agencies from their records', () => {
  const table = performanceTable([1, 2, 3], {
    months: monthsBetween('2025-01', '2025-03'),
    received: [
      { agencyId: 1, month: '2025-01', count: 4 },
      { agencyId: 2, month: '2025-03', count: 2 },
      { agencyId: 9, month: '2025-01', count: 100 }, // outside the subtree: ignored
    ],
    closed: [
      // on time: 2025-01-06 → 2025-02-05, due 2025-02-10 (20 WD after receipt over 春节)
      {
        agencyId: 1,
        receivedOn: '2025-01-06',
        closedOn: '2025-02-05',
        replyDueOn: '2025-02-10',
        outcome: 'granted',
        replied: true,
      },
      {
        agencyId: 1,
        receivedOn: '2025-01-06',
        closedOn: '2025-02-20',
        replyDueOn: '2025-02-10',
        outcome: 'denied_third_party',
        replied: true,
      },
      {
        agencyId: 2,
        receivedOn: '2025-01-02',
        closedOn: '2025-03-03',
        replyDueOn: null,
        outcome: 'other_no_correction',
        replied: false,
      },
    ],
    overdueNow: [{ agencyId: 2, count: 3 }],
    appeals: [
      { agencyId: 1, kind: 'reconsideration', decidedOn: '2025-03-10', result: 'corrected' },
      { agencyId: 1, kind: 'litigation_direct', decidedOn: '2025-03-11', result: 'upheld' },
      { agencyId: 2, kind: 'litigation_after_reconsideration', decidedOn: '2025-02-11', result: 'corrected' },
    ],
    items: [{ agencyId: 3, month: '2025-02', published: 10, late: 2 }],
    itemsOverdueNow: [{ agencyId: 3, count: 1 }],
    workingDays,
  });

  it('counts each figure in its month, per agency and for the subtree', () => {
    const [a1, a2, a3] = table.agencies;
    expect(a1!.total).toMatchObject({
      received: 4,
      closed: 2,
      replied: 2,
      onTime: 1,
      late: 1,
      onTimeRate: 50,
      reconsiderationDecided: 1,
      reconsiderationCorrected: 1,
      litigationDecided: 1,
      litigationLost: 0,
      overdueNow: 0,
    });
    expect(a1!.total.outcomes).toMatchObject({ granted: 1, denied: 1 });
    // 2025-01-06 → 2025-02-05: 春节 28 Jan – 4 Feb off, 26 Jan and 8 Feb worked
    expect(a1!.total.avgWorkingDays).toBe(
      (workingDays('2025-01-06', '2025-02-05') + workingDays('2025-01-06', '2025-02-20')) / 2,
    );
    expect(a2!.total).toMatchObject({
      closed: 1,
      replied: 0,
      onTimeRate: null,
      avgWorkingDays: null,
      overdueNow: 3,
      litigationLost: 1,
    });
    expect(a2!.total.outcomes.other).toBe(1);
    expect(a3!.total).toMatchObject({ itemsPublished: 10, itemsLate: 2, itemsOverdueNow: 1 });
    expect(table.byMonth.map((m) => m.received)).toEqual([4, 0, 2]);
    expect(table.byMonth.map((m) => m.replied)).toEqual([0, 2, 0]);
    expect(table.byMonth[1]!.overdueNow).toBeNull();
    expect(table.total).toMatchObject({
      received: 6,
      replied: 2,
      overdueNow: 3,
      itemsPublished: 10,
      litigationLost: 1,
    });
    expect(a1!.months.map((m) => m.received)).toEqual([4, 0, 0]);
  });

  it('ranks agencies best first, ties share a rank, no value last', () => {
    const rows = table.agencies;
    expect(rankBy(rows, (r) => r.total, 'onTimeRate').map((r) => [r.agencyId, r.rank])).toEqual([
      [1, 1],
      [2, null],
      [3, null],
    ]);
    expect(rankBy(rows, (r) => r.total, 'overdueNow').map((r) => [r.agencyId, r.rank, r.value])).toEqual([
      [1, 1, 0],
      [3, 1, 0],
      [2, 3, 3],
    ]);
    expect(rankBy(rows, (r) => r.total, 'received').map((r) => r.agencyId)).toEqual([1, 2, 3]);
  });

  it('lists the months of a period across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
