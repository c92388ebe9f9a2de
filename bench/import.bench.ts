import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { parseReportDocx, parseReportHtml, parseReportText } from '../src/import/index.ts';
import { renderReportDocx, renderReportHtml } from '../src/render/report/index.ts';
import { reportArb } from '../test/fixtures/import/reports.ts';
import { loadSeeds } from '../test/support/seeds.ts';
import { ratio, row, timeBest } from './measure.ts';

/**
 * Import throughput: reports parsed per second from text (the five seeds, as published), HTML and DOCX
 * (generated reports rendered by Gongkai, both formats, with blanks), against merely reading the same bytes
 * (TextDecoder for text and HTML; unzipping and decoding word/document.xml for DOCX), and the layout corpus of
 * web-page text (test/fixtures/import/corpus: pipe, plain, run-together, cell per line, truncated).
 */
const RUNS = 5;
const ROUNDS = { text: 200, html: 40, docx: 20, 'web text': 100 };
const CORPUS = join(import.meta.dirname, '../test/fixtures/import/corpus');
const REPORTS = 50;

export async function run(): Promise<void> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const reports = fc.sample(reportArb, { numRuns: REPORTS, seed: 2025 });
  const inputs = {
    text: loadSeeds().map((s) => encoder.encode(s.text)),
    html: [
      ...reports.map((r) => encoder.encode(renderReportHtml(r))),
      readFileSync(join(import.meta.dirname, '../test/fixtures/import/gov-page.html')),
    ],
    docx: await Promise.all(reports.map(async (r) => new Uint8Array(await renderReportDocx(r)))),
    // the layout corpus (#13): pipe and plain-text tables, run-together cells, a cell per line, truncated
    'web text': readdirSync(CORPUS)
      .filter((f) => /\.(txt|md)$/.test(f))
      .map((f) => new Uint8Array(readFileSync(join(CORPUS, f)))),
  };
  let sink = 0;
  const read = {
    text: (b: Uint8Array) => (sink += decoder.decode(b).length),
    html: (b: Uint8Array) => (sink += decoder.decode(b).length),
    docx: (b: Uint8Array) =>
      (sink += decoder.decode(
        unzipSync(b, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'],
      ).length),
    'web text': (b: Uint8Array) => (sink += decoder.decode(b).length),
  };
  const parse = {
    text: (b: Uint8Array) => (sink += parseReportText(decoder.decode(b)).findings.length),
    html: (b: Uint8Array) => (sink += parseReportHtml(decoder.decode(b)).findings.length),
    docx: (b: Uint8Array) => (sink += parseReportDocx(b).findings.length),
    'web text': (b: Uint8Array) => (sink += parseReportText(decoder.decode(b)).findings.length),
  };
  row(`best of ${RUNS}`, 'documents', 'read only/s', 'parsed/s', 'per report', 'ratio');
  for (const kind of ['text', 'html', 'docx', 'web text'] as const) {
    const docs = inputs[kind];
    const count = docs.length * ROUNDS[kind];
    const loop = (f: (b: Uint8Array) => unknown) => () => {
      for (let r = 0; r < ROUNDS[kind]; r++) for (const d of docs) f(d);
    };
    const floor = await timeBest(RUNS, loop(read[kind]));
    const parsed = await timeBest(RUNS, loop(parse[kind]));
    const perSecond = (ms: number) => Math.round((count * 1000) / ms).toLocaleString('en');
    row(
      `${kind} (${docs.length} documents × ${ROUNDS[kind]})`,
      count,
      perSecond(floor),
      perSecond(parsed),
      `${((parsed * 1000) / count).toFixed(0)} µs`,
      ratio(parsed, floor),
    );
  }
  if (sink === 0) console.log('(no output)');
}
