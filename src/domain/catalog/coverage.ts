import type { LocalDate } from '../calendar/local-date.ts';
import type { ItemState } from './states.ts';
import type { DisclosureMatter } from './matters.ts';

/**
 * Coverage of the standard catalog (标准目录落实情况): for each 公开事项, what was published in a period, what is
 * still public from before, what was published late and what is overdue. A 主动公开 事项 with nothing published
 * in the period and nothing still in force is a gap (缺项). 依申请公开 事项 are listed but not checked.
 * Lateness is the item's own deadline, fixed from its 事项's 公开时限 when it was drafted (条例 Art. 26 default).
 */
export const COVERAGE_STATUSES = ['covered', 'late', 'gap', 'on_request'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];
export const COVERAGE_STATUS_LABEL: Record<CoverageStatus, string> = {
  covered: '已公开',
  late: '有超期',
  gap: '缺项',
  on_request: '依申请公开',
};

export interface CoverageItem {
  id: number;
  matterId: number | null;
  title: string;
  state: ItemState;
  publishedOn: LocalDate | null;
  publicationDueOn: LocalDate | null;
}

export interface MatterCoverage {
  matterId: number;
  /** published in the period */
  published: number;
  /** of those, published after their deadline */
  late: number;
  /** published before the period and still 有效 (state published) */
  standing: number;
  /** not yet published, the deadline before today and within the period */
  overdue: number;
  status: CoverageStatus;
  /** the items published in the period or overdue, newest first */
  items: (CoverageItem & { flag: 'on_time' | 'late' | 'overdue' | 'unknown' })[];
}

export interface Period {
  from: LocalDate;
  to: LocalDate;
}

const inPeriod = (d: LocalDate | null, p: Period): d is LocalDate => !!d && d >= p.from && d <= p.to;

export function matterCoverage(
  matters: readonly Pick<DisclosureMatter, 'id' | 'method'>[],
  items: readonly CoverageItem[],
  period: Period,
  today: LocalDate,
): MatterCoverage[] {
  return matters.map((m) => {
    const own = items.filter((i) => i.matterId === m.id && i.state !== 'withdrawn');
    const published = own.filter((i) => inPeriod(i.publishedOn, period));
    const late = published.filter((i) => i.publicationDueOn && i.publishedOn! > i.publicationDueOn);
    const standing = own.filter(
      (i) => i.state === 'published' && i.publishedOn && i.publishedOn < period.from,
    );
    const overdue = own.filter(
      (i) =>
        !i.publishedOn &&
        i.publicationDueOn !== null &&
        i.publicationDueOn < today &&
        i.publicationDueOn <= period.to,
    );
    const status: CoverageStatus =
      m.method === 'on_request'
        ? 'on_request'
        : published.length === 0 && standing.length === 0
          ? 'gap'
          : late.length > 0 || overdue.length > 0
            ? 'late'
            : 'covered';
    const flagged = [
      ...published.map((i) => ({
        ...i,
        flag: !i.publicationDueOn
          ? ('unknown' as const)
          : i.publishedOn! > i.publicationDueOn
            ? ('late' as const)
            : ('on_time' as const),
      })),
      ...overdue.map((i) => ({ ...i, flag: 'overdue' as const })),
    ].sort((a, b) => ((b.publishedOn ?? '9999') < (a.publishedOn ?? '9999') ? -1 : 1));
    return {
      matterId: m.id,
      published: published.length,
      late: late.length,
      standing: standing.length,
      overdue: overdue.length,
      status,
      items: flagged,
    };
  });
}

/** Totals over an agency's 事项: how many are gaps, have late items, are covered. */
export function coverageTotals(rows: readonly MatterCoverage[]) {
  const count = (s: CoverageStatus) => rows.filter((r) => r.status === s).length;
  return {
    matters: rows.length,
    covered: count('covered'),
    late: count('late'),
    gaps: count('gap'),
    onRequest: count('on_request'),
    published: rows.reduce((s, r) => s + r.published, 0),
    lateItems: rows.reduce((s, r) => s + r.late, 0),
    overdueItems: rows.reduce((s, r) => s + r.overdue, 0),
  };
}
