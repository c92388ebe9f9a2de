import type { DocRow } from './types.ts';

/**
 * Rebuilding rows from the text items and ruling lines of PDF pages (pure). Where a table is drawn with
 * borders, its grid is rebuilt from the lines: rows and columns between the ruling lines, neighbouring grid
 * positions merged where no line separates them (a merged cell), each text item put in the cell under it — so
 * a blank cell stays a blank cell in its column, as in HTML and Word. Text outside ruled tables is grouped
 * into lines by y-position; a line with wide gaps becomes a row of loose cells (like tab-separated text).
 * Sources are `page[p]/line[l]` (and `/td[c]` for a cell), with `line` the row's number in the document.
 */

export interface PdfItem {
  text: string;
  x: number;
  /** baseline, PDF user space (y grows upwards) */
  y: number;
  width: number;
  /** font size */
  height: number;
  /** a run of spaces: not text, but a wide one separates cells of a table drawn without lines */
  space?: boolean;
  /** an OCR'd word: Tesseract's confidence, 0–100 */
  confidence?: number;
}

/** An axis-aligned ruling line, x1 ≤ x2, y1 ≤ y2. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfPage {
  items: PdfItem[];
  segments: Segment[];
}

const EPS = 1.5;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1]! > EPS) out.push(v);
  return out;
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export interface Table {
  xs: number[];
  /** row boundaries, top first */
  ys: number[];
  /** grid position → root position (r * cols + c) */
  root: number[];
  cols: number;
}

export function findTables(segments: readonly Segment[]): Table[] {
  const h = segments.filter((s) => Math.abs(s.y2 - s.y1) < 1 && s.x2 - s.x1 >= 3);
  const v = segments.filter((s) => Math.abs(s.x2 - s.x1) < 1 && s.y2 - s.y1 >= 3);
  if (h.length < 2 || v.length < 2 || h.length * v.length > 4_000_000) return [];
  const all = [...h, ...v];
  const uf = new UnionFind(all.length);
  for (let i = 0; i < h.length; i++)
    for (let j = 0; j < v.length; j++) {
      const a = h[i]!;
      const b = v[j]!;
      if (b.x1 >= a.x1 - EPS && b.x1 <= a.x2 + EPS && a.y1 >= b.y1 - EPS && a.y1 <= b.y2 + EPS)
        uf.union(i, h.length + j);
    }
  const groups = new Map<number, Segment[]>();
  all.forEach((s, i) => {
    const r = uf.find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(s);
  });
  const tables: Table[] = [];
  for (const segs of groups.values()) {
    const hs = segs.filter((s) => Math.abs(s.y2 - s.y1) < 1);
    const vs = segs.filter((s) => Math.abs(s.x2 - s.x1) < 1);
    const xs = cluster(vs.map((s) => s.x1));
    const ys = cluster(hs.map((s) => s.y1)).reverse();
    if (xs.length < 2 || ys.length < 2 || xs.length * ys.length > 40_000) continue;
    const cols = xs.length - 1;
    const rows = ys.length - 1;
    const uf2 = new UnionFind(rows * cols);
    const vertical = (x: number, y: number) =>
      vs.some((s) => Math.abs(s.x1 - x) <= EPS && s.y1 - EPS <= y && y <= s.y2 + EPS);
    const horizontal = (y: number, x: number) =>
      hs.some((s) => Math.abs(s.y1 - y) <= EPS && s.x1 - EPS <= x && x <= s.x2 + EPS);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const midY = (ys[r]! + ys[r + 1]!) / 2;
        const midX = (xs[c]! + xs[c + 1]!) / 2;
        if (c + 1 < cols && !vertical(xs[c + 1]!, midY)) uf2.union(r * cols + c, r * cols + c + 1);
        if (r + 1 < rows && !horizontal(ys[r + 1]!, midX)) uf2.union(r * cols + c, (r + 1) * cols + c);
      }
    tables.push({ xs, ys, cols, root: Array.from({ length: rows * cols }, (_, i) => uf2.find(i)) });
  }
  return tables;
}

const band = (edges: number[], v: number, descending: boolean): number => {
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = descending ? [edges[i + 1]!, edges[i]!] : [edges[i]!, edges[i + 1]!];
    if (v >= a && v < b) return i;
  }
  return -1;
};

/** Text of items read as lines, top to bottom, left to right; line breaks dropped (CJK wraps). */
function joinItems(items: PdfItem[], lineBreak: string): string {
  const lines = toLines(items);
  return lines.map((line) => joinLine(line, 0.25)).join(lineBreak);
}

function toLines(items: readonly PdfItem[]): PdfItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfItem[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - item.y) <= Math.max(1, 0.4 * Math.min(line[0]!.height, item.height)))
      line.push(item);
    else lines.push([item]);
  }
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines;
}

function joinLine(line: readonly PdfItem[], spaceGap: number): string {
  let out = '';
  let end = -Infinity;
  for (const item of line) {
    if (out && item.x - end > spaceGap * item.height) out += ' ';
    out += item.text;
    end = item.x + item.width;
  }
  return out.trim();
}

