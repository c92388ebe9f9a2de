import type { Figures } from './performance.ts';

/**
 * Ranking agencies by one figure of their performance or by the composite 考核 score: competition ranking (1, 2, 2, 4), best first; agencies
 * with no value for the figure (no replies yet, say) come last, unranked.
 */
export const RANK_METRICS = [
  'score',
  'onTimeRate',
  'received',
  'overdueNow',
  'avgWorkingDays',
  'corrections',
  'itemsLate',
] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

/** the figures' metrics; `score` (the composite 考核 score, score.ts) is computed by the service */
export type FigureMetric = Exclude<RankMetric, 'score'>;

export const SCORE_METRIC_LABEL = '考核综合得分';

export const RANK_METRIC: Record<
  FigureMetric,
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
  metric: FigureMetric,
): (T & { rank: number | null; value: number | null })[] {
  const spec = RANK_METRIC[metric];
  return rankByValue(rows, (row) => spec.read(figuresOf(row)), spec.better);
}

/** Competition ranking by any value, best first; rows without a value last, unranked. */
export function rankByValue<T>(
  rows: readonly T[],
  valueOf: (row: T) => number | null,
  better: 'higher' | 'lower',
): (T & { rank: number | null; value: number | null })[] {
  const valued = rows.map((row) => ({ ...row, value: valueOf(row) }));
  const sign = better === 'higher' ? -1 : 1;
  const ranked = valued.filter((r) => r.value !== null).sort((a, b) => sign * (a.value! - b.value!));
  const out: (T & { rank: number | null; value: number | null })[] = [];
  ranked.forEach((r, i) => {
    const previous = out[i - 1];
    out.push({ ...r, rank: previous && previous.value === r.value ? previous.rank : i + 1 });
  });
  for (const r of valued) if (r.value === null) out.push({ ...r, rank: null });
  return out;
}

/**
 * The minimum volume (issue 12 point 9): an agency that received fewer than `minimum` applications in the
 * period is listed apart, after the ranked ones, with its value but no rank — a rate over two applications says
 * little. `minimum` 0 ranks everyone.
 */
export function rankWithMinimum<T>(
  rows: readonly T[],
  receivedOf: (row: T) => number,
  minimum: number,
  valueOf: (row: T) => number | null,
  better: 'higher' | 'lower',
): (T & { rank: number | null; value: number | null; belowMinimum: boolean })[] {
  const enough = rows.filter((r) => receivedOf(r) >= minimum);
  const few = rows.filter((r) => receivedOf(r) < minimum);
  return [
    ...rankByValue(enough, valueOf, better).map((r) => ({ ...r, belowMinimum: false })),
    ...few.map((r) => ({ ...r, value: valueOf(r), rank: null, belowMinimum: true })),
  ];
}

export function rankMetricLabel(metric: RankMetric): string {
  return metric === 'score' ? SCORE_METRIC_LABEL : RANK_METRIC[metric].label;
}
