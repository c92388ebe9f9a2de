import { describe, expect, it } from 'vitest';
import type { SlotState, Token, Work } from './fit.ts';
import { agree, binomial, combinations, fitRow, solve, sumIdentity } from './fit.ts';

const t = (text: string, line = 1): Token => ({
  text,
  value: text.trim() === '' ? null : Number(text),
  source: { line },
});
const values = (slots: SlotState[]) =>
  slots.map((s) =>
    s.state === 'read' || s.state === 'derived'
      ? s.state === 'derived'
        ? `~${s.value}`
        : s.token.value
      : s.state,
  );
const ROW = sumIdentity([0, 1, 2, 3, 4, 5], 6);

describe('fitting printed values into cells', () => {
  it.each([
    ['seven values: cell by cell', ['1', '', '0', '0', '0', '2', '3'], [1, 'blank', 0, 0, 0, 2, 3]],
    [
      'six zeros: whichever cell is lost, it is 0',
      ['0', '0', '0', '0', '0', '0'],
      ['~0', '~0', '~0', '~0', '~0', '~0', '~0'],
    ],
    [
      'six values that do not fix the lost one',
      ['1', '0', '0', '0', '0', '1'],
      ['unknown', 'unknown', '~0', '~0', '~0', 'unknown', 'unknown'],
    ],
    [
      'eight zeros: the surplus one is left out',
      ['0', '0', '0', '0', '0', '0', '0', '0'],
      [0, 0, 0, 0, 0, 0, 0],
    ],
    [
      'eight values: only cells every reading agrees on',
      ['1', '2', '0', '0', '0', '0', '0', '3'],
      ['unknown', 'unknown', 0, 0, 0, 0, 'unknown'],
    ],
  ])('%s', (_, printed, expected) => {
    expect(
      values(
        fitRow(
          printed.map((p) => t(p)),
          7,
          [ROW],
        ).slots,
      ),
    ).toEqual(expected);
  });

  it('gives up rather than trying too many placements', () => {
    const fit = fitRow(
      ['1', '2', '3', '4', '5', '6', '7'].map((p) => t(p)),
      15,
      [],
    );
    expect(fit.gaveUp).toBe(true);
    expect(fit.slots.every((s) => s.state === 'unknown')).toBe(true);
  });

  it('solve: one unknown is fixed, a used-up total makes the rest 0, blanks are never filled, negatives are refused', () => {
    const num = (value: number): Work => ({ value, derived: false, token: t(String(value)) });
    const cells: Work[] = [num(2), null, num(3), num(5)];
    solve(cells, [sumIdentity([0, 1, 2], 3)]);
    expect(cells[1]).toEqual({ value: 0, derived: true });
    const zeros: Work[] = [null, null, { blank: t('') }, num(0)];
    solve(zeros, [sumIdentity([0, 1, 2], 3)]);
    expect(zeros.map((w) => (w && w.value !== undefined ? w.value : w === null ? null : 'blank'))).toEqual([
      0,
      0,
      'blank',
      0,
    ]);
    const negative: Work[] = [num(5), null, num(3)];
    solve(negative, [sumIdentity([0, 1], 2)]);
    expect(negative[1]).toBeNull();
  });

  it('agree: a cell read from different places with the same value is read; derived anywhere makes it derived', () => {
    const a: Work[] = [
      { value: 1, derived: false, token: t('1', 1) },
      { value: 0, derived: true },
    ];
    const b: Work[] = [
      { value: 1, derived: false, token: t('1', 2) },
      { value: 0, derived: false, token: t('0', 3) },
    ];
    expect(agree([a, b], 2)).toEqual([
      { state: 'read', token: t('1', 1) },
      { state: 'derived', value: 0, token: t('0', 3) },
    ]);
  });

  it('combinatorics', () => {
    expect(binomial(16, 1)).toBe(16);
    expect(binomial(26, 13)).toBe(10400600);
    expect([...combinations(4, 2)]).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
  });
});
