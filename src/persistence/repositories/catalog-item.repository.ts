import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type {
  DisclosureMethod,
  DisclosureScope,
  InformationItem,
  InterpretationForm,
  ItemKind,
  ItemState,
} from '../../domain/catalog/index.ts';
import { PUBLIC_STATES } from '../../domain/catalog/index.ts';
import type { DialectName } from '../database.ts';
import type { CatalogItemTable } from '../schema-catalog.ts';
import type { Schema } from '../schema.ts';

/** An item without its body: what lists, feeds and search results carry. */
export type ItemSummary = Omit<InformationItem, 'body'>;

type Row = Selectable<CatalogItemTable>;
const SUMMARY_COLUMNS = [
  'id',
  'agency_id',
  'index_number',
  'title',
  'publisher',
  'doc_number',
  'written_on',
  'changed_on',
  'effective_on',
  'published_on',
  'category_code',
  'topic',
  'method',
  'scope',
  'summary',
  'state',
  'state_reason',
  'publication_due_on',
  'due_provisional',
  'created_by',
  'created_at',
  'updated_at',
  'matter_id',
  'kind',
  'interprets_item_id',
  'interpretation_form',
  'media_url',
  'concern_source',
  'concern_raised_on',
] as const;
type SummaryRow = Pick<Row, (typeof SUMMARY_COLUMNS)[number]>;

export function toSummary(row: SummaryRow): ItemSummary {
  return {
    id: row.id,
    agencyId: row.agency_id,
    indexNumber: row.index_number,
    title: row.title,
    publisher: row.publisher,
    docNumber: row.doc_number,
    writtenOn: row.written_on,
    changedOn: row.changed_on,
    effectiveOn: row.effective_on,
    publishedOn: row.published_on,
    categoryCode: row.category_code,
    topic: row.topic,
    method: row.method as DisclosureMethod,
    scope: row.scope as DisclosureScope,
    summary: row.summary,
    state: row.state as ItemState,
    stateReason: row.state_reason,
    publicationDueOn: row.publication_due_on,
    dueProvisional: row.due_provisional === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    matterId: row.matter_id,
    kind: row.kind as ItemKind,
    interpretsItemId: row.interprets_item_id,
    interpretationForm: row.interpretation_form as InterpretationForm | null,
    mediaUrl: row.media_url,
    concernSource: row.concern_source,
    concernRaisedOn: row.concern_raised_on,
  };
}

/** Every column but the search tokens (long, and only the full-text index reads them). */
const ITEM_COLUMNS = [...SUMMARY_COLUMNS, 'body'] as const;
const toItem = (row: SummaryRow & { body: string }): InformationItem => ({
  ...toSummary(row),
  body: row.body,
});

/** The columns written from a domain item (one function, so inserts and updates stay in step). */
function columns(item: Omit<InformationItem, 'id'>, searchTokens: string) {
  return {
    agency_id: item.agencyId,
    index_number: item.indexNumber,
    title: item.title,
    publisher: item.publisher,
    doc_number: item.docNumber,
    written_on: item.writtenOn,
    changed_on: item.changedOn,
    effective_on: item.effectiveOn,
    published_on: item.publishedOn,
    category_code: item.categoryCode,
    topic: item.topic,
    method: item.method,
    scope: item.scope,
    summary: item.summary,
    body: item.body,
    state: item.state,
    state_reason: item.stateReason,
    publication_due_on: item.publicationDueOn,
    due_provisional: item.dueProvisional ? 1 : 0,
    search_tokens: searchTokens,
    created_by: item.createdBy,
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    matter_id: item.matterId,
    kind: item.kind,
    interprets_item_id: item.interpretsItemId,
    interpretation_form: item.interpretationForm,
    media_url: item.mediaUrl,
    concern_source: item.concernSource,
    concern_raised_on: item.concernRaisedOn,
  };
}

export async function insertItem(
  db: Kysely<Schema>,
  item: Omit<InformationItem, 'id'>,
  searchTokens: string,
): Promise<InformationItem> {
  const row = await db
    .insertInto('catalog_items')
    .values(columns(item, searchTokens))
    .returning(ITEM_COLUMNS)
    .executeTakeFirstOrThrow();
  return toItem(row);
}

export async function updateItem(
  db: Kysely<Schema>,
  item: InformationItem,
  searchTokens: string,
): Promise<void> {
  const { id, ...rest } = item;
  await db.updateTable('catalog_items').set(columns(rest, searchTokens)).where('id', '=', id).execute();
}

