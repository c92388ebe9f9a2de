import type BetterSqlite3 from 'better-sqlite3';
import type { ItemState } from '../../domain/catalog/index.ts';
import type { Database } from '../database.ts';
import type { ItemSummary, PageStart } from './catalog-item.repository.ts';

/**
 * A page of a category's listing on the portal, read from the category index alone (0029: the index ends with
 * the columns the listing shows). It runs on every catalog page rendered on request, so on SQLite it is a
 * prepared statement run directly rather than through the query builder — except while a transaction holds
 * the connection: the query then waits for it through Kysely, as every other read does, and never sees a
 * change that is not committed.
 */
export type ListedItem = Pick<ItemSummary, 'id' | 'title' | 'docNumber' | 'publishedOn' | 'state'>;

/** What the listing shows of an item (a full summary, from the queries by OFFSET, cut to it). */
export function listedItem(item: ListedItem): ListedItem {
  return {
    id: item.id,
    title: item.title,
    docNumber: item.docNumber,
    publishedOn: item.publishedOn,
    state: item.state,
  };
}

export interface ListingFilter {
  agencyId: number;
  states: readonly ItemState[];
  categoryCodes: readonly string[];
}

export interface ListingReader {
  /** The page that starts at `start` (and ends before `next`, the next page's start, when given). */
  pageFrom(
    filter: ListingFilter,
    start: PageStart,
    next: PageStart | null,
    limit: number,
  ): Promise<ListedItem[]>;
}

const readers = new WeakMap<Database, ListingReader>();

export function listingReader(database: Database): ListingReader {
  let reader = readers.get(database);
  if (!reader) readers.set(database, (reader = newReader(database)));
  return reader;
}

function newReader(database: Database): ListingReader {
  const viaKysely: ListingReader['pageFrom'] = async (filter, start, next, limit) => {
    let q = database.db
      .selectFrom('catalog_items')
      .select(['id', 'title', 'doc_number as docNumber', 'published_on as publishedOn', 'state'])
      .where('agency_id', '=', filter.agencyId)
      .where('state', 'in', nonEmpty(filter.states))
      .where('category_code', 'in', nonEmpty(filter.categoryCodes))
      .where((eb) => eb(eb.refTuple('published_on', 'id'), '<=', eb.tuple(start.publishedOn, start.id)));
    if (bounded(filter, next))
      q = q.where((eb) => eb(eb.refTuple('published_on', 'id'), '>', eb.tuple(next!.publishedOn, next!.id)));
    const rows = await q.orderBy('published_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => listedItem({ ...r, id: Number(r.id), state: r.state as ItemState }));
  };
  const sqlite = database.sqlite;
  if (!sqlite) return { pageFrom: viaKysely };
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statement = (states: number, codes: number, withNext: boolean) => {
    const key = `${states}|${codes}|${withNext}`;
    let s = statements.get(key);
    if (!s) {
      const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
      // rows as arrays (raw): better-sqlite3 builds an object per row property by property, which costs more
      // than the seek itself for a page of twenty; the objects are built here, once
      s = sqlite
        .prepare(
          `select id, title, doc_number, published_on, state from catalog_items
          where agency_id = ? and state in (${marks(states)}) and category_code in (${marks(codes)})
            and (published_on, id) <= (?, ?)${withNext ? ' and (published_on, id) > (?, ?)' : ''}
          order by published_on desc, id desc limit ?`,
        )
        .raw(true);
      statements.set(key, s);
    }
    return s;
  };
  return {
    pageFrom(filter, start, next, limit) {
      if (sqlite.inTransaction) return viaKysely(filter, start, next, limit);
      const states = nonEmpty(filter.states);
      const codes = nonEmpty(filter.categoryCodes);
      const withNext = bounded(filter, next);
      const rows = statement(states.length, codes.length, withNext).all(
        filter.agencyId,
        ...states,
        ...codes,
        start.publishedOn,
        start.id,
        ...(withNext ? [next!.publishedOn, next!.id] : []),
        limit,
      ) as [number, string, string | null, string | null, ItemState][];
      return Promise.resolve(
        rows.map(([id, title, docNumber, publishedOn, state]) => ({
          id,
          title,
          docNumber,
          publishedOn,
          state,
        })),
      );
    },
  };
}

/** An empty list matches nothing (as the item repository's filters). */
function nonEmpty<T extends string>(values: readonly T[]): readonly T[] {
  return values.length > 0 ? values : (['-'] as unknown as readonly T[]);
}

/**
 * The lower bound keeps a listing of several categories from sorting every row after the page (one category
 * walks its index in order and stops after the page: the bound would only cost).
 */
function bounded(filter: ListingFilter, next: PageStart | null): next is PageStart {
  return next !== null && filter.categoryCodes.length > 1;
}
