import { readCellText } from '../domain/report/index.ts';
import type { Token } from './fit.ts';
import { hasCjk, trimAll } from './normalise.ts';
import type { DocCell, DocRow } from './types.ts';

/**
 * Splitting a table row into its label cells and its data cells, and reading the data cells. A label cell is
 * text that is not a number, a unit-bearing number ("5件", "减少8") or a placeholder for nothing ("/", "—",
 * "无"); the data cells are the cells after the last label cell. Empty cells before a label (merged label
 * columns) belong to the label part.
 */

const CELL_WORDS = /^(无|空|增加|减少|新增|减)$/;

export function isLabelCell(text: string): boolean {
  const t = trimAll(text);
  if (t === '') return false;
  const reading = readCellText(t);
  if (reading.value !== null || reading.placeholder) return false;
  if (CELL_WORDS.test(t)) return false;
  return hasCjk(t) || /[A-Za-z]{2,}/.test(t);
}

export interface SplitRow {
  labels: DocCell[];
  data: DocCell[];
}

export function splitRow(row: DocRow): SplitRow {
  let last = -1;
  row.cells.forEach((c, i) => {
    if (isLabelCell(c.text)) last = i;
  });
  return {
    labels: row.cells.slice(0, last + 1).filter((c) => trimAll(c.text) !== ''),
    data: row.cells.slice(last + 1),
  };
}

export function toToken(cell: DocCell): Token {
  return { text: trimAll(cell.text), value: readCellText(cell.text).value, source: cell.source };
}

/** Does the row hold at least one number or placeholder (as opposed to a header or a label fragment)? */
export function hasDataValue(cells: readonly DocCell[]): boolean {
  return cells.some((c) => {
    const r = readCellText(c.text);
    return r.value !== null || r.placeholder === true;
  });
}

/**
 * The data cells of a row whose number may be off: cells as printed when they are exactly `width`, or once
 * trailing empty cells (row ends) are dropped; otherwise — and always for loose rows, whose empty cells say
 * nothing — the printed values without the empty cells, aligned only when there are exactly `width` of them.
 */
export function dataTokens(
  data: readonly DocCell[],
  width: number,
  loose = false,
): { tokens: Token[]; aligned: boolean } {
  const cells = data.slice();
  if (loose) {
    const printed = cells.filter((c) => trimAll(c.text) !== '');
    return { tokens: printed.map(toToken), aligned: printed.length === width };
  }
  if (cells.length === width) return { tokens: cells.map(toToken), aligned: true };
  while (cells.length > width && trimAll(cells[cells.length - 1]!.text) === '') cells.pop();
  if (cells.length === width) return { tokens: cells.map(toToken), aligned: true };
  const printed = cells.filter((c) => trimAll(c.text) !== '');
  return { tokens: printed.map(toToken), aligned: printed.length === width };
}
