import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Category } from '../../domain/catalog/index.ts';
import { PUBLIC_STATES } from '../../domain/catalog/index.ts';
import type { CategoryCount } from '../../domain/supervision/index.ts';
import type { Schema } from '../schema.ts';
import { withSubtree } from './agency.repository.ts';

/**
 * What the 法定栏目 check reads of a subtree, each one statement over the recursive subtree: the public items per
 * agency and category (how many, the latest 发布日期, how many since each cutoff date), the annual reports
 * published on the portal per agency, and the agencies' own categories.
 */

const sinceColumns = (column: string, cutoffs: readonly string[]) =>
  cutoffs.map((c, i) =>
    sql<number>`sum(case when ${sql.ref(column)} >= ${c} then 1 else 0 end)`.as(`since_${i}`),
  );

function sinceOf(row: Record<string, unknown>, cutoffs: readonly string[]): Record<string, number> {
  return Object.fromEntries(cutoffs.map((c, i) => [c, Number(row[`since_${i}`] ?? 0)]));
}

export async function publicItemsByCategory(
  db: Kysely<Schema>,
  rootId: number,
  cutoffs: readonly string[],
): Promise<CategoryCount[]> {
  const rows = await withSubtree(db, rootId)
    .selectFrom('catalog_items')
    .select([
      'agency_id',
      'category_code',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.max('published_on').as('last_on'),
      ...sinceColumns('published_on', cutoffs),
    ])
    .where('agency_id', 'in', (eb) => eb.selectFrom('tree').select('tree.id'))
    .where('state', 'in', [...PUBLIC_STATES])
    .where('published_on', 'is not', null)
    .groupBy(['agency_id', 'category_code'])
    .execute();
  return rows.map((r) => ({
    agencyId: r.agency_id,
    category: r.category_code,
    total: Number(r.n),
    lastOn: (r.last_on as string | null) ?? null,
    since: sinceOf(r as Record<string, unknown>, cutoffs),
  }));
}

/** Annual reports on the portal (published_reports), per agency; dates in China time (UTC+8). */
export async function publishedReportsByAgency(
  db: Kysely<Schema>,
  rootId: number,
  cutoffs: readonly string[],
  dialect: 'sqlite' | 'postgres',
): Promise<CategoryCount[]> {
  // published_at is an ISO instant in UTC: the China date is that instant + 8 hours
  const day =
    dialect === 'postgres'
      ? sql<string>`to_char((published_at::timestamptz at time zone 'Asia/Shanghai'), 'YYYY-MM-DD')`
      : sql<string>`date(published_at, '+8 hours')`;
  const rows = await withSubtree(db, rootId)
    .selectFrom('published_reports')
    .select([
      'agency_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<string>`max(${day})`.as('last_on'),
      ...cutoffs.map((c, i) => sql<number>`sum(case when ${day} >= ${c} then 1 else 0 end)`.as(`since_${i}`)),
    ])
    .where('agency_id', 'in', (eb) => eb.selectFrom('tree').select('tree.id'))
    .groupBy('agency_id')
    .execute();
  return rows.map((r) => ({
    agencyId: r.agency_id,
    category: '',
    total: Number(r.n),
    lastOn: r.last_on ?? null,
    since: sinceOf(r as Record<string, unknown>, cutoffs),
  }));
}

/** Each agency's own categories, in order (an agency missing here uses the defaults). */
export async function subtreeCategories(
  db: Kysely<Schema>,
  rootId: number,
): Promise<Map<number, Category[]>> {
  const rows = await withSubtree(db, rootId)
    .selectFrom('catalog_categories')
    .selectAll('catalog_categories')
    .where('agency_id', 'in', (eb) => eb.selectFrom('tree').select('tree.id'))
    .orderBy('agency_id')
    .orderBy('position')
    .execute();
  const out = new Map<number, Category[]>();
  for (const r of rows) {
    const list = out.get(r.agency_id) ?? [];
    list.push({
      code: r.code,
      name: r.name,
      parent: r.parent_code,
      ...(r.article ? { article: r.article } : {}),
    });
    out.set(r.agency_id, list);
  }
  return out;
}
