import { AppError } from '../../domain/errors.ts';
import { daysInMonth } from '../../domain/calendar/index.ts';
import type { AgencyPerformance, RankMetric } from '../../domain/supervision/index.ts';
import {
  AGENCY_KIND_LABEL,
  isRankMetric,
  monthsBetween,
  performanceTable,
  preOrder,
  RANK_METRIC,
  rankBy,
} from '../../domain/supervision/index.ts';
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
import type { SupervisionCaller } from './scope.ts';
import { supervisionScope } from './scope.ts';

/**
 * The performance dashboard of a subtree for a period of months (a year by default): every agency's figures from
 * its live records on Gongkai, per month, ranked by the figure chosen (agencies not on Gongkai, without records,
 * unranked); the subtree's figures per month.
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
  const [agencies, received, closed, overdue, appeals, items, itemsOverdue, calendar] = await Promise.all([
    subtreeAgencies(db, scope.rootId),
    receivedByMonth(db, scope.rootId, first, last),
    closedInPeriod(db, scope.rootId, first, last),
    overdueNow(db, scope.rootId, today),
    appealsDecided(db, scope.rootId, first, last),
    itemsByMonth(db, scope.rootId, first, last),
    itemsOverdueNow(db, scope.rootId, today),
    workingCalendar(ctx),
  ]);
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
    };
  });
  return {
    period: { from, to, months: table.months },
    today,
    root: { id: scope.rootId, name: byId.get(scope.rootId)?.name ?? '' },
    metric,
    metricLabel: RANK_METRIC[metric].label,
    total: table.total,
    byMonth: table.byMonth,
    // agencies not on Gongkai have no live records: listed, never ranked
    agencies: [
      ...rankBy(
        rows.filter((r) => r.agency.onPlatform),
        (r) => r.total,
        metric,
      ),
      ...rows.filter((r) => !r.agency.onPlatform).map((r) => ({ ...r, rank: null, value: null })),
    ],
  };
}

export type PerformanceView = Awaited<ReturnType<typeof performanceDashboard>>;
