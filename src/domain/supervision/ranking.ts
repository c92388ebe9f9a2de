import type { Figures } from './performance.ts';

/**
 * Ranking agencies by one figure of their performance: competition ranking (1, 2, 2, 4), best first; agencies
 * with no value for the figure (no replies yet, say) come last, unranked.
 */
export const RANK_METRICS = [
  'onTimeRate',
  'received',
  'overdueNow',
  'avgWorkingDays',
  'corrections',
  'itemsLate',
] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

export const RANK_METRIC: Record<
  RankMetric,
  { label: string; better: 'higher' | 'lower'; read: (f: Figures) => number | null }
> = {
  onTimeRate: { label: '按时答复率（%）', better: 'higher', read: (f) => f.onTimeRate },
  received: { label: '收到申请数', better: 'higher', read: (f) => f.received },
  overdueNow: { label: '当前逾期未答复', better: 'lower', read: (f) => f.overdueNow },
  avgWorkingDays: { label: '平均答复用时（工作日）', better: 'lower', read: (f) => f.avgWorkingDays },
  corrections: {
    label: '复议被纠正及诉讼败诉',
    better: 'lower',
    read: (f) => f.reconsiderationCorrected + f.litigationLost,
  },
  itemsLate: {
    label: '主动公开超期（件）',
    better: 'lower',
    read: (f) => f.itemsLate + (f.itemsOverdueNow ?? 0),
  },
};

export function isRankMetric(value: unknown): value is RankMetric {
  return typeof value === 'string' && (RANK_METRICS as readonly string[]).includes(value);
}

export function rankBy<T>(
  rows: readonly T[],
  figuresOf: (row: T) => Figures,
  metric: RankMetric,
): (T & { rank: number | null; value: number | null })[] {
  const spec = RANK_METRIC[metric];
  const valued = rows.map((row) => ({ ...row, value: spec.read(figuresOf(row)) }));
  const sign = spec.better === 'higher' ? -1 : 1;
  const ranked = valued.filter((r) => r.value !== null).sort((a, b) => sign * (a.value! - b.value!));
  const out: (T & { rank: number | null; value: number | null })[] = [];
  ranked.forEach((r, i) => {
    const previous = out[i - 1];
    out.push({ ...r, rank: previous && previous.value === r.value ? previous.rank : i + 1 });
  });
  for (const r of valued) if (r.value === null) out.push({ ...r, rank: null });
  return out;
}
