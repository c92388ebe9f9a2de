import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../test/support/seeds.ts';
import { reportArb } from '../../test/fixtures/import/reports.ts';
import type { AnnualReport } from '../domain/report/index.ts';
import { readCellText } from '../domain/report/index.ts';
import { renderReport } from '../render/report/index.ts';
import type { ParseResult } from './index.ts';
import { derivedCells, parseReportDocx, parseReportFile, parseReportHtml, parseReportText } from './index.ts';

/**
 * Thousands of mutilated documents — lines dropped or duplicated, cells deleted, characters swapped or
 * replaced, random bytes inserted, the end cut off — from the seeds and from rendered reports. The parser
 * never throws, always returns a report of the right shape, and never reports a value it did not read: every
 * number in the tables is printed at the source recorded for it, or is listed as derived by arithmetic.
 */

type Mutation =
  | { kind: 'drop'; at: number; count: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'delete-cell'; at: number; cell: number }
  | { kind: 'swap'; at: number }
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete-cell' as const), at: fc.nat(), cell: fc.nat({ max: 20 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 3 }),
      fc.constantFrom('0', '7', '—', '/', '\t', '\n', '（', '三', '總計', '|'),
    ),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.uint8Array({ maxLength: 16 }).map((b) => String.fromCharCode(...b)),
      fc.constantFrom(
        '\t',
        '\t\t',
        '\n',
        '\n\n',
        '12',
        '+3',
        '减少8',
        '第二十条第（五）项',
        '行政许可',
        '（七）总计',
      ),
    ),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const n = Math.max(1, lines.length);
    switch (m.kind) {
      case 'drop':
        lines.splice(m.at % n, m.count);
        break;
      case 'duplicate':
        lines.splice(m.at % n, 0, lines[m.at % n] ?? '');
        break;
      case 'delete-cell': {
        const i = m.at % n;
        const cells = (lines[i] ?? '').split(/(?=[\t|])/);
        if (cells.length > 1) cells.splice(m.cell % cells.length, 1);
        lines[i] = cells.join('');
        break;
      }
      default: {
        const whole = lines.join('\n');
        const at = whole.length === 0 ? 0 : m.at % whole.length;
        const next =
          m.kind === 'swap'
            ? whole.slice(0, at) + (whole[at + 1] ?? '') + (whole[at] ?? '') + whole.slice(at + 2)
            : m.kind === 'replace'
              ? whole.slice(0, at) + m.text + whole.slice(at + m.text.length)
              : m.kind === 'insert'
                ? whole.slice(0, at) + m.text + whole.slice(at)
                : whole.slice(0, at);
        lines = next.split('\n');
      }
    }
  }
  return lines.join('\n');
}

/** The report has every cell of its format, each a finite number or null. */
function checkShape(result: ParseResult): void {
  expect(result.findings).toBeInstanceOf(Array);
  for (const f of result.findings) expect(f.code).toMatch(/^[a-z_.0-9]+$/);
  for (const t of ['active', 'requests', 'appeals'] as const)
    for (const cols of Object.values(result.report[t] as unknown as Record<string, Record<string, unknown>>))
      for (const v of Object.values(cols))
        expect(v === null || (typeof v === 'number' && Number.isFinite(v))).toBe(true);
}

/** Every non-null cell is printed where its source says, or is listed as derived. */
function checkProvenance(
  report: AnnualReport,
  findings: ParseResult['findings'],
  printedAt: (source: NonNullable<AnnualReport['sources']>[string]) => string[] | null,
) {
  const derived = derivedCells(findings);
  for (const t of ['active', 'requests', 'appeals'] as const)
    for (const [row, cols] of Object.entries(
      report[t] as unknown as Record<string, Record<string, number | null>>,
    ))
      for (const [col, value] of Object.entries(cols)) {
        const path = `${t}.${row}.${col}`;
        if (value === null || derived.has(path)) continue;
        const source = report.sources?.[path];
        expect(source, `${path} = ${value} has no source`).toBeDefined();
        const texts = printedAt(source!) ?? [];
        expect(
          texts.some((text) => readCellText(text).value === value),
          `${path} = ${value} is not printed at ${JSON.stringify(source)}: ${JSON.stringify(texts).slice(0, 200)}`,
        ).toBe(true);
      }
}

/** The cells printed on a line of text: tab- or pipe-separated, or the whole line. */
const lineCells = (text: string) => (line: number) => {
  const l = text.split(/\r\n|\r|\n/)[line - 1];
  return l === undefined ? [] : [l, ...l.split(/[\t|]/)];
};

const tagged = (el: { children: unknown[] }): Element[] =>
  (el.children as Element[]).filter((c) => c.type === 'tag');

function closest(el: Element, name: string): Element | null {
  let p = el.parent as Element | null;
  while (p && !(p.type === 'tag' && p.name === name)) p = p.parent as Element | null;
  return p;
}

/**
 * Reading an element path `table[t]/tr[r]/td[c]` in an HTML document, by the rule the path is defined with:
 * the t-th table that is not inside another table, its r-th row (a tr reached from the table through
 * thead/tbody/tfoot only), that row's c-th td/th child.
 */
