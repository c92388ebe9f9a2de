import type { PdfItem, PdfPage, Segment } from './pdf-layout.ts';

/**
 * A scanned page, pure: the grey image as pdftoppm renders it (binary PGM), straightened (the skew found from
 * the rows of ink), its ruling lines found as long runs of ink and taken out before recognition (Tesseract
 * reads "|1204|" where a line touches the digits), and Tesseract's word boxes (TSV) turned into the text items
 * of a PDF page — so the same layout code (pdf-layout.ts) rebuilds the table grid from the lines and puts each
 * word in its cell. Coordinates become PDF points (y upwards) at the rendering resolution.
 */
export interface GreyImage {
  width: number;
  height: number;
  /** one byte a pixel, 0 black … 255 white, rows top first */
  grey: Uint8Array;
}

export function parsePgm(bytes: Uint8Array): GreyImage {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < bytes.length && /\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
      if (bytes[pos] !== 0x23) break; // a comment
      while (pos < bytes.length && bytes[pos] !== 0x0a) pos++;
    }
    let t = '';
    while (pos < bytes.length && !/\s/.test(String.fromCharCode(bytes[pos]!)))
      t += String.fromCharCode(bytes[pos++]!);
    return t;
  };
  const magic = token();
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  pos++; // the single white space before the pixels
  if (magic !== 'P5' || !(width > 0) || !(height > 0) || max !== 255 || pos + width * height > bytes.length)
    throw new Error('页面图像格式不正确');
  return { width, height, grey: bytes.subarray(pos, pos + width * height) };
}

export function toPgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.grey.length);
  out.set(header);
  out.set(image.grey, header.length);
  return out;
}

/**
 * The skew in degrees (−2 … 2): the angle at which the horizontal strokes — ruling lines and the long strokes
 * of characters — line up best (projection profile of the ink in horizontal runs).
 */
export function skewAngle(image: GreyImage): number {
  const { width, height } = image;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const r of runs(image, true, Math.round(width / 60), 1, 12))
    for (let x = r.from; x <= r.to; x += 3) {
      xs.push(x - width / 2);
      ys.push(r.at);
    }
  if (xs.length < 100) return 0;
  const bins = new Float64Array(height + 2 * width + 2);
  const score = (deg: number) => {
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < xs.length; i++) bins[Math.round(ys[i]! - xs[i]! * t + width)]!++;
    let s = 0;
    for (let i = 0; i < bins.length; i++) s += bins[i]! * bins[i]!;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (const [from, to, by] of [
    [-2, 2, 0.1],
    [-0.1, 0.1, 0.01],
  ] as const) {
    const centre = best;
    for (let d = from; d <= to + 1e-9; d += by) {
      const s = score(centre + d);
      if (s > bestScore) [best, bestScore] = [centre + d, s];
    }
  }
  return Math.round(best * 100) / 100;
}

/** The image turned by −angle (so rows tilted by `angle` become level); white where nothing comes in. */
export function straighten(image: GreyImage, angle: number): GreyImage {
  if (angle === 0) return image;
  const { width, height, grey } = image;
  const out = new Uint8Array(width * height).fill(255);
  const a = (angle * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const [cx, cy] = [width / 2, height / 2];
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      const sx = Math.round(cos * dx - sin * dy + cx);
      const sy = Math.round(sin * dx + cos * dy + cy);
      if (sx >= 0 && sy >= 0 && sx < width && sy < height) out[y * width + x] = grey[sy * width + sx]!;
    }
  }
  return { width, height, grey: out };
}

interface Run {
  /** the fixed coordinate (row y for a horizontal run) */
  at: number;
  from: number;
  to: number;
}

/**
 * Runs at least `min` long along rows (horizontal) or columns, gaps of `gap` pixels bridged, of pixels darker
 * than the paper `depth` grey levels or more on both sides across the run (5 pixels off): a ridge, so a pale
 * scanned line on tinted paper is found as well as black ink.
 */
