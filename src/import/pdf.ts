import { createRequire } from 'node:module';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../domain/errors.ts';
import type { Finding } from '../domain/report/index.ts';
import type { PdfItem, PdfPage, Segment } from './pdf-layout.ts';
import { pdfRows } from './pdf-layout.ts';
import type { DocRow } from './types.ts';
import { documentLimits, isLimitError } from './limits.ts';
import { pdfDecodedBytes } from './pdf-streams.ts';
import { ocrPages } from './ocr.ts';

/**
 * PDF: a thin adapter over pdfjs-dist (legacy build, for Node): the text items of each page and the ruling
 * lines drawn on it (stroked lines, and filled rectangles thin enough to be lines), in page space. The rows are
 * rebuilt by pdf-layout.ts. Before pdfjs sees the file, its flate streams are measured (pdf-streams.ts) and
 * its pages counted against the limits (limits.ts).
 */

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;
const load = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

function assetDir(): string | null {
  try {
    return createRequire(import.meta.url)
      .resolve('pdfjs-dist/package.json')
      .replace(/package\.json$/, '');
  } catch {
    return null;
  }
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** Ruling lines from an operator list: constructPath with stroke → its straight edges; fill → thin boxes. */
export function rulings(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  OPS: PdfJs['OPS'],
): Segment[] {
  const out: Segment[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const STROKE = new Set<number>([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const FILL = new Set<number>([OPS.fill, OPS.eoFill]);
  const push = (a: [number, number], b: [number, number]) => {
    const [x1, x2] = a[0] <= b[0] ? [a[0], b[0]] : [b[0], a[0]];
    const [y1, y2] = a[1] <= b[1] ? [a[1], b[1]] : [b[1], a[1]];
    if (Math.abs(x2 - x1) < 1 || Math.abs(y2 - y1) < 1) out.push({ x1, y1, x2, y2 });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(ctm, argsArray[i] as Matrix);
    else if (fn === OPS.constructPath) {
      const [op, paths] = argsArray[i] as [number, ArrayLike<number>[] | null];
      const data = paths?.[0];
      if (!data || !(STROKE.has(op) || FILL.has(op))) continue;
      const points: [number, number][] = [];
      let start: [number, number] | null = null;
      let prev: [number, number] | null = null;
      for (let k = 0; k < data.length;) {
        const code = data[k++];
        if (code === 0 || code === 1) {
          const p = apply(ctm, data[k++]!, data[k++]!);
          if (code === 1 && prev && STROKE.has(op)) push(prev, p);
          if (code === 0) start = p;
          prev = p;
          points.push(p);
        } else if (code === 2) {
          k += 6;
          prev = null;
        } else if (code === 3) {
          k += 4;
          prev = null;
        } else if (code === 4) {
          if (prev && start && STROKE.has(op)) push(prev, start);
          prev = start;
        } else break;
      }
      if (FILL.has(op) && points.length >= 2) {
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        if (x2 - x1 < 2.5 && y2 - y1 >= 3) out.push({ x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1, y2 });
        else if (y2 - y1 < 2.5 && x2 - x1 >= 3) out.push({ x1, x2, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 });
      }
    }
  }
  return out;
}

/** Refuses a PDF with more pages than the limit (413): a report has tens of pages, not thousands. */
export function assertPdfPages(pages: number): void {
  const max = documentLimits().maxPdfPages;
  if (pages > max)
    throw new AppError('too_large', `PDF 文件有 ${pages} 页，超过上限 ${max} 页，已拒绝读取`, 'file');
}

/** Refuses a scan with more image-only pages than OCR may read (413): each page is seconds of recognition. */
export function assertOcrPages(pages: number): void {
  const max = documentLimits().maxOcrPages;
  if (pages > max)
    throw new AppError(
      'too_large',
      `PDF 文件中没有文字层的扫描页超过 ${max} 页（扫描件文字识别的上限），已拒绝读取：请拆分文件或提供文字版 PDF、Word 或网页`,
      'file',
    );
}

export interface PdfRead {
  rows: DocRow[];
  findings: Finding[];
  /** the pages read by OCR (scanned: images, no text layer), 1-based */
  scannedPages: number[];
  /** pages with neither text nor images */
  emptyPages: number;
}

const unreadable = (message: string): PdfRead => ({
  rows: [],
  scannedPages: [],
  emptyPages: 0,
  findings: [{ code: 'import.pdf.unreadable', severity: 'error', location: { table: 'meta' }, message }],
});

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  pdfDecodedBytes(bytes); // a flate bomb is refused before pdfjs decodes anything
  let lib: PdfJs;
  try {
    lib = await load();
  } catch (error) {
    return unreadable(`无法加载 PDF 解析组件：${error instanceof Error ? error.message : String(error)}。`);
  }
  const dir = assetDir();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']> | null = null;
  try {
    doc = await lib.getDocument({
      data: new Uint8Array(bytes),
      ...(dir
        ? { cMapUrl: `${dir}cmaps/`, cMapPacked: true, standardFontDataUrl: `${dir}standard_fonts/` }
        : {}),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
    assertPdfPages(doc.numPages);
    const pages: PdfPage[] = [];
    const scannedPages: number[] = [];
    let emptyPages = 0;
    const IMAGE = new Set<number>([
      lib.OPS.paintImageXObject,
      lib.OPS.paintInlineImageXObject,
      lib.OPS.paintImageXObjectRepeat,
      lib.OPS.paintInlineImageXObjectGroup,
      lib.OPS.paintImageMaskXObject,
    ]);
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const [a, b, c, d, e, f] = it.transform as number[];
        if (Math.abs(b ?? 0) > 0.01 || Math.abs(c ?? 0) > 0.01) continue; // rotated text: not table content
        items.push({
          text: it.str,
          x: e!,
          y: f!,
          width: it.width,
          height: Math.abs(d ?? a ?? 10) || it.height || 10,
        });
      }
      const ops = await page.getOperatorList();
      pages.push({ items, segments: rulings(ops.fnArray, ops.argsArray, lib.OPS) });
      if (items.length === 0) {
        // a page with no text: a scan (an image) is read by OCR; a page with neither is empty
        if (ops.fnArray.some((fn) => IMAGE.has(fn))) {
          scannedPages.push(p);
          assertOcrPages(scannedPages.length);
        } else emptyPages++;
      }
      page.cleanup();
    }
    if (scannedPages.length > 0) {
      const read = await ocrPages(bytes, scannedPages);
      for (const [p, ocr] of read) pages[p - 1] = ocr;
    }
    return { rows: pdfRows(pages), findings: [], scannedPages, emptyPages };
  } catch (error) {
    if (isLimitError(error)) throw error;
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') return unreadable('PDF 文件有密码保护，无法读取。');
    return unreadable(`无法读取 PDF 文件：${error instanceof Error ? error.message : String(error)}。`);
  } finally {
    await doc?.destroy().catch(() => undefined);
  }
}
