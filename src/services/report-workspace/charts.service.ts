import type { Principal } from '../../domain/access/principal.ts';
import type { YearCharts } from '../../domain/report-workspace/index.ts';
import { yearCharts } from '../../domain/report-workspace/index.ts';
import { applicationPointsOf } from '../../persistence/repositories/report-figures.repository.ts';
import { checkYear } from '../appeals/table4.ts';
import type { ServiceContext } from '../context.ts';
import { requireReportReader } from './access.ts';
import { proactiveByCategory } from './catalog-link.ts';

/** The year in charts (from the live records): applications by month, outcomes, on-time replies, proactive items. */
export async function reportCharts(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
): Promise<YearCharts> {
  checkYear(year);
  await requireReportReader(ctx, actor, agencyId);
  const [points, categories] = await Promise.all([
    applicationPointsOf(ctx.database.db, agencyId, year),
    proactiveByCategory(ctx, agencyId, year),
  ]);
  return yearCharts(year, points, categories.length > 0 ? categories : null);
}
