import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../domain/errors.ts';
import { documentLimits } from './limits.ts';
import { OCR_CONFIDENCE_FLOOR } from './ocr-confirm.ts';
import type { GreyImage, OcrWord, PageLines } from './ocr-page.ts';
import {
  eraseLines,
  findLines,
  flattenPaper,
  ocrPdfPage,
  parsePgm,
  skewAngle,
  straighten,
  toPgm,
  tsvWords,
} from './ocr-page.ts';
import type { PdfItem, PdfPage } from './pdf-layout.ts';
import { findTables } from './pdf-layout.ts';

/**
 * OCR of scanned PDF pages (pages that are images with no text layer), by child processes under limits: each
 * page rendered to a grey image by pdftoppm (poppler-utils) at 300 dpi, straightened and its ruling lines
 * taken out (ocr-page.ts), then read by Tesseract twice — the whole page with `chi_sim+eng` (labels and prose),
 * and every table cell found between the lines on its own as one line of digits (`eng`, digits only), since a
 * page read mistakes digits next to lines and drops lone zeros. A cell's ink is cut out first, without the stubs
 * of ruling lines a tilted scan leaves (crop()); a cell that still reads as nothing sure is read once more from
 * variants of its image (variants()), and a lone level stroke is a dash. Every child process runs with a time limit
 * (the page's share of DOCUMENT_OCR timeout) and an address-space limit (prlimit), one Tesseract thread.
 */
export interface OcrItem extends PdfItem {
  /** Tesseract's confidence in the word, 0–100 */
  confidence: number;
}

export interface OcrPage extends PdfPage {
  items: OcrItem[];
}

const DPI = 300;
/** what a table cell may hold: Tesseract is told to read nothing else from a cell image */
const DIGITS = 'tessedit_char_whitelist=0123456789,.-/';
/** The longest side of a rendered page in pixels (A4 at 300 dpi is 3508): a poster is read at less. */
const MAX_SIDE = 4200;

interface Run {
  stdout: string;
}

function run(command: string, args: string[], timeoutMs: number): Promise<Run> {
  const limits = documentLimits();
  const bytes = limits.ocrMemoryMb * 1024 * 1024;
  return new Promise((resolve, reject) => {
    execFile(
      'prlimit',
      [`--as=${bytes}`, '--', command, ...args],
      {
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', OMP_THREAD_LIMIT: '1', LC_ALL: 'C.UTF-8' },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout });
        const killed = (error as { killed?: boolean }).killed;
        if (killed)
          return reject(
            new AppError(
              'unprocessable',
              `扫描件识别（${command}）超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止：请拆分文件或提供文字版后重新上传`,
              'file',
            ),
          );
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new Error(`未安装扫描件识别所需的程序（prlimit、${command}）`));
        reject(new Error(`${command} 失败：${String(stderr).trim().slice(0, 200) || error.message}`));
      },
    );
  });
}

const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

