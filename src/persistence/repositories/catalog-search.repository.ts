import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { ItemState } from '../../domain/catalog/index.ts';
import { PUBLIC_STATES } from '../../domain/catalog/index.ts';
import type { DialectName } from '../database.ts';
import type { Schema } from '../schema.ts';
import { searchIdSql } from '../migrations/0026-catalog-search-order.ts';

/**
 * Full-text search over the items' segmented tokens — the one place the two dialects differ: SQLite matches
 * the FTS5 table `catalog_search` (0021, 0026: keyed newest first, the filters indexed as facet tokens; every token
 * quoted), PostgreSQL the stored `search_vector` with to_tsquery('simple', …) (GIN). Both walk the matches in
 * date order and stop after a page; relevance is the same on both (RANK_WINDOW). Tokens come from
 * `queryTokens` (letters and digits only).
 */
export interface SearchQuery {
  agencyId: number;
  tokens: readonly string[];
  /** the query with its synonyms (planQuery): groups ANDed, alternatives ORed; `tokens` when absent */
  groups?: readonly (readonly (readonly string[])[])[];
  /** 文号 contains this text */
  docNumber?: string;
  states: readonly ItemState[];
  categoryCodes?: readonly string[];
  year?: number;
  sort: 'date' | 'relevance';
  limit: number;
  offset: number;
}

export interface SearchPage {
  /** matches counted: to the end of the page's ranking window (countEnd), never more than COUNT_CAP */
  total: number;
  /** there are more matches than `total`: the next window's pages (or, at COUNT_CAP, none: "1000 条以上") */
  more: boolean;
  ids: number[];
}

/**
 * Counting stops here: a common word matches a large share of a million items, and counting them all costs
 * more than ranking the first page. Pages beyond the cap are not offered.
 */
export const COUNT_CAP = 1000;

/**
 * Where the count of a page stops: the end of its ranking window (RANK_WINDOW), at most COUNT_CAP. The page is
 * ranked from the walk of the index to that end, and the same walk counts: one match more says "以上" (more,
 * on the next window's pages). Counting further (to COUNT_CAP on every page) cost the sparse queries two to
 * three times the walk of their window.
 */
export const countEnd = (offset: number) =>
  Math.min(COUNT_CAP, Math.floor(offset / RANK_WINDOW) * RANK_WINDOW + RANK_WINDOW);

function conditions(q: SearchQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [
    sql`i.agency_id = ${q.agencyId}`,
    sql`i.state in (${sql.join(q.states.length > 0 ? q.states : ['-'])})`,
  ];
  if (q.categoryCodes)
    parts.push(sql`i.category_code in (${sql.join(q.categoryCodes.length > 0 ? q.categoryCodes : ['-'])})`);
  if (q.docNumber) parts.push(docNumberLike(q.docNumber));
  if (q.year !== undefined)
    parts.push(sql`i.published_on between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}`);
  return sql.join(parts, sql` and `);
}

const docNumberLike = (text: string) =>
  sql`i.doc_number like ${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;

/**
 * Relevance is ranked within windows of the date order: the matches, newest first, are cut into windows of
 * RANK_WINDOW, and each window is ordered by how many of the query's words its titles hold (then newest
 * first). The index walks the matches in date order and stops after the page's window — never a score of
 * every match (bm25 counts every match of every word of the query to weigh it: a common word's whole posting
 * list on every search), and pages never overlap. A query with fewer matches than a window is ranked whole.
 */
export const RANK_WINDOW = 200;

/** The query's words to look for in the titles (every alternative's tokens, once). */
const titleTokens = (groups: Groups) => [...new Set(groups.flat(2))].slice(0, 24);

/** The id of the search key `catalog_search.rowid` (0026: newest first in the index's ascending order). */
const keyId = sql.raw(searchIdSql('catalog_search.rowid'));

const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

/**
 * The FTS5 filter of a query over `catalog_search.facets` (0021): p<agency> (its public items) or a<agency>
 * with s<hex state>, c<hex category>, y<year>, each a token; alternatives ORed, filters ANDed.
 */
export function searchFacets(q: Pick<SearchQuery, 'agencyId' | 'states' | 'categoryCodes' | 'year'>): string {
  const any = (tokens: string[]) => `(${tokens.length > 0 ? tokens.join(' OR ') : 'znone'})`;
  const everyPublic =
    q.states.length === PUBLIC_STATES.length && PUBLIC_STATES.every((s) => q.states.includes(s));
  // the portal's default: one token for "this agency's public items"
  const parts = everyPublic ? [`p${q.agencyId}`] : [`a${q.agencyId}`, any(q.states.map((s) => `s${hex(s)}`))];
  if (q.categoryCodes) parts.push(any(q.categoryCodes.map((c) => `c${hex(c)}`)));
  if (q.year !== undefined) parts.push(`y${q.year}`);
  return `facets : (${parts.join(' AND ')})`;
}

/** The whole FTS5 query over catalog_search: the words in `tokens`, the filters in `facets`. */
export const searchMatch = (q: SearchQuery) =>
  `tokens : (${fts5MatchGroups(groupsOf(q))}) AND ${searchFacets(q)}`;

/** The FTS5 query: each token as a quoted string (a token never contains a quote: letters and digits only). */
export const fts5Match = (tokens: readonly string[]) =>
  tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');

type Groups = readonly (readonly (readonly string[])[])[];
const groupsOf = (q: SearchQuery): Groups => q.groups ?? q.tokens.map((t) => [[t]]);

/** The FTS5 query of groups: `("a" AND "b") OR "c"` per group, groups ANDed. */
export const fts5MatchGroups = (groups: Groups) =>
  groups
    .map(
      (alts) =>
        `(${alts.map((alt) => `(${alt.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ')})`).join(' OR ')})`,
    )
    .join(' AND ');

/** The PostgreSQL tsquery text of groups (tokens are letters and digits: quoting them is enough). */
const tsqueryText = (groups: Groups) =>
  groups
    .map(
      (alts) =>
        `(${alts.map((alt) => `(${alt.map((t) => `'${t.replace(/'/g, "''")}'`).join(' & ')})`).join(' | ')})`,
    )
    .join(' & ');