function runs(image: GreyImage, horizontal: boolean, min: number, gap: number, depth: number): Run[] {
  const { width, height, grey } = image;
  const [outer, inner] = horizontal ? [height, width] : [width, height];
  const OFF = 5;
  const out: Run[] = [];
  // index of (o, i) = o * os + i * is; the pixels OFF across the run are OFF * os away
  const [os, is] = horizontal ? [width, 1] : [1, width];
  const across = OFF * os;
  for (let o = OFF; o < outer - OFF; o++) {
    let start = -1;
    let last = -1;
    const base = o * os;
    for (let i = 0; i <= inner; i++) {
      let ink = false;
      if (i < inner) {
        const p = base + i * is;
        const v = grey[p]! + depth;
        ink = v <= grey[p - across]! && v <= grey[p + across]!;
      }
      if (ink) {
        if (start < 0 || i - last > gap + 1) {
          if (start >= 0 && last - start + 1 >= min) out.push({ at: o, from: start, to: last });
          start = i;
        }
        last = i;
      }
    }
    if (start >= 0 && last - start + 1 >= min) out.push({ at: o, from: start, to: last });
  }
  return out;
}

/** Neighbouring runs (a line a few pixels thick) merged into one line at their middle. */
function merge(list: Run[]): Run[] {
  const lines: { at0: number; at1: number; from: number; to: number }[] = [];
  for (const r of list) {
    const line = lines.find(
      (l) => r.at - l.at1 <= 2 && r.at >= l.at0 && r.from <= l.to + 3 && r.to >= l.from - 3,
    );
    if (line) {
      line.at1 = r.at;
      line.from = Math.min(line.from, r.from);
      line.to = Math.max(line.to, r.to);
    } else lines.push({ at0: r.at, at1: r.at, from: r.from, to: r.to });
  }
  return lines.map((l) => ({ at: (l.at0 + l.at1) / 2, from: l.from, to: l.to }));
}

/**
 * The paper made white: every pixel within 20 grey levels of the paper's (the median pixel) or lighter, so
 * Tesseract does not read the grain of the paper as letters; and how many pixels are ink (well darker than
 * the paper) — a page without any is blank.
 */
export function flattenPaper(image: GreyImage): { image: GreyImage; ink: number } {
  const hist = new Array<number>(256).fill(0);
  for (let i = 0; i < image.grey.length; i += 5) hist[image.grey[i]!]!++;
  const half = hist.reduce((a, b) => a + b, 0) / 2;
  let paper = 255;
  for (let v = 0, seen = 0; v < 256; v++)
    if ((seen += hist[v]!) >= half) {
      paper = v;
      break;
    }
  const grey = new Uint8Array(image.grey.length);
  let ink = 0;
  for (let i = 0; i < grey.length; i++) {
    const v = image.grey[i]!;
    grey[i] = v >= paper - 20 ? 255 : v;
    if (v < paper - 60) ink++;
  }
  return { image: { width: image.width, height: image.height, grey }, ink };
}

export interface PageLines {
  horizontal: Run[];
  vertical: Run[];
}

/** The ruling lines of a page: ink runs far longer than any stroke of a character at this resolution. */
export function findLines(image: GreyImage, dpi: number): PageLines {
  const k = dpi / 300;
  return {
    horizontal: bridge(image, true, merge(runs(image, true, Math.round(110 * k), 4, 8)), 200 * k),
    vertical: bridge(image, false, merge(runs(image, false, Math.round(62 * k), 4, 8)), 200 * k),
  };
}

/**
 * Pieces of one line joined across a gap where the line is still there, only paler (a scanner loses a thin
 * line in places): most pixels of the gap a shallow ridge. A gap with no trace of a line (a merged cell) stays.
 */