/** Pixel boxes of the cells of ruled tables on the page (merged cells once). */
function cellBoxes(lines: PageLines, page: { width: number; height: number }): Box[] {
  const pt = (v: number) => (v * 72) / DPI;
  const segments = ocrPdfPage(page, DPI, lines, []).segments;
  const boxes: Box[] = [];
  for (const t of findTables(segments)) {
    const rows = t.ys.length - 1;
    for (let pos = 0; pos < rows * t.cols; pos++) {
      if (t.root[pos] !== pos) continue;
      // the extent of the merged cell: every grid position with this root
      let [r0, r1, c0, c1] = [Infinity, -1, Infinity, -1];
      for (let q = 0; q < rows * t.cols; q++)
        if (t.root[q] === pos) {
          const [r, c] = [Math.floor(q / t.cols), q % t.cols];
          [r0, r1, c0, c1] = [Math.min(r0, r), Math.max(r1, r), Math.min(c0, c), Math.max(c1, c)];
        }
      const px = (v: number) => (v * DPI) / 72;
      const left = px(t.xs[c0]!);
      const right = px(t.xs[c1 + 1]!);
      const top = page.height - px(t.ys[r0]!);
      const bottom = page.height - px(t.ys[r1 + 1]!);
      if (right - left < pt(0) + 12 || bottom - top < 12) continue;
      boxes.push({ left: left + 5, top: top + 5, width: right - left - 10, height: bottom - top - 10 });
    }
  }
  return boxes;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A cell's image for recognition: its pixels and where its top left corner is on the page. */
interface CellImage {
  width: number;
  height: number;
  grey: Uint8Array;
  /** the cell holds one short level stroke and nothing else: a dash ("—", printed for a blank) */
  dash: boolean;
  /** the page position of the image's pixel (0, 0) */
  left: number;
  top: number;
}

/** The white margin around a cell's ink in its image (Tesseract reads a glyph touching the edge badly). */
const PAD = 24;
/** Darker than this is ink in a cell (the paper is already white, flattenPaper). */
const INK = 160;

/**
 * A cell's ink, or null when the cell holds none (a blank cell is not sent to Tesseract): the cell's pixels
 * grouped into connected blots of ink; the leftovers of the ruling lines (a thin stroke along the cell, or a
 * thin blot at its edge — a tilted line is not erased whole) and specks of noise are dropped, and what is left
 * is cut out with a white margin. A lone digit in a wide cell, a stub of line beside it, is otherwise read as
 * "1", "." or nothing.
 */
function crop(image: { width: number; height: number; grey: Uint8Array }, box: Box): CellImage | null {
  const w = Math.max(1, Math.floor(box.width));
  const h = Math.max(1, Math.floor(box.height));
  const x0 = Math.max(0, Math.floor(box.left));
  const y0 = Math.max(0, Math.floor(box.top));
  const cell = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h && y0 + y < image.height; y++)
    for (let x = 0; x < w && x0 + x < image.width; x++)
      cell[y * w + x] = image.grey[(y0 + y) * image.width + x0 + x]!;
  // connected blots of ink (8-neighbours)
  const blot = new Int32Array(w * h).fill(-1);
  const blots: { x0: number; y0: number; x1: number; y1: number; n: number }[] = [];
  const stack: number[] = [];
  for (let i = 0; i < w * h; i++) {
    if (cell[i]! >= INK || blot[i]! >= 0) continue;
    const b = { x0: w, y0: h, x1: -1, y1: -1, n: 0 };
    blot[i] = blots.length;
    stack.push(i);
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % w;
      const y = (p - x) / w;
      b.n++;
      [b.x0, b.x1, b.y0, b.y1] = [Math.min(b.x0, x), Math.max(b.x1, x), Math.min(b.y0, y), Math.max(b.y1, y)];
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const [xx, yy] = [x + dx, y + dy];
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          const q = yy * w + xx;
          if (blot[q]! < 0 && cell[q]! < INK) {
            blot[q] = blots.length;
            stack.push(q);
          }
        }
    }
    blots.push(b);
  }
  const kept = blots.map((b) => {
    const [bw, bh] = [b.x1 - b.x0 + 1, b.y1 - b.y0 + 1];
    if (b.n < 10) return false; // a speck
    if ((bw <= 8 && bh >= 0.4 * h) || (bh <= 8 && bw >= 0.4 * w)) return false; // a piece of a ruling line
    const edge = b.x0 <= 2 || b.y0 <= 2 || b.x1 >= w - 3 || b.y1 >= h - 3;
    return !(edge && (bw <= 8 || bh <= 8)); // a stub of a line at the cell's edge
  });
  const ink = blots.filter((_, i) => kept[i]);
  if (ink.reduce((a, b) => a + b.n, 0) < 12) return null;
  const [bx0, by0] = [Math.min(...ink.map((b) => b.x0)), Math.min(...ink.map((b) => b.y0))];
  const [bx1, by1] = [Math.max(...ink.map((b) => b.x1)), Math.max(...ink.map((b) => b.y1))];
  const [bw, bh] = [bx1 - bx0 + 1, by1 - by0 + 1];
  const W = bw + 2 * PAD;
  const out = new Uint8Array(W * (bh + 2 * PAD)).fill(255);
  for (let y = 0; y < bh; y++)
    for (let x = 0; x < bw; x++) {
      const [sx, sy] = [bx0 + x, by0 + y];
      // a pixel of a dropped blot, or next to one (its grey fringe), is paper
      let dropped = false;
      for (let dy = -2; dy <= 2 && !dropped; dy++)
        for (let dx = -2; dx <= 2; dx++) {
          const [xx, yy] = [sx + dx, sy + dy];
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          const b = blot[yy * w + xx]!;
          if (b >= 0 && !kept[b]) {
            dropped = true;
            break;
          }
        }
      out[(y + PAD) * W + x + PAD] = dropped ? 255 : cell[sy * w + sx]!;
    }
  return {
    width: W,
    height: bh + 2 * PAD,
    grey: out,
    dash: ink.length === 1 && bh <= 12 && bw >= 2.5 * bh,
    left: x0 + bx0 - PAD,
    top: y0 + by0 - PAD,
  };
}

