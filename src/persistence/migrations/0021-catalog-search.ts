import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.ts';

/**
 * Issue 14 point 2 — search at the speed of the index, at a million items (SQLite; PostgreSQL keeps its GIN
 * index on `search_vector` and runs the same plan: catalog-search.repository.ts).
 *
 * `catalog_search` replaces 0003's `catalog_items_fts`. It is a contentless FTS5 table (with deletes) whose
 * rowid is the search key — the publication date and the id, `yyyymmdd × 2³² + id` — so that the index's own
 * order is the portal's date order (published_on desc, id desc): "the newest matches" is a walk down one
 * doclist that stops after a page, never a sort of every match. Beside the tokens it indexes the filters as
 * tokens of a second column (`facets`: agency, state, category, year of publication, see `searchFacets`), so a
 * filter is an intersection of doclists inside the index instead of a join checked row by row. Triggers keep it
 * in step with catalog_items.
 */
export const SEARCH_KEY_SHIFT = 4294967296;

/** The search key of a catalog_items row (`row` is `new` or `old` in a trigger). */
export const searchKeySql = (row: string) =>
  `(coalesce(cast(replace(substr(${row}.published_on, 1, 10), '-', '') as integer), 0) * ${SEARCH_KEY_SHIFT} + ${row}.id)`;

/**
 * The facet tokens of a row (see searchFacets): p<agency> when it is on the portal (published, 失效 or 废止: the
 * one token of the default search), a<agency>, s<hex state>, c<hex category>, y<year>.
 */
export const searchFacetsSql = (row: string) =>
  `(case when ${row}.state in ('published', 'expired', 'repealed') then 'p' || ${row}.agency_id || ' ' else '' end || 'a' || ${row}.agency_id || ' s' || hex(${row}.state) || ' c' || hex(${row}.category_code) || ' y' || coalesce(substr(${row}.published_on, 1, 4), '0'))`;
const facets = searchFacetsSql;

/**
 * Builds `catalog_search` keyed by `key` (SQL of a row's search key) from catalog_items, with the triggers that
 * keep it in step; `ordered` inserts the rows in key order (0026's bulk load). Shared by 0021 and 0026, which
 * differ only in the key.
 */
export async function createSearchTable(
  db: Kysely<unknown>,
  key: (row: string) => string,
  ordered = false,
): Promise<void> {
  await sql`create virtual table catalog_search using fts5(tokens, facets, content='', contentless_delete=1)`.execute(
    db,
  );
  await sql
    .raw(
      `insert into catalog_search (rowid, tokens, facets) select ${key('i')}, i.search_tokens, ${facets('i')} from catalog_items i${ordered ? ' order by 1' : ''}`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger catalog_search_insert after insert on catalog_items begin
        insert into catalog_search (rowid, tokens, facets) values (${key('new')}, new.search_tokens, ${facets('new')});
      end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger catalog_search_delete after delete on catalog_items begin
        delete from catalog_search where rowid = ${key('old')};
      end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger catalog_search_update
        after update of search_tokens, agency_id, state, category_code, published_on on catalog_items begin
        delete from catalog_search where rowid = ${key('old')};
        insert into catalog_search (rowid, tokens, facets) values (${key('new')}, new.search_tokens, ${facets('new')});
      end`,
    )
    .execute(db);
}

export function catalogSearch(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'sqlite') return;
      for (const t of ['insert', 'delete', 'update'])
        await sql.raw(`drop trigger if exists catalog_items_fts_${t}`).execute(db);
      await sql`drop table if exists catalog_items_fts`.execute(db);
      await createSearchTable(db, searchKeySql);
    },
  };
}
