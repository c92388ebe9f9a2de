import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type {
  CoverageItem,
  DisclosureMatter,
  DisclosureMethod,
  ItemState,
  MatterAudience,
  MatterInput,
} from '../../domain/catalog/index.ts';
import { PUBLIC_STATES } from '../../domain/catalog/index.ts';
import type { DisclosureMatterTable } from '../schema-catalog.ts';
import type { Schema } from '../schema.ts';

/** The 政务公开事项标准目录 of an agency (disclosure_matters) and the items filed under its 事项. */
const toMatter = (row: Selectable<DisclosureMatterTable>): DisclosureMatter => ({
  id: row.id,
  agencyId: row.agency_id,
  level1: row.level1,
  level2: row.level2,
  content: row.content,
  basis: row.basis,
  timeLimit: row.time_limit,
  subject: row.subject,
  channels: row.channels,
  audience: row.audience as MatterAudience,
  method: row.method as DisclosureMethod,
  county: row.county === 1,
  township: row.township === 1,
  position: row.position,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const columns = (m: MatterInput) => ({
  level1: m.level1,
  level2: m.level2,
  content: m.content,
  basis: m.basis,
  time_limit: m.timeLimit,
  subject: m.subject,
  channels: m.channels,
  audience: m.audience,
  method: m.method,
  county: m.county ? 1 : 0,
  township: m.township ? 1 : 0,
});

export async function mattersOf(db: Kysely<Schema>, agencyId: number): Promise<DisclosureMatter[]> {
  const rows = await db
    .selectFrom('disclosure_matters')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toMatter);
}

export async function findMatter(db: Kysely<Schema>, id: number): Promise<DisclosureMatter | null> {
  const row = await db.selectFrom('disclosure_matters').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMatter(row) : null;
}

export async function findMatterByName(
  db: Kysely<Schema>,
  agencyId: number,
  level1: string,
  level2: string,
): Promise<DisclosureMatter | null> {
  const row = await db
    .selectFrom('disclosure_matters')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('level1', '=', level1)
    .where('level2', '=', level2)
    .executeTakeFirst();
  return row ? toMatter(row) : null;
}

export async function insertMatter(
  db: Kysely<Schema>,
  agencyId: number,
  m: MatterInput,
  at: string,
): Promise<DisclosureMatter> {
  const last = await db
    .selectFrom('disclosure_matters')
    .select(sql<number>`coalesce(max(position), 0)`.as('p'))
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  const row = await db
    .insertInto('disclosure_matters')
    .values({
      agency_id: agencyId,
      ...columns(m),
      position: Number(last?.p ?? 0) + 1,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMatter(row);
}

export async function updateMatter(
  db: Kysely<Schema>,
  id: number,
  m: MatterInput,
  at: string,
): Promise<void> {
  await db
    .updateTable('disclosure_matters')
    .set({ ...columns(m), updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function deleteMatter(db: Kysely<Schema>, id: number): Promise<void> {
  await db.deleteFrom('disclosure_matters').where('id', '=', id).execute();
}

/** How many items are filed under each 事项 of the agency (any state). */
export async function itemCountsByMatter(db: Kysely<Schema>, agencyId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('catalog_items')
    .select(['matter_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agency_id', '=', agencyId)
    .where('matter_id', 'is not', null)
    .groupBy('matter_id')
    .execute();
  return new Map(rows.map((r) => [r.matter_id!, Number(r.n)]));
}

/**
 * The items filed under the agency's 事项 that coverage of a period needs: published in it, still public from
 * before it, or not yet published (withdrawn ones left out).
 */
export async function coverageItems(
  db: Kysely<Schema>,
  agencyId: number,
  period: { from: string; to: string },
): Promise<CoverageItem[]> {
  const rows = await db
    .selectFrom('catalog_items')
    .select(['id', 'matter_id', 'title', 'state', 'published_on', 'publication_due_on'])
    .where('agency_id', '=', agencyId)
    .where('matter_id', 'is not', null)
    .where('state', '!=', 'withdrawn')
    .where((eb) =>
      eb.or([
        eb('published_on', 'is', null),
        eb.and([eb('published_on', '>=', period.from), eb('published_on', '<=', period.to)]),
        eb.and([eb('published_on', '<', period.from), eb('state', '=', 'published')]),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    matterId: r.matter_id,
    title: r.title,
    state: r.state as ItemState,
    publishedOn: r.published_on,
    publicationDueOn: r.publication_due_on,
  }));
}

/** The public items of each 事项 (the portal's standard-catalog page), newest first, up to `perMatter` each. */
export async function publicItemsByMatter(
  db: Kysely<Schema>,
  agencyId: number,
  perMatter: number,
): Promise<Map<number, { id: number; title: string; publishedOn: string | null }[]>> {
  const rows = await db
    .selectFrom('catalog_items')
    .select(['id', 'matter_id', 'title', 'published_on'])
    .where('agency_id', '=', agencyId)
    .where('matter_id', 'is not', null)
    .where('state', 'in', PUBLIC_STATES)
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const out = new Map<number, { id: number; title: string; publishedOn: string | null }[]>();
  for (const r of rows) {
    const list = out.get(r.matter_id!) ?? [];
    if (list.length < perMatter) list.push({ id: r.id, title: r.title, publishedOn: r.published_on });
    out.set(r.matter_id!, list);
  }
  return out;
}