export async function findItem(db: Kysely<Schema>, id: number): Promise<InformationItem | null> {
  const row = await db
    .selectFrom('catalog_items')
    .select(ITEM_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toItem(row) : null;
}

/** A public item of the agency (published, expired or repealed), or null. */
export async function findPublicItem(
  db: Kysely<Schema>,
  agencyId: number,
  id: number,
): Promise<InformationItem | null> {
  const row = await db
    .selectFrom('catalog_items')
    .select(ITEM_COLUMNS)
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .where('state', 'in', PUBLIC_STATES)
    .executeTakeFirst();
  return row ? toItem(row) : null;
}

/** Draws the next 索引号 serial of an agency's counter (in the caller's transaction). */
export async function nextSerial(db: Kysely<Schema>, agencyId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('catalog_index_counters')
    .values({ agency_id: agencyId, year, last_serial: 1 })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'year'])
        .doUpdateSet({ last_serial: sql<number>`catalog_index_counters.last_serial + 1` }),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return row.last_serial;
}

export interface ItemFilter {
  agencyId: number;
  states?: readonly ItemState[];
  categoryCodes?: readonly string[];
  /** the publication year */
  year?: number;
  /** words in the title (staff lists) */
  titleContains?: string;
  /** Art. 26, mirroring lateness.ts: 'late' published after the deadline; 'overdue' unpublished past it on `today` */
  timeliness?: { kind: 'late' } | { kind: 'overdue'; today: string };
}

