import { AppError } from '../../domain/errors.ts';
import { daysInMonth } from '../../domain/calendar/index.ts';
import type {
  AgencyPerformance,
  CollectionTimeliness,
  RankMetric,
  ScoreParts,
} from '../../domain/supervision/index.ts';
import {
  AGENCY_KIND_LABEL,
  compositeScore,
  isRankMetric,
  monthsBetween,
  performanceTable,
  preOrder,
  RANK_METRIC,
  rankMetricLabel,
  rankWithMinimum,
  SCORE_MEASURE,
  SCORE_MEASURES,
  scoreParts,
  supervisionSettingsOf,
} from '../../domain/supervision/index.ts';
import { findAgency } from '../../persistence/repositories/agency.repository.ts';
import {
  appealsDecided,
  closedInPeriod,
  itemsByMonth,
  itemsOverdueNow,
  overdueNow,
  receivedByMonth,
} from '../../persistence/repositories/supervision-performance.repository.ts';
import { subtreeAgencies } from '../../persistence/repositories/supervision.repository.ts';
import { workingCalendar } from '../calendar.service.ts';
import type { ServiceContext } from '../context.ts';
import { todayInChina } from '../context.ts';
import { collectionRows } from './collection.service.ts';
import type { SupervisionCaller } from './scope.ts';
import { supervisionScope } from './scope.ts';

/**
 * The performance dashboard of a subtree for a period of months (a year by default): every agency's figures from
 * its live records on Gongkai, per month, ranked by the figure chosen (agencies not on Gongkai, without records,
 * unranked); the subtree's figures per month. Agencies that received fewer applications than the office's
 * minimum volume are listed apart, unranked; every agency carries its composite 考核 score and its parts (the
 * report measures — 按时报送, 表格一致性 — from the collection of that year's report, when the period is one year).
 */
export interface PerformanceQuery {
  year?: number;
  /** the first and last months, "YYYY-MM" */
  from?: string;
  until?: string;
  root?: number;
  rank?: RankMetric;
}

const MONTH = /^(20\d{2})-(0[1-9]|1[0-2])$/;
export const MAX_MONTHS = 36;

function period(query: PerformanceQuery, today: string): { from: string; to: string } {
  if (query.from !== undefined || query.until !== undefined) {
    const from = query.from ?? query.until!;
    const to = query.until ?? query.from!;
    if (!MONTH.test(from)) throw new AppError('validation', '起始月份应为 YYYY-MM', 'from');
    if (!MONTH.test(to)) throw new AppError('validation', '截止月份应为 YYYY-MM', 'until');
    if (from > to) throw new AppError('validation', '起始月份不能晚于截止月份', 'from');
    if (monthsBetween(from, to).length > MAX_MONTHS)
      throw new AppError('validation', `统计期间最长 ${MAX_MONTHS} 个月`, 'until');
    return { from, to };
  }
  const year = query.year ?? Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 2008 || year > 2100)
    throw new AppError('validation', '年度应为 2008–2100 的整数', 'year');
  return { from: `${year}-01`, to: `${year}-12` };
}

export async function performanceDashboard(
  ctx: ServiceContext,
  caller: SupervisionCaller,
  query: PerformanceQuery,
) {
  const metric: RankMetric = query.rank ?? 'onTimeRate';
  if (!isRankMetric(metric)) throw new AppError('validation', '排名指标无效', 'rank');
  const today = todayInChina(ctx);
  const { from, to } = period(query, today);
  const scope = await supervisionScope(ctx, caller, query.root);
  const db = ctx.database.db;
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const first = `${from}-01`;
  const last = `${to}-${String(daysInMonth(ty, tm)).padStart(2, '0')}`;
  const reportYear =
    from.endsWith('-01') && to === `${from.slice(0, 4)}-12` ? Number(from.slice(0, 4)) : null;
  const [agencies, received, closed, overdue, appeals, items, itemsOverdue, calendar, own, collection] =
    await Promise.all([
      subtreeAgencies(db, scope.rootId),
      receivedByMonth(db, scope.rootId, first, last),
      closedInPeriod(db, scope.rootId, first, last),
      overdueNow(db, scope.rootId, today),
      appealsDecided(db, scope.rootId, first, last),
      itemsByMonth(db, scope.rootId, first, last),
      itemsOverdueNow(db, scope.rootId, today),
      workingCalendar(ctx),
      findAgency(db, scope.agencyId),
      reportYear !== null ? collectionRows(ctx, scope, reportYear) : null,
    ]);
  const settings = supervisionSettingsOf(own?.settings ?? {});
  const reportOf = new Map<number, { timeliness: CollectionTimeliness; errors: number | null }>(
    (collection?.rows ?? []).map((r) => [
      r.agency.id,
      { timeliness: r.timeliness.state, errors: r.findings?.errors ?? null },
    ]),
  );
  const ordered = preOrder(agencies, scope.rootId);
  const table = performanceTable(
    ordered.map((a) => a.id),
    {
      months: monthsBetween(from, to),
      received,
      closed,
      overdueNow: overdue,
      appeals,
      items,
      itemsOverdueNow: itemsOverdue,
      workingDays: (a, b) => calendar.workingDaysBetween(a, b).days,
    },
  );
  const byId = new Map(ordered.map((a) => [a.id, a]));
  const rows = table.agencies.map((p: AgencyPerformance) => {
    const a = byId.get(p.agencyId)!;
    return {
      agency: {
        id: a.id,
        code: a.code,
        name: a.name,
        kind: a.kind,
        kindLabel: AGENCY_KIND_LABEL[a.kind] ?? a.kind,
        depth: a.depth,
        onPlatform: a.onPlatform,
      },
      total: p.total,
      months: p.months,
      ...scored(p, reportOf.get(p.agencyId)),
    };
  });
  function scored(
    p: AgencyPerformance,
    report?: { timeliness: CollectionTimeliness; errors: number | null },
  ) {
    const parts: ScoreParts = scoreParts({
      figures: p.total,
      timeliness: report?.timeliness ?? null,
      errors: report?.errors ?? null,
    });
    return { score: compositeScore(parts, settings.scoreWeights), scoreParts: parts };
  }
  const valueOf =
    metric === 'score'
      ? (r: (typeof rows)[number]) => r.score
      : (r: (typeof rows)[number]) => RANK_METRIC[metric].read(r.total);
  const better = metric === 'score' ? 'higher' : RANK_METRIC[metric].better;
  return {
    period: { from, to, months: table.months },
    today,
    root: { id: scope.rootId, name: byId.get(scope.rootId)?.name ?? '' },
    metric,
    metricLabel: rankMetricLabel(metric),
    rankMinimum: settings.rankMinimum,
    scoreWeights: settings.scoreWeights,
    scoreMeasures: SCORE_MEASURES.map((m) => ({
      key: m,
      ...SCORE_MEASURE[m],
      weight: settings.scoreWeights[m],
    })),
    reportYear,
    total: table.total,
    byMonth: table.byMonth,
    // agencies not on Gongkai have no live records: listed, never ranked
    // below the minimum volume: listed apart after the ranked ones, with their value
    agencies: [
      ...rankWithMinimum(
        rows.filter((r) => r.agency.onPlatform),
        (r) => r.total.received,
        settings.rankMinimum,
        valueOf,
        better,
      ),
      ...rows
        .filter((r) => !r.agency.onPlatform)
        .map((r) => ({ ...r, rank: null, value: null, belowMinimum: false })),
    ],
  };
}

export type PerformanceView = Awaited<ReturnType<typeof performanceDashboard>>;
