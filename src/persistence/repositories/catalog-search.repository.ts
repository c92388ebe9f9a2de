import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { ItemState } from '../../domain/catalog/index.ts';
import type { DialectName } from '../database.ts';
import type { Schema } from '../schema.ts';

/**
 * Full-text search over the items' segmented tokens — the one place the two dialects differ: SQLite matches
 * the FTS5 table `catalog_items_fts` (every token quoted, implicitly ANDed; relevance = bm25 rank),
 * PostgreSQL the stored `search_vector` with plainto_tsquery('simple', …) (every token ANDed; relevance =
 * ts_rank). Tokens come from `queryTokens` (letters and digits only).
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
  /** matches counted, at most COUNT_CAP */
  total: number;
  /** there are more than COUNT_CAP matches (the count stopped there: "1000 条以上") */
  more: boolean;
  ids: number[];
}

/**
 * Counting stops here: a common word matches a large share of a million items, and counting them all costs
 * more than ranking the first page. Pages beyond the cap are not offered.
 */
export const COUNT_CAP = 1000;

function conditions(q: SearchQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [
    sql`i.agency_id = ${q.agencyId}`,
    sql`i.state in (${sql.join(q.states.length > 0 ? q.states : ['-'])})`,
  ];
  if (q.categoryCodes)
    parts.push(sql`i.category_code in (${sql.join(q.categoryCodes.length > 0 ? q.categoryCodes : ['-'])})`);
  if (q.docNumber)
    parts.push(sql`i.doc_number like ${`%${q.docNumber.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  if (q.year !== undefined)
    parts.push(sql`i.published_on between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}`);
  return sql.join(parts, sql` and `);
}

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
  const where = conditions(q);
  if (dialect === 'sqlite') {
    const match = fts5MatchGroups(groups);
    const from = sql`catalog_items_fts join catalog_items i on i.id = catalog_items_fts.rowid where catalog_items_fts match ${match} and ${where}`;
    const order =
      q.sort === 'relevance' ? sql`catalog_items_fts.rank, i.id desc` : sql`i.published_on desc, i.id desc`;
    const [rows, count] = await Promise.all([
      sql<{
        id: number;
      }>`select i.id as id from ${from} order by ${order} limit ${q.limit} offset ${q.offset}`.execute(db),
      sql<{
        n: number;
      }>`select count(*) as n from (select 1 from ${from} limit ${COUNT_CAP + 1}) capped`.execute(db),
    ]);
    return page(count.rows[0]?.n, rows.rows);
  }
  const query = sql`to_tsquery('simple', ${tsqueryText(groups)})`;
  const from = sql`catalog_items i where i.search_vector @@ ${query} and ${where}`;
  const order =
    q.sort === 'relevance'
      ? sql`ts_rank(i.search_vector, ${query}) desc, i.id desc`
      : sql`i.published_on desc, i.id desc`;
  const [rows, count] = await Promise.all([
    sql<{
      id: number;
    }>`select i.id as id from ${from} order by ${order} limit ${q.limit} offset ${q.offset}`.execute(db),
    sql<{
      n: number;
    }>`select count(*) as n from (select 1 from ${from} limit ${COUNT_CAP + 1}) capped`.execute(db),
  ]);
  return page(count.rows[0]?.n, rows.rows);
}

function page(counted: number | undefined, rows: { id: number }[]): SearchPage {
  const n = Number(counted ?? 0);
  return { total: Math.min(n, COUNT_CAP), more: n > COUNT_CAP, ids: rows.map((r) => r.id) };
}
