import type { Finding, ReportFormat, RequestRowSpec } from '../domain/report/index.ts';
import { requestRows, rowName } from '../domain/report/index.ts';
import type { Identity, SlotState, Work } from './fit.ts';
import { agree, binomial, combinations, solve, sumIdentity } from './fit.ts';
import type { PrintedRow } from './table3-rows.ts';
import { ROW_IDENTITY, WIDTH } from './table3-rows.ts';

/**
 * Placing the printed rows of table 三 on the statutory rows. Labelled rows are anchors; the rows without a
 * label between two anchors may only take the statutory rows between them, in order (a group heading printed
 * in a row keeps it in its group). When they are fewer (or more) than those rows, every placement is tried,
 * each filled table is completed from the identities (（七）总计 = the result rows; 一 + 二 = （七） + 四; the
 * columns add up to 总计), and a cell is kept only when every placement agrees on it.
 */

/** How many placements of unlabelled rows are tried at most (each is a whole table to solve). */
const MAX_PLACEMENTS = 1000;

export interface Segment {
  /** printed rows (indices into the printed list) without a label, between two labelled rows */
  printed: number[];
  /** statutory row indices free for them */
  slots: number[];
  /** candidate placements: for each printed row, a slot index or -1 (left out) */
  candidates: number[][];
  gaveUp: boolean;
}

export function identities(spec: readonly RequestRowSpec[]): Identity[] {
  const at = (row: number, col: number) => row * WIDTH + col;
  const index = (key: string) => spec.findIndex((r) => r.key === key);
  const out: Identity[] = [];
  spec.forEach((_, r) =>
    out.push({
      left: ROW_IDENTITY.left.map((c) => at(r, c)),
      right: ROW_IDENTITY.right.map((c) => at(r, c)),
    }),
  );
  const results = spec.map((r, i) => (r.result ? i : -1)).filter((i) => i >= 0);
  const [total, fresh, carried, forward] = ['total', 'new_received', 'carried_over', 'carry_forward'].map(
    index,
  ) as [number, number, number, number];
  for (let c = 0; c < WIDTH; c++) {
    out.push(
      sumIdentity(
        results.map((r) => at(r, c)),
        at(total, c),
      ),
    );
    out.push({ left: [at(fresh, c), at(carried, c)], right: [at(total, c), at(forward, c)] });
  }
  return out;
}

function segmentCandidates(
  rows: readonly PrintedRow[],
  seg: Omit<Segment, 'candidates' | 'gaveUp'>,
  spec: readonly RequestRowSpec[],
) {
  const k = seg.printed.length;
  const f = seg.slots.length;
  const fits = (mapping: number[]) =>
    mapping.every((slot, i) => {
      const g = rows[seg.printed[i]!]!.group;
      return slot < 0 || g === null || spec[slot]!.group === g;
    });
  const all: number[][] = [];
  if (k === 0) return { candidates: [[]], gaveUp: false };
  if (k <= f) {
    if (binomial(f, k) > MAX_PLACEMENTS) return { candidates: [], gaveUp: true };
    for (const chosen of combinations(f, k)) all.push(chosen.map((j) => seg.slots[j]!));
  } else {
    if (binomial(k, f) > MAX_PLACEMENTS) return { candidates: [], gaveUp: true };
    for (const kept of combinations(k, f)) {
      const mapping = new Array<number>(k).fill(-1);
      kept.forEach((p, j) => (mapping[p] = seg.slots[j]!));
      all.push(mapping);
    }
  }
  const hinted = all.filter(fits);
  return { candidates: hinted.length > 0 ? hinted : all, gaveUp: false };
}

export interface Placement {
  /** labelled printed rows → statutory row index */
  fixed: Map<number, number>;
  segments: Segment[];
  /** the agreed state of every cell, row by row (statutory order), WIDTH per row */
  cells: SlotState[];
}

