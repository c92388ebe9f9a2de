import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import type { AnnualReport } from '../domain/report/index.ts';
import { validateReport } from '../domain/report/index.ts';
import { imagePdf } from '../../test/fixtures/import/scanned/image-pdf.ts';
import { createDocumentWorkers } from '../workers/pool.ts';
import { parseReportFile, parseReportHtml } from './index.ts';
import { DEFAULT_DOCUMENT_LIMITS, setDocumentLimits } from './limits.ts';
import { parseReportPdf } from './pdf-parse.ts';

/**
 * Scanned PDFs (#13 point 9): pages that are images with no text layer, read by OCR (pdftoppm + Tesseract,
 * child processes under limits). The fixtures (test/fixtures/import/scanned, made by make-scans.ts) are the
 * government page gov-page.pdf rendered to 150 dpi grey images, tilted, noised, JPEG-compressed — one of them
 * with a blot over table 三's （二）部分公开 · 自然人 cell (printed 50). The truth is the same page read from its HTML. The rule:
 * every number kept is right; what the table identities do not confirm is missing and named, never 0.
 */
const dir = join(import.meta.dirname, '../../test/fixtures/import/scanned');
const truth = parseReportHtml(
  readFileSync(join(import.meta.dirname, '../../test/fixtures/import/gov-page.html'), 'utf8'),
).report;

type Table = 'active' | 'requests' | 'appeals';
const paths = (report: AnnualReport) =>
  (['active', 'requests', 'appeals'] as Table[]).flatMap((t) =>
    Object.entries(report[t] as unknown as Record<string, Record<string, number | null>>).flatMap(
      ([row, columns]) =>
        Object.keys(columns).map((column) => ({ t, row, column, path: `${t}.${row}.${column}` })),
    ),
  );
const value = (report: AnnualReport, t: Table, row: string, column: string) =>
  (report[t] as unknown as Record<string, Record<string, number | null>>)[row]?.[column] ?? null;

interface Tally {
  read: number;
  missing: string[];
  wrong: string[];
}
const tally = (report: AnnualReport): Tally => {
  const out: Tally = { read: 0, missing: [], wrong: [] };
  for (const { t, row, column, path } of paths(report)) {
    if (report.missing?.includes(path)) out.missing.push(path);
    else if (value(report, t, row, column) === value(truth, t, row, column)) out.read++;
    else out.wrong.push(`${path}: ${value(report, t, row, column)} ≠ ${value(truth, t, row, column)}`);
  }
  return out;
};

// each scan is read once (tens of seconds of OCR on a busy machine); the counts go into the test names
const clean = await parseReportPdf(readFileSync(join(dir, 'gov-page-scan.pdf')));
const smudged = await parseReportPdf(readFileSync(join(dir, 'gov-page-smudged.pdf')));
const cleanTally = tally(clean.report);
const smudgedTally = tally(smudged.report);
const total = paths(truth).length;
const SMUDGED = 'requests.partially_granted.natural';

afterEach(() => setDocumentLimits(DEFAULT_DOCUMENT_LIMITS));

