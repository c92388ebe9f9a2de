import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../domain/report/index.ts';
import { validateReport } from '../domain/report/index.ts';
import { derivedCells, parseReportFile } from './index.ts';

/**
 * The layout corpus (test/fixtures/import/corpus, written after the seeds and the pages agencies publish):
 * each document is read against the report it prints (truth.json). Every cell read must be the printed
 * value (no wrong value, blank never read as 0); a cell not read must be marked missing, never left as a
 * blank; and the number of cells read per layout is pinned, so a regression shows. README.md there lists
 * the counts.
 */
const DIR = join(import.meta.dirname, '../../test/fixtures/import/corpus');
type Truth = Record<'active' | 'requests' | 'appeals', Record<string, Record<string, number | null>>> & {
  agency: string;
  year: number;
  format: string;
};
const truths = JSON.parse(readFileSync(join(DIR, 'truth.json'), 'utf8')) as Record<string, Truth>;

interface Case {
  file: string;
  truth: string;
  /** cells read (value equal to the document's) */
  read: number;
  /** import finding codes that must be there */
  codes?: string[];
}

export const CORPUS: Case[] = [
  { file: 'pipe-2021.md', truth: 't2021', read: 200 },
  { file: 'plain-2021.txt', truth: 't2021', read: 200 },
  { file: 'run-together-2021.txt', truth: 't2021', read: 200, codes: ['import.requests.row_split'] },
  {
    file: 'run-together-ambiguous-2021.txt',
    truth: 't2021-ambiguous',
    read: 194,
    codes: ['import.requests.row_unreadable'],
  },
  { file: 'one-per-line-2021.txt', truth: 't2021', read: 200 },
  // the five blank cells of （三）4 collapsed away: fixed at 0 by the column identities, said to be derived
  { file: 'one-per-line-collapsed-2021.txt', truth: 't2021-collapsed', read: 195 },
  // #13 HTML layouts: Word's HTML (mso-* classes, <td><p><span> runs splitting numbers, &nbsp;, <o:p>, the
  // ghost row of supportMisalignedColumns), the official rowspan/colspan merges
  { file: 'word-html-2021.html', truth: 't2021', read: 200 },
  // header labels split over two rows ("结果 / 维持", "社会公益 / 组织"), merged label cells
  { file: 'merged-cells-2021.html', truth: 't2021', read: 200 },
  // THEAD header rows, the body over several TBODYs, TFOOT note, CAPTION, COLGROUP, TH labels, end tags left out
  { file: 'thead-quirks-2021.html', truth: 't2021', read: 200 },
  // the three tables as separate <table>s in an article among site chrome (nav, sidebar, footer), the
  // whole page laid out in a table
  { file: 'site-chrome-2021.html', truth: 't2021', read: 200 },
  // table 三 published as a picture: named unreadable, its 175 cells missing (never 0); tables 二 and 四 read
  { file: 'image-table-2021.html', truth: 't2021', read: 25, codes: ['import.requests.unreadable'] },
  // the text stops in the middle of （四）1: every row before it read, the row read as far as it goes
  {
    file: 'truncated-2021.txt',
    truth: 't2021',
    read: 97,
    codes: ['import.truncated', 'import.requests.row_cut'],
  },
];

function compare(report: AnnualReport, truth: Truth, derived: Set<string>) {
  const wrong: string[] = [];
  const unmarked: string[] = [];
  let read = 0;
  let zeroForBlank = 0;
  for (const t of ['active', 'requests', 'appeals'] as const)
    for (const [row, cols] of Object.entries(truth[t]))
      for (const [col, want] of Object.entries(cols)) {
        const path = `${t}.${row}.${col}`;
        const got = (report[t] as unknown as Record<string, Record<string, number | null>>)[row]?.[col];
        const missing = report.missing?.includes(path) ?? false;
        if (missing && got === null) continue;
        if (got === want) read++;
        // a blank collapsed away cannot be told from a lost cell: an identity fixing it at 0 is said (derived)
        else if (want === null && got === 0 && derived.has(path)) zeroForBlank++;
        else if (got === null && !missing) unmarked.push(`${path}: blank, printed ${want}`);
        else wrong.push(`${path}: read ${got}, printed ${want}`);
      }
  return { read, wrong, unmarked, zeroForBlank };
}

describe('the layout corpus (#13): every readable cell, no wrong value', () => {
  for (const c of CORPUS)
    it(`${c.file}: ${c.read} cells read, none wrong, the rest marked missing`, async () => {
      const bytes = new Uint8Array(readFileSync(join(DIR, c.file)));
      const { report, findings } = await parseReportFile(bytes, c.file);
      const truth = truths[c.truth]!;
      expect({ agency: report.agency, year: report.year, format: report.format }).toEqual({
        agency: truth.agency,
        year: truth.year,
        format: truth.format,
      });
      const result = compare(report, truth, derivedCells(findings));
      expect(result.wrong).toEqual([]);
      expect(result.unmarked).toEqual([]);
      expect(result.read).toBe(c.read);
      for (const code of c.codes ?? []) expect(findings.map((f) => f.code)).toContain(code);
      // a report with cells not read never validates clean
      if (result.read + result.zeroForBlank < 200)
        expect(validateReport(report).map((f) => f.code)).toContain('cell.missing');
    });
});
