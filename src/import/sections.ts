import { SECTION_HEADINGS } from '../domain/report/index.ts';
import { foldWidth, trimAll } from './normalise.ts';
import type { DocRow } from './types.ts';

/**
 * The six sections of the report (条例 Art. 50) located by their headings. Agencies word the headings a
 * little differently (四、因政府信息公开工作被申请行政复议和提起行政诉讼情况, 五、存在的问题与下一步工作计划), so a heading
 * is its number 一–六 and a key word of the section, on a short line of its own, in increasing order.
 */

export type SectionNumber = 1 | 2 | 3 | 4 | 5 | 6;

const NUMERALS = '一二三四五六';
const KEY_WORDS: Record<SectionNumber, RegExp> = {
  1: /总体|概述|基本情况/,
  2: /主动公开/,
  3: /申请/,
  4: /复议|诉讼/,
  5: /问题|改进/,
  6: /其他|其它/,
};

/** The text of a row that could be a heading: a paragraph, or a table row with a single non-empty cell. */
export function rowText(row: DocRow): string | null {
  const texts = row.cells.map((c) => trimAll(c.text)).filter((t) => t !== '');
  return texts.length === 1 ? texts[0]! : null;
}

/** The section a heading text opens, if it is one. */
export function sectionOfHeading(text: string): SectionNumber | null {
  const folded = foldWidth(text).replace(/\s+/g, '');
  const m = /^([一二三四五六])[、.,，]?(.{2,40})$/.exec(folded);
  if (!m) return null;
  const n = (NUMERALS.indexOf(m[1]!) + 1) as SectionNumber;
  return KEY_WORDS[n].test(m[2]!) ? n : null;
}

export interface Sections {
  /** row index of each heading found */
  heading: Partial<Record<SectionNumber, number>>;
}

export function findSections(rows: readonly DocRow[]): Sections {
  const heading: Partial<Record<SectionNumber, number>> = {};
  let last = 0;
  rows.forEach((row, i) => {
    const text = rowText(row);
    if (text === null || text.length > 48) return;
    const n = sectionOfHeading(text);
    if (n !== null && n > last) {
      heading[n] = i;
      last = n;
    }
  });
  return { heading };
}

/** The statutory heading of a section, for messages. */
export function sectionTitle(n: SectionNumber): string {
  return SECTION_HEADINGS[n - 1]!;
}

const TITLE = /^(.*?)(\d{4})?年?度?(?:政府)?信息公开(?:工作)?(?:年度)?报告/;

export interface Title {
  agency: string | null;
  year: number | null;
  /** row index where the title was read */
  row: number | null;
}

function cleanAgency(text: string): string | null {
  let t = text.replace(/[\s\u00a0\u3000]+/g, '').replace(/^[：:，,。、\-—_|]+|[：:，,。、\-—_|]+$/g, '');
  const parts = t.split(/[：:，,。；;|_>»›]/);
  t = parts[parts.length - 1] ?? '';
  if (t.length > 40 || t.length < 2) return null;
  return t;
}

/**
 * The agency and year from the title: “XX局2020年政府信息公开工作年度报告”, possibly broken over two lines,
 * or the agency on the line above a title that starts with the year.
 */
export function findTitle(rows: readonly DocRow[], before: number): Title {
  const first = titleIn(rows, before, 0);
  // a title without its year (a page's <title>, a running head): the year from a later title line
  if (first.row !== null && first.year === null) {
    const later = titleIn(rows, before, first.row + 1);
    if (later.year !== null)
      return { agency: first.agency ?? later.agency, year: later.year, row: later.row };
  }
  return first;
}

const PERIOD =
  /统计(?:期限|时限|区间|时间|周期)?(?:为|是|自|从)?(\d{4})年0?1月0?1日(?:起)?(?:至|到|—|-|~)(\d{4})年12月31日/;

/** The report year from “统计期限为2024年1月1日至2024年12月31日” in the first paragraphs, if printed. */
export function periodYear(rows: readonly DocRow[], before: number): { year: number; row: number } | null {
  const limit = Math.min(Math.max(before, 1) + 5, 40, rows.length);
  for (let i = 0; i < limit; i++) {
    const text = foldWidth(rows[i]!.cells.map((c) => c.text).join('')).replace(/[\s\u00a0\u3000]+/g, '');
    const m = PERIOD.exec(text);
    if (m && m[1] === m[2]) return { year: Number(m[1]), row: i };
  }
  return null;
}

function titleIn(rows: readonly DocRow[], before: number, from: number): Title {
  const limit = Math.min(before, 20, rows.length);
  const texts: string[] = [];
  for (let i = 0; i < limit; i++) texts.push(rows[i]!.cells.map((c) => c.text).join(''));
  const compact = (t: string) => foldWidth(t).replace(/[\s\u00a0\u3000]+/g, '');
  for (let i = from; i < limit; i++) {
    // a title wrapped over two lines is read joined; a line that is already a whole title ("年度报告" in a
    // page's <title>) is not joined to the next
    const alone = compact(texts[i]!);
    const candidates = /报告$/.test(alone) ? [alone] : [alone, compact(texts[i]! + (texts[i + 1] ?? ''))];
    for (const text of candidates) {
      const m = TITLE.exec(text);
      if (!m) continue;
      const year = m[2] ? Number(m[2]) : null;
      let agency = cleanAgency(m[1] ?? '');
      for (let j = i - 1; agency === null && j >= 0; j--) {
        const prev = compact(texts[j]!);
        if (prev === '') continue;
        if (prev.length <= 40) agency = cleanAgency(prev);
        break;
      }
      if (year === null && agency === null) continue;
      return { agency, year, row: i };
    }
  }
  return { agency: null, year: null, row: null };
}

/** The title of each section as agencies print it, for a heading run into its first paragraph. */
const RUN_IN: Record<SectionNumber, RegExp> = {
  1: /^总体情况|^概述/,
  2: /^主动公开政府信息(?:的)?情况/,
  3: /^收到和处理政府信息公开申请(?:的)?情况/,
  4: /^[^。，；]{0,24}?行政复议[^。，；]{0,16}?行政诉讼(?:的)?情况/,
  5: /^[^。，；]{0,16}?存在的(?:主要)?问题(?:及|和|与)(?:改进|整改)(?:情况|措施|计划)?/,
  6: /^其他需要报告的事项/,
};

/**
 * A section heading run into the text that follows it ("一、总体情况本年度，我局……"): the paragraph is split
 * into the heading and the rest, so the narrative still falls into its six sections.
 */
export function splitRunInHeadings(rows: DocRow[]): DocRow[] {
  const out: DocRow[] = [];
  for (const row of rows) {
    const cell = row.cells[0];
    if (!row.prose || row.cells.length !== 1 || !cell) {
      out.push(row);
      continue;
    }
    const text = trimAll(cell.text);
    const m = /^([一二三四五六])\s*[、.，,．]\s*/.exec(foldWidth(text.slice(0, 4)));
    const n = m ? ((NUMERALS.indexOf(m[1]!) + 1) as SectionNumber) : null;
    const title = n ? RUN_IN[n].exec(foldWidth(text.slice(m![0].length))) : null;
    const rest = title ? text.slice(m![0].length + title[0].length).replace(/^[\s:：。.]+/, '') : '';
    if (!n || !title || rest === '') {
      out.push(row);
      continue;
    }
    const head = text.slice(0, m![0].length + title[0].length);
    out.push({ ...row, cells: [{ ...cell, text: head }] });
    out.push({ ...row, cells: [{ ...cell, text: rest }] });
  }
  return out;
}
