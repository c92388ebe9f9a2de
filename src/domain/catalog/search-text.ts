/**
 * Chinese full-text search without a Chinese tokenizer in the database: text is segmented into words with
 * `Intl.Segmenter` (ICU's dictionary segmentation) and stored as space-separated tokens beside the item; the
 * database's plain full-text index (SQLite FTS5 unicode61, PostgreSQL 'simple') then works on those tokens. A
 * query is segmented the same way and every token must match.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const WORD = /^[\p{L}\p{N}\p{M}]+$/u;
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;

/** The word tokens of a text: NFKC-normalised (full-width letters and digits folded), lower-case. */
export function searchTokens(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (!s.isWordLike) continue;
    if (WORD.test(s.segment)) out.push(s.segment);
    // "example.gov.cn", "v2.0": ICU keeps them whole; index their letter-and-digit parts
    else for (const part of s.segment.split(SEPARATORS)) if (part) out.push(part);
  }
  return out;
}

/** The token text stored beside an item. */
export function tokenText(...texts: (string | null | undefined)[]): string {
  return texts
    .filter((t): t is string => !!t)
    .map((t) => searchTokens(t).join(' '))
    .join(' ');
}

export const MAX_QUERY_TOKENS = 12;

/** A query's tokens: unique, in order, at most MAX_QUERY_TOKENS (letters and digits only — safe to quote). */
export function queryTokens(query: string): string[] {
  return [...new Set(searchTokens(query.slice(0, 200)))].slice(0, MAX_QUERY_TOKENS);
}