function bridge(image: GreyImage, horizontal: boolean, lines: Run[], maxGap: number): Run[] {
  const { width, grey } = image;
  const sorted = [...lines].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Run[] = [];
  const OFF = 5;
  const ridge = (along: number, at: number) => {
    const best = [-1, 0, 1].map((d) => {
      const o = Math.round(at) + d;
      const p = horizontal ? o * width + along : along * width + o;
      const step = horizontal ? width : 1;
      const v = grey[p]! + 4;
      return v <= grey[p - OFF * step]! && v <= grey[p + OFF * step]!;
    });
    return best.some(Boolean);
  };
  const limit = horizontal ? image.height : image.width;
  for (const line of sorted) {
    const prev = [...out]
      .reverse()
      .find((l) => Math.abs(l.at - line.at) <= 3 && l.to < line.from && line.from - l.to <= maxGap);
    if (prev && prev.at > OFF + 1 && prev.at < limit - OFF - 2) {
      let marked = 0;
      for (let i = prev.to + 1; i < line.from; i++) if (ridge(i, (prev.at + line.at) / 2)) marked++;
      if (marked >= 0.6 * (line.from - prev.to - 1)) {
        prev.to = Math.max(prev.to, line.to);
        continue;
      }
    }
    out.push({ ...line });
  }
  return out;
}

/** The image with its ruling lines painted white (two pixels either side), for recognition. */
export function eraseLines(image: GreyImage, lines: PageLines): GreyImage {
  const { width, height } = image;
  const grey = new Uint8Array(image.grey);
  const clear = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < width && y < height) grey[y * width + x] = 255;
  };
  for (const l of lines.horizontal) {
    const y = Math.round(l.at);
    for (let x = l.from; x <= l.to; x++) for (let d = -3; d <= 3; d++) clear(x, y + d);
  }
  for (const l of lines.vertical) {
    const x = Math.round(l.at);
    for (let y = l.from; y <= l.to; y++) for (let d = -3; d <= 3; d++) clear(x + d, y);
  }
  return { width, height, grey };
}

export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Tesseract's confidence, 0–100 */
  confidence: number;
  /** the text line the word belongs to: its top and height */
  lineTop: number;
  lineHeight: number;
  /** the image it was read from, 1-based (Tesseract's page_num) */
  page: number;
}

/** Tesseract's TSV (level 4 lines, level 5 words) → words with the box of their line. */
export function tsvWords(tsv: string): OcrWord[] {
  const lines = new Map<string, { top: number; height: number }>();
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f.length < 12 || !/^\d+$/.test(f[0]!)) continue;
    const [level, page, block, par, line] = f.slice(0, 5);
    const [left, top, width, height] = f.slice(6, 10).map(Number) as [number, number, number, number];
    const key = `${page}/${block}/${par}/${line}`;
    if (level === '4') lines.set(key, { top, height });
    else if (level === '5') {
      const text = f.slice(11).join('\t').trim();
      if (text === '') continue;
      const l = lines.get(key) ?? { top, height };
      words.push({
        text,
        left,
        top,
        width,
        height,
        confidence: Number(f[10]),
        page: Number(page),
        lineTop: l.top,
        lineHeight: l.height,
      });
    }
  }
  return words;
}

/** An OCR'd page as a PDF page for pdf-layout.ts: words as text items, ruling lines as segments, in points. */
export function ocrPdfPage(
  image: Pick<GreyImage, 'width' | 'height'>,
  dpi: number,
  lines: PageLines,
  words: readonly OcrWord[],
): PdfPage & { items: (PdfItem & { confidence: number })[] } {
  const k = 72 / dpi;
  const H = image.height;
  const segments: Segment[] = [
    ...lines.horizontal.map((l) => ({
      x1: l.from * k,
      x2: l.to * k,
      y1: (H - l.at) * k,
      y2: (H - l.at) * k,
    })),
    ...lines.vertical.map((l) => ({ x1: l.at * k, x2: l.at * k, y1: (H - l.to) * k, y2: (H - l.from) * k })),
  ];
  const items = words.map((w) => {
    // a word's height is its line's (a comma or a "1" is shorter than the characters around it)
    const height = Math.max(w.height, Math.min(w.lineHeight, 2.5 * w.height));
    const bottom = Math.max(w.top + w.height, w.lineTop + w.lineHeight);
    return {
      text: w.text,
      x: w.left * k,
      y: (H - bottom) * k,
      width: w.width * k,
      height: height * k,
      confidence: w.confidence,
    };
  });
  return { items, segments };
}
