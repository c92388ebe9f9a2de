/**
 * Chinese full-text search without a Chinese tokenizer in the database: text is segmented into words with
 * `Intl.Segmenter` (ICU's dictionary segmentation) and stored as space-separated tokens beside the item; the
 * database's plain full-text index (SQLite FTS5 unicode61, PostgreSQL 'simple') then works on those tokens. A
 * query is segmented the same way and every token must match.
 */
import { toSimplified } from './simplified.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const WORD = /^[\p{L}\p{N}\p{M}]+$/u;
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;

/**
 * The word tokens of a text: NFKC-normalised (full-width letters and digits folded), lower-case, traditional
 * characters folded to simplified (醫療 → 医疗), so either form finds the other.
 */
export function searchTokens(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(toSimplified(text.normalize('NFKC').toLowerCase()))) {
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

/**
 * 同义词和简称 (an editable list in the agency's settings, `searchSynonyms`): each entry is a term and what it
 * also stands for, e.g. 预决算 → 预算, 决算. Written one per line as `预决算 = 预算 决算` (or with →).
 */
export interface Synonym {
  term: string;
  alternatives: string[];
}

/** Reads the settings' list (lines or an array of lines); malformed lines are left out. */
export function readSynonyms(value: unknown): Synonym[] {
  const lines = Array.isArray(value) ? value : typeof value === 'string' ? value.split('\n') : [];
  const out: Synonym[] = [];
  for (const line of lines) {
    if (typeof line !== 'string') continue;
    const m = /^\s*([^=→]+?)\s*(?:=|→|->)\s*(.+?)\s*$/.exec(line);
    if (!m) continue;
    const alternatives = m[2]!.split(/[\s,，、;；]+/).filter((a) => a && a !== m[1]);
    if (alternatives.length > 0) out.push({ term: m[1]!, alternatives });
  }
  return out;
}

/** The problems of a synonym list in the settings (each line names its number). */
export function checkSynonyms(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const lines = Array.isArray(value) ? value : typeof value === 'string' ? value.split('\n') : null;
  if (!lines) return ['同义词表应为文字，每行一条，如“预决算 = 预算 决算”'];
  return lines.flatMap((line, i) =>
    typeof line === 'string' && (line.trim() === '' || readSynonyms([line]).length === 1)
      ? []
      : [`同义词表第 ${i + 1} 行“${String(line)}”格式不正确，应如“预决算 = 预算 决算”`],
  );
}

/**
 * A query as the index takes it: groups that must all match, each a list of alternatives (any one matches),
 * each alternative a list of tokens (all match). A word of the synonym list becomes one group of itself and
 * what it stands for; every other token is a group of one.
 */
export interface SearchQueryPlan {
  groups: string[][][];
  /** every token of every alternative (for highlighting) */
  tokens: string[];
}

export function planQuery(query: string, synonyms: readonly Synonym[] = []): SearchQueryPlan {
  let text = toSimplified(query.slice(0, 200).normalize('NFKC').toLowerCase());
  const groups: string[][][] = [];
  for (const s of synonyms) {
    const term = toSimplified(s.term.normalize('NFKC').toLowerCase());
    if (!term || !text.includes(term)) continue;
    text = text.split(term).join(' ');
    const alternatives = [term, ...s.alternatives].map((a) => queryTokens(a)).filter((a) => a.length > 0);
    if (alternatives.length > 0) groups.push(alternatives);
  }
  for (const token of queryTokens(text)) groups.push([[token]]);
  const limited = groups.slice(0, MAX_QUERY_TOKENS);
  return { groups: limited, tokens: [...new Set(limited.flat(2))] };
}