describe('scanned PDF', () => {
  it(`a scan imports with no wrong value: ${cleanTally.read} of ${total} cells read, ${cleanTally.missing.length} missing and named`, () => {
    expect(cleanTally.wrong).toEqual([]);
    expect([clean.report.agency, clean.report.year, clean.report.format]).toEqual([
      truth.agency,
      truth.year,
      truth.format,
    ]);
    // OCR read tables 三 and 四 (190 cells here; the floor leaves room for another Tesseract build)
    expect(cleanTally.read).toBeGreaterThanOrEqual(180);
    expect(cleanTally.read + cleanTally.missing.length).toBe(total);
    // table 二 has no identity: none of its numbers is accepted from a scan
    expect(
      paths(truth)
        .filter((p) => p.t === 'active')
        .every((p) => cleanTally.missing.includes(p.path)),
    ).toBe(true);
    // every missing cell is named by a finding (the OCR rule's, or the table reader's own)
    const named = new Set(clean.findings.flatMap((f) => f.cells ?? []));
    const byLocation = new Set(
      clean.findings.map((f) => `${f.location.table}.${f.location.row ?? ''}.${f.location.column ?? ''}`),
    );
    const unnamed = cleanTally.missing.filter((p) => !named.has(p) && !byLocation.has(p));
    const reader = clean.findings.filter((f) => /^import\.(requests|appeals|active)\./.test(f.code));
    expect(unnamed.length === 0 || reader.length > 0).toBe(true);
    const unconfirmed = clean.findings.filter((f) => f.code === 'import.ocr.unconfirmed');
    expect(unconfirmed.length).toBeGreaterThan(0);
    expect(unconfirmed[0]!.message).toMatch(
      /^表[二三四]“.+”行“.+”列（扫描件第 \d 页）：扫描识别结果未经表内关系核实，需人工核对/,
    );
    const summary = clean.findings.find((f) => f.code === 'import.ocr.scanned');
    expect(summary?.message).toContain('第 1–4 页为扫描图片');
    // a report with missing cells never validates as consistent
    expect(validateReport(clean.report).some((f) => f.severity === 'error')).toBe(true);
  });

  it(`a smudged cell is missing with a finding naming it, and so is only what its identities cannot confirm (${smudgedTally.read} read, ${smudgedTally.missing.length} missing)`, () => {
    expect(smudgedTally.wrong).toEqual([]);
    // the clean scan read that cell (50), confirmed by its row
    expect(value(clean.report, 'requests', 'partially_granted', 'natural')).toBe(50);
    expect(smudged.report.missing).toContain(SMUDGED);
    const named = smudged.findings.filter((f) => f.cells?.includes(SMUDGED));
    expect(named.map((f) => f.message).join('\n')).toMatch(
      /^表三“[^”]*部分公开[^”]*”行“自然人”列（扫描件第 3 页）：扫描识别结果未经表内关系核实，需人工核对/,
    );
    // what else is lost shares an identity with the smudged cell: its row, or its column (自然人)
    const lost = smudgedTally.missing.filter((p) => !cleanTally.missing.includes(p));
    expect(lost).toContain(SMUDGED);
    for (const p of lost)
      expect([p, p.startsWith('requests.partially_granted.') || p.endsWith('.natural')]).toEqual([p, true]);
    // the pages the smudge is not on read exactly as in the clean scan (tables 二 and 四)
    for (const t of ['active', 'appeals'] as const) {
      expect(smudged.report[t]).toEqual(clean.report[t]);
      expect(smudgedTally.missing.filter((p) => p.startsWith(`${t}.`))).toEqual(
        cleanTally.missing.filter((p) => p.startsWith(`${t}.`)),
      );
    }
  });

  it('a PDF with neither text nor images is named unreadable', async () => {
    const pdf = imagePdf([{ drawing: '1 w 72 72 m 300 72 l S', widthPt: 595, heightPt: 842 }]);
    const { findings } = await parseReportFile(pdf, 'report.pdf');
    const f = findings.find((x) => x.code === 'import.pdf.unreadable');
    expect(f?.message).toBe(
      'PDF 文件无法读取：其中既没有文字，也没有扫描图片，请提供文字版 PDF、Word 或网页。',
    );
  });

  const tinyScan = (pages: number) =>
    imagePdf(
      Array.from({ length: pages }, () => ({
        grey: new Uint8Array(64).fill(200),
        width: 8,
        height: 8,
        dpi: 150,
      })),
    );

  it('a 500-page scan is refused (413) before any page is rendered, in the worker as directly', async () => {
    const bytes = tinyScan(500);
    const direct = await parseReportPdf(bytes).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(direct).toBeInstanceOf(AppError);
    expect(direct!.code).toBe('too_large');
    expect(direct!.message).toBe(
      'PDF 文件中没有文字层的扫描页超过 30 页（扫描件文字识别的上限），已拒绝读取：请拆分文件或提供文字版 PDF、Word 或网页',
    );
    const workers = createDocumentWorkers({
      threads: 1,
      queue: 2,
      timeoutMs: 60_000,
      memoryMb: 256,
      limits: {},
    });
    try {
      const refused = await workers.parseReport(bytes, 'scan.pdf').then(
        () => null,
        (e: unknown) => e as AppError,
      );
      expect(refused?.code).toBe('too_large');
    } finally {
      await workers.close();
    }
  }, 120_000);

  it('an OCR child process past its time limit is stopped (422); past its memory limit the scan is named unreadable', async () => {
    const page = readFileSync(join(dir, 'gov-page-scan.pdf'));
    setDocumentLimits({ ocrPageTimeoutMs: 1 });
    const slow = await parseReportPdf(page).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(slow?.code).toBe('unprocessable');
    expect(slow?.message).toMatch(/^扫描件识别（(pdftoppm|tesseract)）超过 1 秒仍未完成，已停止/);
    setDocumentLimits({ ocrMemoryMb: 8 });
    const starved = await parseReportPdf(page);
    expect(starved.findings[0]?.code).toBe('import.pdf.unreadable');
    expect(starved.findings[0]?.message).toMatch(/^无法读取 PDF 文件：(pdftoppm|tesseract) 失败/);
  }, 120_000);
});
