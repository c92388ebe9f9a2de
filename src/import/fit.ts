import type { CellSource } from '../domain/report/index.ts';
import type { RunTogether } from './run-together.ts';
import { mayRunTogether, splitCells, splitRunTogether } from './run-together.ts';

/**
 * Fitting printed values into the cells of a row when their number does not match (a cell lost in
 * extraction, a cell too many), and deriving lost cells from the statutory identities. Nothing is guessed:
 * every way the printed values could fit is tried, lost cells are derived where an identity fixes them
 * (one unknown; or a sum of zero, since counts are never negative), and a cell is placed only when every
 * candidate agrees on it.
 */

/** A printed data cell: its text, the number read from it (null for a blank, placeholder or unreadable cell). */
export interface Token {
  text: string;
  value: number | null;
  source: CellSource;
}

/** Σ left = Σ right, over cell indices (e.g. parts = total; 一 + 二 = （七） + 四). */
export interface Identity {
  left: number[];
  right: number[];
}

/** Σ parts = total. */
export const sumIdentity = (parts: number[], total: number): Identity => ({ left: parts, right: [total] });

/** What is known of one cell. */
export type SlotState =
  | { state: 'read'; token: Token }
  | { state: 'blank'; token: Token }
  | { state: 'derived'; value: number; token?: Token }
  | { state: 'unknown' };

export interface Fit {
  slots: SlotState[];
  /** how many ways the printed values could fit (1 when their number matched) */
  candidates: number;
  /** too many ways to try: nothing was placed */
  gaveUp: boolean;
  /** the values were printed run together: the splits that make the row's identities hold */
  runTogether?: RunTogether;
}

export const MAX_CANDIDATES = 5000;

export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** All k-element subsets of 0..n-1 in lexicographic order. */
export function* combinations(n: number, k: number): Generator<number[]> {
  if (k > n || k < 0) return;
  const idx = Array.from({ length: k }, (_, i) => i);
  while (true) {
    yield idx.slice();
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1;
  }
}

/** A cell during solving: a number, a printed blank (never filled), or unknown (fillable). */
export type Work =
  { value: number; derived: boolean; token?: Token } | { value?: undefined; blank: Token } | null;

const isNum = (w: Work | undefined): w is { value: number; derived: boolean; token?: Token } =>
  w !== null && w !== undefined && w.value !== undefined;

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Fill unknown cells from the identities until nothing changes: with one unknown cell in an identity it is
 * fixed (when not negative: counts never are); when one side has unknown cells only and the other side is
 * already matched by its known cells, every unknown cell there is 0. Printed blank cells are never filled.
 */
export function solve(cells: Work[], identities: readonly Identity[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const { left, right } of identities) {
      let sumLeft = 0;
      let sumRight = 0;
      let openLeft = 0;
      let openRight = 0;
      let last = -1;
      for (const i of left) {
        const w = cells[i];
        if (isNum(w)) sumLeft += w.value;
        else {
          openLeft++;
          last = i;
        }
      }
      for (const i of right) {
        const w = cells[i];
        if (isNum(w)) sumRight += w.value;
        else {
          openRight++;
          last = i;
        }
      }
      if (openLeft + openRight === 0) continue;
      const gap = round(sumRight - sumLeft);
      if (openLeft + openRight === 1) {
        const value = (openLeft === 1 ? gap : -gap) || 0; // never -0
        if (cells[last] === null && value >= 0) {
          cells[last] = { value, derived: true };
          changed = true;
        }
        continue;
      }
      if (gap !== 0 || (openLeft > 0 && openRight > 0)) continue;
      for (const i of openLeft > 0 ? left : right)
        if (cells[i] === null) {
          cells[i] = { value: 0, derived: true };
          changed = true;
        }
    }
  }
}

/** The agreed state of each cell over a list of candidate fillings. */
export function agree(candidates: readonly Work[][], width: number): SlotState[] {
  const slots: SlotState[] = [];
  for (let s = 0; s < width; s++) {
    const first = candidates[0]?.[s] ?? null;
    if (first === null) {
      slots.push({ state: 'unknown' });
      continue;
    }
    let unknown = false;
    let derived = isNum(first) && (first.derived || !first.token);
    let token: Token | undefined = isNum(first) ? first.token : undefined;
    for (let k = 1; k < candidates.length && !unknown; k++) {
      const w = candidates[k]![s] ?? null;
      if (w === null) unknown = true;
      else if (isNum(first)) {
        if (!isNum(w) || w.value !== first.value) unknown = true;
        else if (w.derived || !w.token) derived = true;
        else token ??= w.token;
      } else if (isNum(w)) unknown = true;
    }
    if (unknown) slots.push({ state: 'unknown' });
    else if (!isNum(first)) slots.push({ state: 'blank', token: first.blank });
    else if (derived) slots.push({ state: 'derived', value: first.value, ...(token ? { token } : {}) });
    else slots.push({ state: 'read', token: first.token! });
  }
  return slots;
}

const unknownSlots = (width: number): SlotState[] =>
  Array.from({ length: width }, () => ({ state: 'unknown' }));

const fromToken = (t: Token): Work =>
  t.value === null ? { blank: t } : { value: t.value, derived: false, token: t };

/**
 * Fit `tokens` (printed in order) into `width` cells. Same count: cell by cell. More: try leaving out each
 * possible set of surplus values. Fewer: try each set of positions for them and derive the rest from the
 * identities. A cell is placed only when all candidates agree.
 */
export function fitRow(
  tokens: readonly Token[],
  width: number,
  identities: readonly Identity[] = [],
  /**
   * the row is loose page text (values separated by spaces, or none): only there may digits have run together.
   * A value in its own cell (a pipe, a tab, an HTML or Word cell) is never cut into several: that would be a guess.
   */
  loose = false,
): Fit {
  if (loose && identities.length > 0 && mayRunTogether(tokens, width)) {
    const run = splitRunTogether(tokens, width, identities);
    if (run.gaveUp || run.options.length > 0) {
      const candidates = run.options.map((values) => splitCells(tokens, values));
      return {
        // accepted only when unique (table 三 may still narrow the options with its column identities)
        slots: run.options.length === 1 ? agree(candidates, width) : unknownSlots(width),
        candidates: run.options.length,
        gaveUp: run.gaveUp,
        runTogether: run,
      };
    }
  }
  if (tokens.length === width)
    return { slots: agree([tokens.map(fromToken)], width), candidates: 1, gaveUp: false };
  const surplus = tokens.length > width;
  const count = surplus ? binomial(tokens.length, tokens.length - width) : binomial(width, tokens.length);
  if (count > MAX_CANDIDATES || width === 0)
    return {
      slots: Array.from({ length: width }, () => ({ state: 'unknown' })),
      candidates: count,
      gaveUp: true,
    };
  const candidates: Work[][] = [];
  if (surplus) {
    for (const dropped of combinations(tokens.length, tokens.length - width)) {
      const skip = new Set(dropped);
      candidates.push(tokens.filter((_, i) => !skip.has(i)).map(fromToken));
    }
  } else {
    for (const positions of combinations(width, tokens.length)) {
      const cells: Work[] = Array.from({ length: width }, () => null);
      positions.forEach((p, i) => (cells[p] = fromToken(tokens[i]!)));
      solve(cells, identities);
      candidates.push(cells);
    }
  }
  return { slots: agree(candidates, width), candidates: count, gaveUp: false };
}
