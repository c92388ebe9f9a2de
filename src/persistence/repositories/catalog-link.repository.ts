import type { Kysely } from 'kysely';
import type { ItemKind, ItemState } from '../../domain/catalog/index.ts';
import { PUBLIC_STATES } from '../../domain/catalog/index.ts';
import type { Schema } from '../schema.ts';

/** Items linked to items: the 政策解读 of a document; counts of 解读 and 回应关切 published in a year. */
export interface LinkedItem {
  id: number;
  title: string;
  state: ItemState;
  interpretationForm: string | null;
  publishedOn: string | null;
}

export async function interpretationsOf(db: Kysely<Schema>, documentId: number): Promise<LinkedItem[]> {
  const rows = await db
    .selectFrom('catalog_items')
    .select(['id', 'title', 'state', 'interpretation_form', 'published_on'])
    .where('interprets_item_id', '=', documentId)
    .where('kind', '=', 'interpretation')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    state: r.state as ItemState,
    interpretationForm: r.interpretation_form,
    publishedOn: r.published_on,
  }));
}

/** How many 政策解读 and 回应关切 the agency published in the year (with the 解读 published with their document). */
export async function publishedKindCounts(
  db: Kysely<Schema>,
  agencyId: number,
  year: number,
): Promise<Record<Exclude<ItemKind, 'information'>, number> & { interpretationsWithDocument: number }> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = await db
    .selectFrom('catalog_items as i')
    .leftJoin('catalog_items as d', 'd.id', 'i.interprets_item_id')
    .select(['i.kind', 'i.published_on', 'd.published_on as document_published_on'])
    .where('i.agency_id', '=', agencyId)
    .where('i.kind', 'in', ['interpretation', 'response'])
    .where('i.state', 'in', PUBLIC_STATES)
    .where('i.published_on', '>=', from)
    .where('i.published_on', '<=', to)
    .execute();
  const interpretations = rows.filter((r) => r.kind === 'interpretation');
  return {
    interpretation: interpretations.length,
    response: rows.filter((r) => r.kind === 'response').length,
    interpretationsWithDocument: interpretations.filter((r) => r.document_published_on === r.published_on)
      .length,
  };
}