/** A page number in a header or footer: “— 3 —”, “第 3 页”, “3/12”, “第3页 共12页”. */
const PAGE_NUMBER =
  /^[—–\-－\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*\d{1,4})?(\s*共\s*\d{1,4}\s*页)?[—–\-－\s]*$/;

interface Entry {
  top: number;
  cells: string[];
  /** per cell, the lowest OCR confidence of its words (scanned pages only) */
  confidence?: (number | undefined)[];
  loose: boolean;
  prose: boolean;
}

/** The lowest OCR confidence among items, when they were OCR'd. */
function lowest(items: readonly PdfItem[]): number | undefined {
  let low: number | undefined;
  for (const i of items)
    if (i.confidence !== undefined && !i.space) low = Math.min(low ?? Infinity, i.confidence);
  return low;
}

function pageEntries(page: PdfPage): Entry[] {
  const tables = findTables(page.segments);
  const inTable = tables.map(() => new Map<number, PdfItem[]>());
  const free: PdfItem[] = [];
  for (const item of page.items) {
    if (item.space) {
      free.push(item);
      continue;
    }
    const cx = item.x + item.width / 2;
    const cy = item.y + item.height * 0.35;
    let placed = false;
    tables.forEach((t, k) => {
      if (placed) return;
      const r = band(t.ys, cy, true);
      const c = band(t.xs, cx, false);
      if (r < 0 || c < 0) return;
      const root = t.root[r * t.cols + c]!;
      (inTable[k]!.get(root) ?? inTable[k]!.set(root, []).get(root)!).push(item);
      placed = true;
    });
    if (!placed) free.push(item);
  }
  const entries: Entry[] = [];
  tables.forEach((t, k) => {
    const rows = t.ys.length - 1;
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      const confidence: (number | undefined)[] = [];
      for (let c = 0; c < t.cols; c++) {
        const pos = r * t.cols + c;
        if (t.root[pos] !== pos) continue;
        cells.push(joinItems(inTable[k]!.get(pos) ?? [], ''));
        confidence.push(lowest(inTable[k]!.get(pos) ?? []));
      }
      if (cells.length > 0 && (cells.some((x) => x !== '') || cells.length > 1))
        entries.push({
          top: t.ys[r]!,
          cells,
          loose: false,
          prose: false,
          ...(confidence.some((x) => x !== undefined) ? { confidence } : {}),
        });
    }
  });
  for (const line of toLines(free)) {
    if (line.every((i) => i.space)) continue;
    const h = Math.max(...line.map((i) => i.height));
    const cells: string[] = [];
    const lows: (number | undefined)[] = [];
    let current: PdfItem[] = [];
    let end = -Infinity;
    // cells of a table without ruling lines: split at wide gaps and at wide runs of spaces
    for (const item of line) {
      if (item.space) {
        if (item.width > 0.6 * h && current.length > 0) {
          cells.push(joinLine(current, 0.25));
          lows.push(lowest(current));
          current = [];
        }
        continue;
      }
      const previous = current[current.length - 1];
      const labelThenNumber =
        previous !== undefined &&
        /[\u3400-\u9fff]$/.test(previous.text) &&
        /^[-+]?\d/.test(item.text) &&
        item.x - end > 0.2 * h;
      if (current.length > 0 && (item.x - end > 0.8 * h || labelThenNumber)) {
        cells.push(joinLine(current, 0.25));
        lows.push(lowest(current));
        current = [];
      }
      current.push(item);
      end = item.x + item.width;
    }
    if (current.length > 0) {
      cells.push(joinLine(current, 0.25));
      lows.push(lowest(current));
    }
    const kept = cells.map((c, i) => [c, lows[i]] as const).filter(([c]) => c !== '');
    const texts = kept.map(([c]) => c);
    if (texts.length === 0 || (texts.length === 1 && PAGE_NUMBER.test(texts[0]!))) continue;
    const confidence = kept.map(([, low]) => low);
    entries.push({
      top: line[0]!.y + h,
      cells: texts,
      loose: texts.length > 1,
      prose: texts.length === 1,
      ...(confidence.some((x) => x !== undefined) ? { confidence } : {}),
    });
  }
  return entries.sort((a, b) => b.top - a.top);
}

export function pdfRows(pages: readonly PdfPage[]): DocRow[] {
  const rows: DocRow[] = [];
  pages.forEach((page, p) => {
    pageEntries(page).forEach((entry, l) => {
      const line = rows.length + 1;
      const element = `page[${p + 1}]/line[${l + 1}]`;
      rows.push({
        cells: entry.cells.map((text, c) => ({
          text,
          source: { line, element: entry.prose ? element : `${element}/td[${c + 1}]` },
          ...(entry.confidence?.[c] !== undefined ? { confidence: entry.confidence[c] } : {}),
        })),
        prose: entry.prose,
        source: { line, element },
        ...(entry.loose ? { loose: true } : {}),
      });
    });
  });
  return rows;
}
