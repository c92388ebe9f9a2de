import type { Principal } from '../../domain/access/principal.ts';
import type { CellOrigin } from '../../domain/catalog/index.ts';
import { PUBLIC_STATES } from '../../domain/catalog/index.ts';
import type { CategoryCount, CellBasis } from '../../domain/report-workspace/index.ts';
import type { Active2019, Active2021, ReportFormat } from '../../domain/report/index.ts';
import { listItems } from '../../persistence/repositories/catalog-item.repository.ts';
import { activeTableFor } from '../catalog/figures.service.ts';
import { catalogConfig } from '../catalog/config.service.ts';
import type { ServiceContext } from '../context.ts';

/**
 * What the workspace takes from the catalog (issue 5, owned by the catalog): table 二 of the agency-year with
 * where each cell came from (`activeTableFor`), and the proactive items published in the year by top-level
 * category (counted with the catalog's own item filter).
 */
export async function activeTable(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  format: ReportFormat,
): Promise<{ active: Active2019 | Active2021; sources: Record<string, CellBasis> }> {
  const table = await activeTableFor(ctx, actor, agencyId, year, format);
  const sources: Record<string, CellBasis> = {};
  for (const [key, origin] of Object.entries(table.origins) as [string, CellOrigin][])
    sources[`active.${key}`] =
      origin.from === 'lifecycle'
        ? { kind: 'normative_documents', ids: origin.ids }
        : origin.from === 'entered'
          ? { kind: 'entered', note: origin.note }
          : { kind: 'missing' };
  return { active: table.active, sources };
}

/** Public items published in the year, per top-level category (a category counts the items of its subtree). */
export async function proactiveByCategory(
  ctx: ServiceContext,
  agencyId: number,
  year: number,
): Promise<CategoryCount[]> {
  const db = ctx.database.db;
  const { categories } = await catalogConfig(db, agencyId);
  const counts: CategoryCount[] = [];
  for (const top of categories.filter((c) => c.parent === null)) {
    const codes = [top.code];
    for (let i = 0; i < codes.length; i++)
      for (const c of categories) if (c.parent === codes[i]) codes.push(c.code);
    const { total } = await listItems(
      db,
      { agencyId, year, states: PUBLIC_STATES, categoryCodes: codes },
      { limit: 1, offset: 0 },
    );
    counts.push({ code: top.code, name: top.name, count: total });
  }
  return counts;
}
