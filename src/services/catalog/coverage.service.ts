import type { Principal } from '../../domain/access/principal.ts';
import { hasRole } from '../../domain/access/principal.ts';
import type { MatterCoverage, Period } from '../../domain/catalog/index.ts';
import { COVERAGE_STATUS_LABEL, coverageTotals, matterCoverage } from '../../domain/catalog/index.ts';
import { forbidden, validationError } from '../../domain/errors.ts';
import { coverageItems, mattersOf } from '../../persistence/repositories/disclosure-matter.repository.ts';
import { publishedKindCounts } from '../../persistence/repositories/catalog-link.repository.ts';
import { subtreeAgencies } from '../../persistence/repositories/supervision.repository.ts';
import { requireReader } from './access.ts';
import type { MatterView } from './matter.service.ts';
import { listMatters } from './matter.service.ts';
import type { Db, ServiceContext } from '../context.ts';
import { todayInChina } from '../context.ts';

/**
 * Coverage of the standard catalog in a year: per 事项 what was published, late, overdue or missing. The office
 * reads its own; a supervisor (上级政务公开办) reads each agency of its subtree, one row per agency.
 */
export interface CoverageRow extends MatterCoverage {
  matter: MatterView;
  statusLabel: string;
}

function periodOf(year: number, today: string): Period {
  if (!Number.isInteger(year) || year < 2008 || year > 2100)
    throw validationError('year', '年度应为 2008—2100 之间的年份');
  const to = `${year}-12-31`;
  return { from: `${year}-01-01`, to: to < today ? to : today };
}

export async function agencyCoverage(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
): Promise<{
  year: number;
  period: Period;
  rows: CoverageRow[];
  totals: ReturnType<typeof coverageTotals>;
  /** 政策解读 (with those published together with their document) and 回应关切 published in the year */
  explained: Awaited<ReturnType<typeof publishedKindCounts>>;
}> {
  await requireReader(ctx, actor, agencyId);
  const today = todayInChina(ctx);
  const period = periodOf(year, today);
  const matters = await listMatters(ctx, actor, agencyId);
  const coverage = matterCoverage(
    matters,
    await coverageItems(ctx.database.db, agencyId, period),
    period,
    today,
  );
  const rows = coverage.map((c, i) => ({
    ...c,
    matter: matters[i]!,
    statusLabel: COVERAGE_STATUS_LABEL[c.status],
  }));
  const explained = await publishedKindCounts(ctx.database.db, agencyId, year);
  return { year, period, rows, totals: coverageTotals(coverage), explained };
}

async function totalsOf(db: Db, agencyId: number, period: Period, today: string) {
  const matters = await mattersOf(db, agencyId);
  const coverage = matterCoverage(matters, await coverageItems(db, agencyId, period), period, today);
  return {
    totals: coverageTotals(coverage),
    gaps: coverage
      .map((c, i) => ({ c, m: matters[i]! }))
      .filter(({ c }) => c.status === 'gap')
      .map(({ m }) => `${m.level1} / ${m.level2}`),
  };
}

/** The supervisor's view: every agency below its own, with its totals and the names of its missing 事项. */
export async function subordinateCoverage(ctx: ServiceContext, actor: Principal, year: number) {
  if (actor.kind !== 'staff' || !hasRole(actor, 'supervisor'))
    throw forbidden('只有上级政务公开办（监督人员）可以查看所辖机关的标准目录落实情况');
  const today = todayInChina(ctx);
  const period = periodOf(year, today);
  const db = ctx.database.db;
  const agencies = (await subtreeAgencies(db, actor.agencyId)).filter((a) => a.depth > 0);
  const rows = [];
  for (const a of agencies)
    rows.push({
      agency: { id: a.id, code: a.code, name: a.name, depth: a.depth },
      ...(await totalsOf(db, a.id, period, today)),
    });
  return { year, period, agencies: rows };
}
