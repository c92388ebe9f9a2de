import type { Kysely } from 'kysely';
import type { Category } from '../../domain/catalog/index.ts';
import type { Schema } from '../schema.ts';

/** An agency's own categories, in order; empty when it uses the defaults. */
export async function categoriesOf(db: Kysely<Schema>, agencyId: number): Promise<Category[]> {
  const rows = await db
    .selectFrom('catalog_categories')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    parent: r.parent_code,
    ...(r.article ? { article: r.article } : {}),
    ...(r.normative === 'rules' || r.normative === 'normative_documents' ? { normative: r.normative } : {}),
  }));
}

/** Replaces the agency's category list (in the caller's transaction). */
export async function replaceCategories(
  db: Kysely<Schema>,
  agencyId: number,
  categories: readonly Category[],
): Promise<void> {
  await db.deleteFrom('catalog_categories').where('agency_id', '=', agencyId).execute();
  if (categories.length === 0) return;
  await db
    .insertInto('catalog_categories')
    .values(
      categories.map((c, i) => ({
        agency_id: agencyId,
        code: c.code,
        name: c.name,
        parent_code: c.parent,
        article: c.article ?? null,
        normative: c.normative ?? null,
        position: i + 1,
      })),
    )
    .execute();
}

/** The category codes in use by any item of the agency. */
export async function categoryCodesInUse(db: Kysely<Schema>, agencyId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('catalog_items')
    .select('category_code')
    .distinct()
    .where('agency_id', '=', agencyId)
    .execute();
  return new Set(rows.map((r) => r.category_code));
}
