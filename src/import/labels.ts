import type { ReportFormat, RequestGroup } from '../domain/report/index.ts';
import { GROUP_HEADING, RESULTS_HEADING, requestRows } from '../domain/report/index.ts';
import { labelKey, lcsLength, numbering, stripNumbering } from './normalise.ts';

/**
 * Matching printed labels against the statutory labels of table 三 (rows, group headings, column headers).
 * Labels are compared by key (labelKey: no spaces, punctuation or width differences), without their item
 * numbers, without the parenthetical note of （二）部分公开, and with 或 dropped (确认或重新出具 is often printed
 * without it). A piece that is not exactly a label may still contain one, or be a fragment of exactly one
 * (a label broken over lines), or differ by a typo (close enough by longest common subsequence).
 */

/** The comparison key used for table labels: labelKey without 或. */
export function matchKey(text: string): string {
  return labelKey(stripNumbering(text)).replace(/或/g, '');
}

export type LabelTarget =
  | { kind: 'row'; key: string }
  | { kind: 'group'; group: RequestGroup }
  | { kind: 'results' }
  | { kind: 'header' };

interface Entry {
  target: LabelTarget;
  core: string;
  /** the exact statutory label, for messages */
  label: string;
}

export interface LabelMatch {
  target: LabelTarget;
  label: string;
  /** 3 exact, 2 contains the label, 1 a fragment of one label, 0.5 close by similarity (a typo) */
  score: number;
}

const HEADER_WORDS = [
  '申请人情况',
  '自然人',
  '法人或其他组织',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和',
];

const catalogues = new Map<ReportFormat, Entry[]>();

function catalogue(format: ReportFormat): Entry[] {
  const cached = catalogues.get(format);
  if (cached) return cached;
  const entries: Entry[] = [];
  for (const row of requestRows(format)) {
    const core = matchKey(row.label.replace(/（区分处理的.*$/, ''));
    entries.push({ target: { kind: 'row', key: row.key }, core, label: row.label });
  }
  for (const [group, heading] of Object.entries(GROUP_HEADING) as [RequestGroup, string][]) {
    if (group === 'other' && format === '2019') continue;
    entries.push({ target: { kind: 'group', group }, core: matchKey(heading), label: heading });
  }
  entries.push({ target: { kind: 'results' }, core: matchKey(RESULTS_HEADING), label: RESULTS_HEADING });
  for (const word of HEADER_WORDS)
    entries.push({ target: { kind: 'header' }, core: matchKey(word), label: word });
  catalogues.set(format, entries);
  return entries;
}

/** Short labels (总计, 其他) only match exactly, and only when numbered or in a row that holds values. */
const SHORT = 3;
const PRIORITY: Record<LabelTarget['kind'], number> = { row: 3, group: 2, results: 1, header: 0 };

export function matchLabel(text: string, format: ReportFormat, hasValues: boolean): LabelMatch | null {
  const key = matchKey(text);
  if (key.length === 0) return null;
  const numbered = numbering(text) !== null;
  let best: { entry: Entry; score: number } | null = null;
  let ambiguous = false;
  const rank = (e: Entry, score: number) => [score, PRIORITY[e.target.kind], e.core.length] as const;
  const consider = (entry: Entry, score: number) => {
    if (!best) {
      best = { entry, score };
      return;
    }
    const a = rank(entry, score);
    const b = rank(best.entry, best.score);
    const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
    if (cmp > 0) {
      best = { entry, score };
      ambiguous = false;
    } else if (cmp === 0 && entry !== best.entry) ambiguous = true;
  };
  for (const entry of catalogue(format)) {
    const core = entry.core;
    if (core.length < SHORT) {
      if (key === core && (numbered || hasValues || entry.target.kind !== 'row')) consider(entry, 3);
      continue;
    }
    if (key === core) consider(entry, 3);
    else if (key.includes(core)) consider(entry, 2);
    else if (key.length >= 6 && core.includes(key)) consider(entry, 1);
  }
  if (!best) {
    // a typo or a dropped character: the closest label by common subsequence, if clearly the closest
    let bestRatio = 0;
    let second = 0;
    let bestEntry: Entry | null = null;
    for (const entry of catalogue(format)) {
      if (entry.core.length < 4) continue;
      const ratio = lcsLength(key, entry.core) / Math.max(key.length, entry.core.length);
      if (ratio > bestRatio) {
        second = bestRatio;
        bestRatio = ratio;
        bestEntry = entry;
      } else if (ratio > second) second = ratio;
    }
    if (bestEntry && bestRatio >= 0.75 && bestRatio - second >= 0.1)
      return { target: bestEntry.target, label: bestEntry.label, score: 0.5 };
    return null;
  }
  const found = best as { entry: Entry; score: number };
  if (ambiguous && found.score <= 1) return null;
  return { target: found.entry.target, label: found.entry.label, score: found.score };
}