function htmlElementText(html: string): (path: string) => string[] {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  const tables = DomUtils.getElementsByTagName('table', doc, true).filter(
    (t) => closest(t, 'table') === null,
  );
  return (path) => {
    const m = /^table\[(\d+)\]\/tr\[(\d+)\]\/td\[(\d+)\]$/.exec(path);
    const table = m ? tables[Number(m[1]) - 1] : undefined;
    if (!m || !table) return [];
    const rows = (el: Element): Element[] =>
      tagged(el).flatMap((c) => (c.name === 'tr' ? [c] : /^t(head|body|foot)$/.test(c.name) ? rows(c) : []));
    const trs = rows(table);
    const td = tagged(trs[Number(m[2]) - 1] ?? { children: [] }).filter(
      (c) => c.name === 'td' || c.name === 'th',
    )[Number(m[3]) - 1];
    return td ? [DomUtils.textContent(td)] : [];
  };
}

/** The same in a DOCX main part: top-level w:tbl, w:tr, w:tc (looking through content controls). */
function docxElementText(xml: string): (path: string) => string[] {
  const doc = parseDocument(xml, { xmlMode: true });
  const WRAP = new Set([
    'w:sdt',
    'w:sdtContent',
    'w:customXml',
    'w:smartTag',
    'w:ins',
    'w:moveTo',
    'w:hyperlink',
    'w:fldSimple',
    'w:dir',
    'w:bdo',
  ]);
  const named = (el: Element, name: string): Element[] =>
    tagged(el).flatMap((c) => (c.name === name ? [c] : WRAP.has(c.name) ? named(c, name) : []));
  const body = DomUtils.findOne((e) => e.name === 'w:body', doc.children, true);
  const tables: Element[] = [];
  const collect = (el: Element) =>
    tagged(el).forEach((c) =>
      c.name === 'w:tbl' ? tables.push(c) : WRAP.has(c.name) ? collect(c) : undefined,
    );
  if (body) collect(body);
  return (path) => {
    const m = /^table\[(\d+)\]\/tr\[(\d+)\]\/td\[(\d+)\]$/.exec(path);
    const table = m ? tables[Number(m[1]) - 1] : undefined;
    if (!m || !table) return [];
    const tr = named(table, 'w:tr')[Number(m[2]) - 1];
    const tc = tr ? named(tr, 'w:tc')[Number(m[3]) - 1] : undefined;
    return tc
      ? [
          DomUtils.getElementsByTagName('w:t', tc, true)
            .map((t) => DomUtils.textContent(t))
            .join(''),
        ]
      : [];
  };
}

const seeds = loadSeeds();
const rendered = await Promise.all(
  fc.sample(reportArb, { numRuns: 6, seed: 42 }).map(async (r) => ({
    html: (await renderReport(r, 'html')).toString('utf8'),
    md: (await renderReport(r, 'md')).toString('utf8'),
    docx: new Uint8Array(await renderReport(r, 'docx')),
  })),
);

describe('fuzz: mutilated documents', () => {
  it('text (the seeds and rendered Markdown): never throws, never invents a value', () => {
    const sources = [...seeds.map((s) => s.text), ...rendered.map((r) => r.md)];
    fc.assert(
      fc.property(
        fc.nat({ max: sources.length - 1 }),
        fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
        (i, mutations) => {
          const text = mutate(sources[i]!, mutations);
          const result = parseReportText(text);
          checkShape(result);
          const cellsAt = lineCells(text);
          checkProvenance(result.report, result.findings, (s) => (s.line ? cellsAt(s.line) : null));
        },
      ),
      { numRuns: 3000, seed: 1 },
    );
  }, 180_000);

  it('HTML: never throws, and every value is in the table cell its element path names', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: rendered.length - 1 }),
        fc.array(mutationArb, { minLength: 1, maxLength: 5 }),
        (i, mutations) => {
          const html = mutate(rendered[i]!.html, mutations);
          const result = parseReportHtml(html);
          checkShape(result);
          const at = htmlElementText(html);
          checkProvenance(result.report, result.findings, (s) => (s.element ? at(s.element) : null));
        },
      ),
      { numRuns: 800, seed: 2 },
    );
  }, 180_000);

  it('DOCX: mutilated document XML re-zipped, and mutilated zip bytes — never throws, never invents', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: rendered.length - 1 }),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (i, mutations, xmlLevel) => {
          const original = rendered[i]!.docx;
          let bytes: Uint8Array;
          let xml: string | null = null;
          if (xmlLevel) {
            const files = unzipSync(original);
            xml = mutate(strFromU8(files['word/document.xml']!).replace(/></g, '>\n<'), mutations);
            bytes = zipSync({ ...files, 'word/document.xml': strToU8(xml) });
          } else {
            bytes = strToU8(mutate(strFromU8(original, true), mutations), true);
            try {
              // a zip is read from its central directory: damage elsewhere may leave it readable
              xml = strFromU8(
                unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!,
              );
            } catch {
              xml = null;
            }
          }
          const result = parseReportDocx(bytes);
          checkShape(result);
          if (xml !== null) {
            const at = docxElementText(xml);
            checkProvenance(result.report, result.findings, (s) => (s.element ? at(s.element) : null));
          } else checkProvenance(result.report, result.findings, () => null);
        },
      ),
      { numRuns: 600, seed: 3 },
    );
  }, 180_000);

  it('any bytes at all, under any file name: a result and findings, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.constantFrom(
            new Uint8Array(),
            strToU8('%PDF-1.7\n%garbage'),
            new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]),
          ),
        ),
        fc.constantFrom('a.txt', 'a.html', 'a.docx', 'a.pdf', 'a.md', 'a', 'a.doc'),
        async (bytes, name) => {
          const result = await parseReportFile(bytes, name);
          checkShape(result);
          expect(result.findings.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300, seed: 4 },
    );
  }, 120_000);
});
