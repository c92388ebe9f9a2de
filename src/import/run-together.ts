import type { Identity, Token, Work } from './fit.ts';

/**
 * Cells printed with no separator (page text: "21710000218" for 217 | 1 | 0 | 0 | 0 | 0 | 218). Every way of
 * cutting the digit runs into exactly `width` numbers (no number with a leading zero but 0 itself) is tried;
 * a way counts only when it makes every identity of the row hold. The caller accepts a split only when it is
 * the unique one (after the table's identities, for table 三); otherwise the row is unreadable. Never a guess.
 */

/** At most this many ways of cutting are tried; past it the row is unreadable. */
const MAX_CUTS = 50_000;

export interface RunTogether {
  /** the printed text of the run-together cells */
  text: string;
  /** every split (values, `width` of them) that makes the row's identities hold */
  options: number[][];
  /** too many ways to cut: not tried */
  gaveUp: boolean;
  /** the options were narrowed to one by the table's identities (table 三) */
  narrowed?: boolean;
}

const isRun = (t: Token) => /^\d{2,}$/.test(t.text);

/** No cell of the report holds a number of more digits than this (the largest counts have eight). */
const MAX_DIGITS = 9;

/** Is this a row whose values may have run together: fewer values than cells, one or more digit runs? */
export function mayRunTogether(tokens: readonly Token[], width: number): boolean {
  return (
    tokens.length > 0 &&
    tokens.length < width &&
    tokens.some(isRun) &&
    tokens.every((t) => /^\d+$/.test(t.text)) &&
    tokens.reduce((n, t) => n + t.text.length, 0) <= width * MAX_DIGITS
  );
}

/** Ways to cut one digit string into `parts` numbers, none with a leading zero (but 0). */
function* cuts(digits: string, parts: number): Generator<number[]> {
  if (parts === 1) {
    if (digits.length <= MAX_DIGITS && (digits.length === 1 || digits[0] !== '0')) yield [Number(digits)];
    return;
  }
  const maxHead = digits[0] === '0' ? 1 : Math.min(MAX_DIGITS, digits.length - parts + 1);
  for (let len = 1; len <= maxHead; len++)
    for (const rest of cuts(digits.slice(len), parts - 1)) yield [Number(digits.slice(0, len)), ...rest];
}

/** Ways of giving each token a number of parts, the parts adding up to `width`. */
function* shares(lengths: readonly number[], width: number): Generator<number[]> {
  if (lengths.length === 0) {
    if (width === 0) yield [];
    return;
  }
  const [first, ...rest] = lengths as [number, ...number[]];
  const restMin = rest.length;
  for (let p = 1; p <= Math.min(first, width - restMin); p++)
    for (const tail of shares(rest, width - p)) yield [p, ...tail];
}

export function splitRunTogether(
  tokens: readonly Token[],
  width: number,
  identities: readonly Identity[],
): RunTogether {
  const text = tokens.map((t) => t.text).join(' ');
  const options: number[][] = [];
  let tried = 0;
  const holds = (values: number[]) =>
    identities.every(({ left, right }) => {
      const l = left.reduce((a, i) => a + values[i]!, 0);
      const r = right.reduce((a, i) => a + values[i]!, 0);
      return l === r;
    });
  for (const share of shares(
    tokens.map((t) => t.text.length),
    width,
  )) {
    const walk = (i: number, acc: number[]): boolean => {
      if (i === tokens.length) {
        if (++tried > MAX_CUTS) return false;
        if (holds(acc)) options.push(acc.slice());
        return true;
      }
      for (const piece of cuts(tokens[i]!.text, share[i]!))
        if (!walk(i + 1, [...acc, ...piece])) return false;
      return true;
    };
    if (!walk(0, [])) return { text, options: [], gaveUp: true };
  }
  return { text, options, gaveUp: false };
}

/** A split as cells: each number read from the printed run it was cut from. */
export function splitCells(tokens: readonly Token[], values: readonly number[]): Work[] {
  const source = tokens[0]!.source;
  return values.map((value) => ({ value, derived: false, token: { text: String(value), value, source } }));
}