/** Three more images of a cell for a second read: black and white, halved, its contrast stretched. */
function variants(image: CellImage): GreyImage[] {
  const { width, height, grey } = image;
  const black = grey.map((v) => (v < 180 ? 0 : 255));
  const stretched = grey.map((v) => (v < 200 ? Math.max(0, 2 * v - 255) : 255));
  const [w, h] = [width >> 1, height >> 1];
  const half = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const p = 2 * y * width + 2 * x;
      half[y * w + x] = (grey[p]! + grey[p + 1]! + grey[p + width]! + grey[p + width + 1]!) >> 2;
    }
  return [
    { width, height, grey: black },
    { width: w, height: h, grey: half },
    { width, height, grey: stretched },
  ];
}

/** Reads the given pages (1-based) of a PDF by OCR. */
export async function ocrPages(pdf: Uint8Array, pages: readonly number[]): Promise<Map<number, OcrPage>> {
  const limits = documentLimits();
  const out = new Map<number, OcrPage>();
  if (pages.length === 0) return out;
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-ocr-'));
  try {
    const input = join(dir, 'input.pdf');
    await writeFile(input, pdf);
    for (const p of pages) {
      const started = Date.now();
      const left = () => Math.max(1000, limits.ocrPageTimeoutMs - (Date.now() - started));
      const base = join(dir, `page-${p}`);
      await run(
        'pdftoppm',
        [
          '-r',
          String(DPI),
          '-scale-to',
          String(MAX_SIDE),
          '-gray',
          '-f',
          String(p),
          '-l',
          String(p),
          '-singlefile',
          input,
          base,
        ],
        left(),
      );
      const rendered = parsePgm(new Uint8Array(await readFile(`${base}.pgm`)));
      const upright = straighten(rendered, skewAngle(rendered));
      const lines = findLines(upright, DPI);
      const flat = flattenPaper(eraseLines(upright, lines));
      const clean = flat.image;
      if (flat.ink < 400) {
        // a blank page: nothing to read
        out.set(p, ocrPdfPage(clean, DPI, lines, []));
        continue;
      }
      await writeFile(`${base}-clean.pgm`, toPgm(clean));
      // the cells, each on its own as a line of digits
      const boxes = cellBoxes(lines, clean);
      const cells: { box: Box; file: string; image: CellImage }[] = [];
      for (const [i, box] of boxes.entries()) {
        const image = crop(clean, box);
        if (!image) continue;
        const file = `${base}-cell-${i}.pgm`;
        await writeFile(file, toPgm(image));
        cells.push({ box, file, image });
      }
      const pageRead = await run(
        'tesseract',
        [`${base}-clean.pgm`, '-', '-l', 'chi_sim+eng', '--psm', '6', '--dpi', String(DPI), 'tsv'],
        left(),
      );
      let cellWords: OcrWord[] = [];
      let textWords: OcrWord[] = [];
      if (cells.length > 0) {
        await writeFile(`${base}-cells.txt`, cells.map((c) => c.file).join('\n') + '\n');
        // every listed cell image read as one line of digits (Tesseract reads a list file's images in one run)
        const readDigits = async (list: string) =>
          cellReads(
            (
              await run(
                'tesseract',
                [list, '-', '-l', 'eng', '--psm', '7', '--dpi', String(DPI), '-c', DIGITS, 'tsv'],
                left(),
              )
            ).stdout,
          );
        const reads = await readDigits(`${base}-cells.txt`);
        // a cell that read as nothing sure is read again from three variants of its image — made black and
        // white, halved (Tesseract's line mode loses a lone "0" at this size), its contrast stretched: what the
        // variants that read anything all agree on replaces the first read when surer; if they disagree, the
        // cell is not read
        const again = cells.filter(
          (c, i) => !c.image.dash && !((reads.get(i)?.confidence ?? 0) >= OCR_CONFIDENCE_FLOOR),
        );
        if (again.length > 0) {
          const files: string[] = [];
          for (const c of again)
            for (const [k, variant] of variants(c.image).entries()) {
              const file = `${c.file.slice(0, -4)}-v${k}.pgm`;
              await writeFile(file, toPgm(variant));
              files.push(file);
            }
          await writeFile(`${base}-again.txt`, files.join('\n') + '\n');
          const second = await readDigits(`${base}-again.txt`);
          for (const [j, c] of again.entries()) {
            const got = [0, 1, 2].flatMap((k) => {
              const read = second.get(3 * j + k);
              return read ? [read] : [];
            });
            if (got.length === 0) continue;
            const i = cells.indexOf(c);
            const agreed = got.every((r) => r.text.join(' ') === got[0]!.text.join(' '));
            const read = agreed
              ? { text: got[0]!.text, confidence: Math.max(...got.map((r) => r.confidence)) }
              : { text: ['?'], confidence: 0 };
            if (read.confidence > (reads.get(i)?.confidence ?? -1)) reads.set(i, read);
          }
        }
        cellWords = cellTsv(reads, cells);
        // the same cells read as text: a label cell is known by its Chinese
        const textRead = await run(
          'tesseract',
          [`${base}-cells.txt`, '-', '-l', 'chi_sim+eng', '--psm', '6', '--dpi', String(DPI), 'tsv'],
          left(),
        );
        textWords = cellTextWords(textRead.stdout, cells);
      }
      out.set(p, mergeReads(clean, lines, tsvWords(pageRead.stdout), cellWords, textWords, boxes));
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface CellRead {
  text: string[];
  confidence: number;
}

/** Tesseract's TSV of a list of cell images → what it read in each (by index in the list). */
function cellReads(tsv: string): Map<number, CellRead> {
  const byPage = new Map<number, CellRead>();
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f[0] !== '5' || f.length < 12) continue;
    const text = f.slice(11).join('').trim();
    if (text === '') continue;
    const page = Number(f[1]) - 1;
    const entry = byPage.get(page) ?? { text: [], confidence: 100 };
    entry.text.push(text);
    entry.confidence = Math.min(entry.confidence, Number(f[10]));
    byPage.set(page, entry);
  }
  return byPage;
}

/** The digits read from each cell image, as one word placed in the middle of its cell on the page. */
function cellTsv(
  byPage: ReadonlyMap<number, CellRead>,
  cells: readonly { box: Box; image: CellImage }[],
): OcrWord[] {
  const words: OcrWord[] = [];
  for (const [i, cell] of cells.entries()) {
    // a cell with ink that reads as nothing is not blank: "?" at confidence 0 (never accepted)
    const read =
      byPage.get(i) ?? (cell.image.dash ? { text: ['—'], confidence: 90 } : { text: ['?'], confidence: 0 });
    const { box } = cell;
    const height = Math.min(box.height, 40);
    const top = box.top + box.height / 2 - height / 2;
    words.push({
      text: read.text.join(' '),
      left: box.left + 2,
      top,
      width: Math.min(box.width - 4, 20 * read.text.join(' ').length),
      height,
      confidence: read.confidence,
      page: i + 1,
      lineTop: top,
      lineHeight: height,
    });
  }
  return words;
}

/** The words read from each cell image as text, moved to where the cell is on the page. */
function cellTextWords(tsv: string, cells: readonly { image: CellImage }[]): OcrWord[] {
  return tsvWords(tsv).flatMap((w) => {
    const cell = cells[w.page - 1];
    if (!cell) return [];
    const dx = cell.image.left;
    const dy = cell.image.top;
    return [{ ...w, left: w.left + dx, top: w.top + dy, lineTop: w.lineTop + dy }];
  });
}

/**
 * The page read and the cell reads together: outside the ruled tables the page read; in a cell where either
 * read of text found Chinese (a label), the cell's own text read; in any other cell its own digit read (what
 * the page read put in a cell, right or wrong, is dropped).
 */
function mergeReads(
  image: { width: number; height: number },
  lines: PageLines,
  pageWords: readonly OcrWord[],
  cellWords: readonly OcrWord[],
  textWords: readonly OcrWord[],
  boxes: readonly Box[],
): OcrPage {
  const inBox = (w: OcrWord, b: Box) => {
    const cx = w.left + w.width / 2;
    const cy = w.top + w.height / 2;
    return cx >= b.left - 5 && cx <= b.left + b.width + 5 && cy >= b.top - 5 && cy <= b.top + b.height + 5;
  };
  const labelBoxes = boxes.filter((b) =>
    [...textWords, ...pageWords].some((w) => inBox(w, b) && hasCjk(w.text)),
  );
  const isLabel = (w: OcrWord) => labelBoxes.some((b) => inBox(w, b));
  const words = [
    ...pageWords.filter((w) => !boxes.some((b) => inBox(w, b))),
    ...textWords.filter(isLabel),
    ...cellWords.filter((w) => !isLabel(w)),
  ];
  return ocrPdfPage(image, DPI, lines, words);
}