function filtered(db: Kysely<Schema>, f: ItemFilter) {
  let q = db.selectFrom('catalog_items').where('agency_id', '=', f.agencyId);
  if (f.states) q = q.where('state', 'in', f.states.length > 0 ? f.states : ['-']);
  if (f.categoryCodes)
    q = q.where('category_code', 'in', f.categoryCodes.length > 0 ? f.categoryCodes : ['-']);
  if (f.year !== undefined)
    q = q.where('published_on', '>=', `${f.year}-01-01`).where('published_on', '<=', `${f.year}-12-31`);
  if (f.titleContains) {
    const pattern = `%${f.titleContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`title like ${pattern} escape '\\'`);
  }
  if (f.timeliness?.kind === 'late')
    q = q.where((eb) => eb('published_on', '>', eb.ref('publication_due_on')));
  if (f.timeliness?.kind === 'overdue')
    q = q.where('published_on', 'is', null).where('publication_due_on', '<', f.timeliness.today);
  return q;
}

/** A page of items, newest publication first (drafts, never published, by id). */
export async function pageOfItems(
  db: Kysely<Schema>,
  filter: ItemFilter,
  page: { limit: number; offset: number },
): Promise<ItemSummary[]> {
  const rows = await filtered(db, filter)
    .select(SUMMARY_COLUMNS)
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(toSummary);
}

/** Where a page of a listing starts: its first row in the listing's order (published_on desc, id desc). */
export interface PageStart {
  publishedOn: string;
  id: number;
}

/**
 * The first row of every `size` rows of a listing, walked once in the index's order (a window over the
 * index alone), with the number of rows and of rows with a 发布日期. A page is then a seek (`pageFrom`), not a
 * walk past every row before it.
 */
export async function listingStarts(
  db: Kysely<Schema>,
  filter: ItemFilter,
  size: number,
): Promise<{ total: number; dated: number; starts: PageStart[] }> {
  const numbered = filtered(db, filter).select([
    'published_on',
    'id',
    sql<number>`row_number() over (order by published_on desc, id desc)`.as('n'),
  ]);
  const [rows, counts] = await Promise.all([
    db
      .selectFrom(numbered.as('l'))
      .select(['published_on', 'id'])
      .where(sql<boolean>`(n - 1) % ${size} = 0`)
      .orderBy('n')
      .execute(),
    filtered(db, filter)
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('published_on').as('dated')])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(counts.n),
    dated: Number(counts.dated),
    starts: rows.map((r) => ({ publishedOn: r.published_on ?? '', id: Number(r.id) })),
  };
}

/** The page of a listing that starts at `start` (and ends before `next`, the next page's start, when given). */
export async function pageFrom(
  db: Kysely<Schema>,
  filter: ItemFilter,
  start: PageStart,
  next: PageStart | null,
  limit: number,
): Promise<ItemSummary[]> {
  let q = filtered(db, filter).where((eb) =>
    eb(eb.refTuple('published_on', 'id'), '<=', eb.tuple(start.publishedOn, start.id)),
  );
  // the lower bound keeps a listing of several categories from sorting every row after the page (one category
  // walks its index in order and stops after the page: the bound would only cost)
  if (next && (filter.categoryCodes?.length ?? 0) > 1)
    q = q.where((eb) => eb(eb.refTuple('published_on', 'id'), '>', eb.tuple(next.publishedOn, next.id)));
  const rows = await q
    .select(SUMMARY_COLUMNS)
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

export async function countItems(db: Kysely<Schema>, filter: ItemFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A page of items and how many match. */
export async function listItems(
  db: Kysely<Schema>,
  filter: ItemFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: ItemSummary[] }> {
  const [items, total] = await Promise.all([pageOfItems(db, filter, page), countItems(db, filter)]);
  return { total, items };
}

/** What a search result shows of an item: its link, title, 索引号, 文号, 发布日期, validity and the text of its snippet. */
export type SearchHit = Pick<
  InformationItem,
  'id' | 'title' | 'indexNumber' | 'docNumber' | 'publishedOn' | 'state' | 'method' | 'summary' | 'body'
>;

/**
 * The items of a search page in the order of `ids`, with only the columns a result shows: a page of results
 * read whole (every column, each made a JavaScript value) cost more than the search that found it.
 */
export async function searchHitsByIds(db: Kysely<Schema>, ids: readonly number[]): Promise<SearchHit[]> {
  if (ids.length === 0) return [];
  // named as the domain names them: the rows are the hits
  const rows = (await db
    .selectFrom('catalog_items')
    .select([
      'id',
      'title',
      'index_number as indexNumber',
      'doc_number as docNumber',
      'published_on as publishedOn',
      'state',
      'method',
      'summary',
      'body',
    ])
    .where('id', 'in', ids)
    .execute()) as SearchHit[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((s): s is SearchHit => !!s);
}

/** The number of public items per category code (the portal's catalog tree). */
export async function publicCountsByCategory(
  db: Kysely<Schema>,
  agencyId: number,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('catalog_items')
    .select(['category_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agency_id', '=', agencyId)
    .where('state', 'in', PUBLIC_STATES)
    .groupBy('category_code')
    .execute();
  return new Map(rows.map((r) => [r.category_code, Number(r.n)]));
}

/** Public items for the sitemap with ids in [fromId, toId): id and last change, in id order. */
export async function publicItemStamps(
  db: Kysely<Schema>,
  agencyId: number,
  fromId: number,
  toId: number,
): Promise<{ id: number; updatedAt: string }[]> {
  const rows = await db
    .selectFrom('catalog_items')
    .select(['id', 'updated_at'])
    .where('agency_id', '=', agencyId)
    .where('state', 'in', PUBLIC_STATES)
    .where('id', '>=', fromId)
    .where('id', '<', toId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, updatedAt: r.updated_at }));
}

/** The highest id of the agency's public items (0 when none): the sitemap's pages cover ids up to it. */
/** The ids of the agency's public items after `afterId`, in id order (walking them all in batches). */
export async function publicItemIdsAfter(
  db: Kysely<Schema>,
  agencyId: number,
  afterId: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('catalog_items')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('id', '>', afterId)
    .where('state', 'in', PUBLIC_STATES)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function maxPublicItemId(db: Kysely<Schema>, agencyId: number): Promise<number> {
  const row = await db
    .selectFrom('catalog_items')
    .select((eb) => eb.fn.max('id').as('m'))
    .where('agency_id', '=', agencyId)
    .where('state', 'in', PUBLIC_STATES)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

/** How many items (in any state) are filed in a category — a category in use cannot be removed. */
export async function itemCountInCategory(
  db: Kysely<Schema>,
  agencyId: number,
  categoryCode: string,
): Promise<number> {
  const row = await db
    .selectFrom('catalog_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .where('category_code', '=', categoryCode)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Reads an item for a change, locking its row on PostgreSQL (SQLite transactions are serialised). */
export async function lockItem(
  db: Kysely<Schema>,
  dialect: DialectName,
  id: number,
): Promise<InformationItem | null> {
  let q = db.selectFrom('catalog_items').select(ITEM_COLUMNS).where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toItem(row) : null;
}

export async function indexNumberTaken(db: Kysely<Schema>, indexNumber: string): Promise<boolean> {
  return !!(await db
    .selectFrom('catalog_items')
    .select('id')
    .where('index_number', '=', indexNumber)
    .executeTakeFirst());
}

/** Writes a review step: state, reason, 索引号 and 发布日期 (and the tokens, when the 索引号 entered them). */
export async function updateItemState(
  db: Kysely<Schema>,
  item: InformationItem,
  searchTokens?: string,
): Promise<void> {
  await db
    .updateTable('catalog_items')
    .set({
      state: item.state,
      state_reason: item.stateReason,
      index_number: item.indexNumber,
      published_on: item.publishedOn,
      updated_at: item.updatedAt,
      ...(searchTokens !== undefined ? { search_tokens: searchTokens } : {}),
    })
    .where('id', '=', item.id)
    .execute();
}
