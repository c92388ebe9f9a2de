import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { parseReportDocx, parseReportHtml, parseReportPdf, parseReportText } from '../src/import/index.ts';
import { renderReportDocx, renderReportHtml } from '../src/render/report/index.ts';
import { reportArb } from '../test/fixtures/import/reports.ts';
import { loadSeeds } from '../test/support/seeds.ts';
import { ratio, row, timeBest } from './measure.ts';

/**
 * Import throughput: reports parsed per second from text (the five seeds, as published), HTML and DOCX
 * (generated reports rendered by Gongkai, both formats, with blanks), against merely reading the same bytes
 * (TextDecoder for text and HTML; unzipping and decoding word/document.xml for DOCX), and the layout corpus of
 * web-page text (test/fixtures/import/corpus: pipe, plain, run-together, cell per line, truncated). PDFs: the
 * government page as a text PDF, and the same page scanned (test/fixtures/import/scanned: image-only pages read
 * by OCR — pdftoppm and Tesseract child processes), against reading the same bytes (a pass over them) and, for
 * the scan, against the text PDF of the same report.
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
  // PDFs: a text layer (pdfjs) and a scan (OCR, seconds a page: one round, best of two)
  const fixtures = join(import.meta.dirname, '../test/fixtures/import');
  const pdfs = {
    'pdf, text layer': readFileSync(join(fixtures, 'gov-page.pdf')),
    'pdf, scanned (OCR)': readFileSync(join(fixtures, 'scanned/gov-page-scan.pdf')),
  };
  const pass = (b: Uint8Array) => {
    let x = 0;
    for (let i = 0; i < b.length; i++) x = (x + b[i]!) | 0;
    sink += x & 1;
  };
  let textPdf = 0;
  for (const [kind, bytes] of Object.entries(pdfs)) {
    const scanned = kind.includes('OCR');
    const rounds = scanned ? 1 : 10;
    const floor = await timeBest(RUNS, () => {
      for (let r = 0; r < rounds; r++) pass(bytes);
    });
    const parsed = await timeBest(scanned ? 2 : RUNS, async () => {
      for (let r = 0; r < rounds; r++) sink += (await parseReportPdf(bytes)).findings.length;
    });
    if (!scanned) textPdf = parsed / rounds;
    const perSecond = (ms: number) =>
      (rounds * 1000) / ms >= 10
        ? Math.round((rounds * 1000) / ms).toLocaleString('en')
        : ((rounds * 1000) / ms).toFixed(3);
    row(
      `${kind} (1 document × ${rounds})`,
      rounds,
      perSecond(floor),
      perSecond(parsed),
      `${(parsed / rounds).toFixed(0)} ms`,
      ratio(parsed, floor),
    );
    if (scanned)
      row(
        '  scanned against the text PDF of the same report',
        '',
        '',
        '',
        '',
        ratio(parsed / rounds, textPdf),
      );
  }
  if (sink === 0) console.log('(no output)');
}
