import { toSimplified } from './simplified.ts';

/**
 * Highlighting search results: the parts of a title or snippet that match the query. The query's whitespace
 * separated terms match as a whole; its word tokens of two or more characters match anywhere (a one-character
 * token such as 的 would light up every line, so it is marked only when it is the whole query). Text and query
 * are compared folded as the index folds them (NFKC, lower case, traditional characters as simplified ones), so
 * that 醫療 in a title is marked for the query 医疗, as the search found it.
 */
export interface Segment {
  text: string;
  hit: boolean;
}

const fold = (text: string) => toSimplified(text.normalize('NFKC').toLowerCase());

function needles(query: string, tokens: readonly string[]): string[] {
  const terms = fold(query)
    .split(/\s+/)
    .filter((t) => t.length > 0);
  const long = tokens.filter((t) => t.length >= 2 || tokens.length === 1);
  return [...new Set([...terms, ...long])].sort((a, b) => b.length - a.length);
}

/** Marks every occurrence of the query's terms and tokens (case-insensitive; overlapping marks merge). */
export function highlight(text: string, query: string, tokens: readonly string[]): Segment[] {
  return marks(text, needles(query, tokens));
}

/** A window of about `width` characters of `text` around the first match (or its start), with ellipses. */
export function snippet(text: string, query: string, tokens: readonly string[], width = 120): string {
  return around(text, needles(query, tokens), width);
}

/** `highlight` and `snippet` of one query, its terms and tokens prepared once for a page of results. */
export function highlighter(query: string, tokens: readonly string[]) {
  const prepared = needles(query, tokens);
  return {
    highlight: (text: string) => marks(text, prepared),
    snippet: (text: string, width = 120) => around(text, prepared, width),
  };
}

function marks(text: string, needles: readonly string[]): Segment[] {
  const lower = fold(text);
  // NFKC can change lengths (e.g. ligatures); fall back to no marks rather than mis-aligned ones
  if (lower.length !== text.length) return [{ text, hit: false }];
  const marked = new Uint8Array(text.length);
  for (const needle of needles)
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length))
      marked.fill(1, i, i + needle.length);
  const out: Segment[] = [];
  for (let i = 0; i < text.length;) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    out.push({ text: text.slice(i, j), hit: marked[i] === 1 });
    i = j;
  }
  return out.length > 0 ? out : [{ text, hit: false }];
}

function around(text: string, needles: readonly string[], width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const lower = fold(flat);
  let at = -1;
  for (const needle of needles) {
    const i = lower.indexOf(needle);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = Math.max(0, Math.min(at < 0 ? 0 : at - Math.floor(width / 3), flat.length - width));
  return `${start > 0 ? '…' : ''}${flat.slice(start, start + width)}${start + width < flat.length ? '…' : ''}`;
}