export function placeRows(rows: readonly PrintedRow[], format: ReportFormat, findings: Finding[]): Placement {
  const spec = requestRows(format);
  const n = spec.length;
  const slotOf = (key: string) => spec.findIndex((r) => r.key === key);
  const name = (slot: number) => rowName(format, { table: 'requests', row: spec[slot]!.key });

  // labelled rows: the anchors (first occurrence of a label, in statutory order)
  const fixed = new Map<number, number>(); // printed index → slot
  const claimed = new Set<number>();
  const anchors: number[] = [];
  rows.forEach((row, i) => {
    if (row.key === null) return;
    const slot = slotOf(row.key);
    if (slot < 0) return;
    if (claimed.has(slot)) {
      findings.push({
        code: 'import.requests.duplicate_row',
        severity: 'warning',
        location: { table: 'requests', row: row.key },
        message: `表三“${name(slot)}”行出现了不止一次，只读取了第一次出现的数值。`,
      });
      return;
    }
    claimed.add(slot);
    fixed.set(i, slot);
    if (anchors.length === 0 || slot > fixed.get(anchors[anchors.length - 1]!)!) anchors.push(i);
    if (row.fuzzy)
      findings.push({
        code: 'import.requests.label_typo',
        severity: 'warning',
        location: { table: 'requests', row: row.key },
        actual: row.label,
        expected: row.fuzzy.label,
        message: `表三行标签“${row.label}”与法定标签“${row.fuzzy.label}”不一致，已按“${row.fuzzy.label}”读取。`,
      });
  });

  // rows without a label, between two anchors
  const segments: Segment[] = [];
  const bounds = [-1, ...anchors, rows.length];
  for (let a = 0; a + 1 < bounds.length; a++) {
    const from = bounds[a]!;
    const to = bounds[a + 1]!;
    const lo = from < 0 ? -1 : fixed.get(from)!;
    const hi = to >= rows.length ? n : fixed.get(to)!;
    const printed: number[] = [];
    for (let i = from + 1; i < to; i++) if (rows[i]!.key === null) printed.push(i);
    const slots: number[] = [];
    for (let s = lo + 1; s < hi; s++) if (!claimed.has(s)) slots.push(s);
    if (printed.length === 0 && slots.length === 0) continue;
    const base = { printed, slots };
    segments.push({ ...base, ...segmentCandidates(rows, base, spec) });
  }
  let product = 1;
  for (const seg of segments) if (!seg.gaveUp) product *= Math.max(1, seg.candidates.length);
  if (product > MAX_PLACEMENTS)
    for (const seg of segments)
      if (seg.candidates.length > 1) Object.assign(seg, { candidates: [], gaveUp: true });

  // every combination of segment placements → a filled table, solved, then agreed cell by cell
  const ids = identities(spec);
  const tables: Work[][] = [];
  const choose = (s: number, mapping: Map<number, number>) => {
    if (s === segments.length) {
      const cells: Work[] = new Array(n * WIDTH).fill(null);
      for (const [p, slot] of mapping) {
        rows[p]!.fit.slots.forEach((st, c) => {
          const at = slot * WIDTH + c;
          if (st.state === 'read') cells[at] = { value: st.token.value!, derived: false, token: st.token };
          else if (st.state === 'blank') cells[at] = { blank: st.token };
          else if (st.state === 'derived')
            cells[at] = { value: st.value, derived: true, ...(st.token ? { token: st.token } : {}) };
        });
      }
      solve(cells, ids);
      tables.push(cells);
      return;
    }
    const seg = segments[s]!;
    if (seg.gaveUp || seg.candidates.length === 0) return choose(s + 1, mapping);
    for (const cand of seg.candidates) {
      const next = new Map(mapping);
      cand.forEach((slot, j) => {
        if (slot >= 0) next.set(seg.printed[j]!, slot);
      });
      choose(s + 1, next);
    }
  };
  choose(0, fixed);
  const agreed = agree(tables, n * WIDTH);

  return { fixed, segments, cells: agreed };
}