export async function searchItemIds(
  db: Kysely<Schema>,
  dialect: DialectName,
  q: SearchQuery,
): Promise<SearchPage> {
  const groups = groupsOf(q);
  if (groups.length === 0) return { total: 0, more: false, ids: [] };
  const window = Math.floor(q.offset / RANK_WINDOW) * RANK_WINDOW;
  const within = q.offset - window;
  const words = titleTokens(groups);
  const end = countEnd(q.offset);
  if (dialect === 'sqlite') return searchSqlite(db, q, words, window, within, end);
  // PostgreSQL: the same plan — the matches in date order (GIN for the words, the filters on the row), each
  // window ordered by its titles' words
  const where = conditions(q);
  const query = sql`to_tsquery('simple', ${tsqueryText(groups)})`;
  const from = sql`catalog_items i where i.search_vector @@ ${query} and ${where}`;
  const score = sql.join(
    words.map((w) => sql`(strpos(i.title, ${w}) > 0)::int`),
    sql` + `,
  );
  const [rows, count] = await Promise.all([
    q.sort === 'relevance'
      ? sql<{ id: number }>`select id from (
          select i.id as id, i.published_on as published_on, ${score} as score
          from ${from} order by i.published_on desc nulls last, i.id desc limit ${RANK_WINDOW} offset ${window}
        ) candidates order by score desc, published_on desc nulls last, id desc limit ${q.limit} offset ${within}`.execute(
          db,
        )
      : sql<{
          id: number;
        }>`select i.id as id from ${from} order by i.published_on desc nulls last, i.id desc limit ${q.limit} offset ${q.offset}`.execute(
          db,
        ),
    sql<{
      n: number;
    }>`select count(*) as n from (select 1 from ${from} limit ${end + 1}) capped`.execute(db),
  ]);
  return page(Number(count.rows[0]?.n ?? 0), end, rows.rows);
}

/** The page of a walk that counted `counted` matches, at most `end + 1`. */
const page = (counted: number, end: number, rows: readonly { id: number }[]): SearchPage => ({
  total: Math.min(counted, end),
  more: counted > end,
  ids: rows.map((r) => r.id),
});

/**
 * SQLite: one walk of the index in its order (0026: newest first) from the page's window to the end of its
 * count (countEnd), one match more, gives both the count and the page. Relevance: each match of the walk with
 * its titles' score (the bare query's own statement: the FTS5 walk joined to its rows), the window ordered by
 * score, the walk's position breaking ties (newest first). The 文号 (a substring) is the one filter checked on
 * the row, in the walk.
 */
async function searchSqlite(
  db: Kysely<Schema>,
  q: SearchQuery,
  words: string[],
  window: number,
  within: number,
  end: number,
): Promise<SearchPage> {
  const match = searchMatch(q);
  const span = end - window + 1;
  const row = q.docNumber ? sql` and ${docNumberLike(q.docNumber)}` : sql``;
  let walked: { id: number; score: number }[];
  if (q.sort === 'date' && !q.docNumber)
    walked = (
      await sql<{ id: number; score: number }>`select ${keyId} as id, 0 as score from catalog_search
        where catalog_search match ${match} order by catalog_search.rowid limit ${span} offset ${window}`.execute(
        db,
      )
    ).rows;
  else {
    const score =
      q.sort === 'date'
        ? sql`0`
        : sql.join(
            words.map((w) => sql`(instr(i.title, ${w}) > 0)`),
            sql` + `,
          );
    walked = (
      await sql<{
        id: number;
        score: number;
      }>`select i.id as id, ${score} as score from catalog_search join catalog_items i on i.id = ${keyId}${row}
        where catalog_search match ${match} order by catalog_search.rowid limit ${span} offset ${window}`.execute(
        db,
      )
    ).rows;
  }
  // a page past the last match: count the matches before its window
  if (walked.length === 0 && window > 0) return page(await countTo(db, q, match, window), window, []);
  const counted = page(window + walked.length, end, []);
  const candidates = walked.slice(0, RANK_WINDOW);
  // Array.prototype.sort is stable: ties keep the walk's order (newest first)
  if (q.sort === 'relevance') candidates.sort((a, b) => b.score - a.score);
  return { ...counted, ids: candidates.slice(within, within + q.limit).map((r) => r.id) };
}

/** The number of matches of `match` (and the 文号), at most `limit`. */
async function countTo(db: Kysely<Schema>, q: SearchQuery, match: string, limit: number): Promise<number> {
  const counted = q.docNumber
    ? sql<{ n: number }>`select count(*) as n from (select 1 from catalog_search
        join catalog_items i on i.id = ${keyId} and ${docNumberLike(q.docNumber)}
        where catalog_search match ${match} order by catalog_search.rowid limit ${limit})`
    : sql<{ n: number }>`select count(*) as n from (select 1 from catalog_search
        where catalog_search match ${match} order by catalog_search.rowid limit ${limit})`;
  return Number((await counted.execute(db)).rows[0]?.n ?? 0);
}
