import type { Cell } from './cell.ts';

/**
 * Reading the text printed in a numeric cell: "1978", " 1810", "+792", "-440", "减少8", "1,234", "43099284.00元",
 * "-53万元", "５", "/", "—", "无". Returns the number read and what was unusual about the text; a cell that
 * cannot be read is `unreadable` (the value is then null, never a guess).
 */
export interface CellReading {
  value: Cell;
  /** the unit printed inside the cell, if any (件, 元, 万元, 项, 个, 起, 条, %) */
  unit?: string;
  /** the cell was printed as a placeholder for nothing: "/", "-", "—", "无" */
  placeholder?: boolean;
  /** the number was written in words: 增加/减少 */
  worded?: boolean;
  /** the text held no number that could be read */
  unreadable?: boolean;
}

const UNIT = /(万元|亿元|元|件|项|个|起|条|人次|次|份|%|％)$/;
const PLACEHOLDER = /^(\/|／|-|－|—|——|–|无|空|\\)$/;

const FULL_WIDTH_DIGITS = /[０-９．，＋－]/g;
function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export function readCellText(raw: string): CellReading {
  let text = halfWidth(raw).replace(/\s+/g, '');
  if (text === '') return { value: null };
  if (PLACEHOLDER.test(text)) return { value: null, placeholder: true };
  let sign = 1;
  let worded = false;
  const word = /^(增加|减少|新增|减)/.exec(text);
  if (word) {
    worded = true;
    if (word[1]!.startsWith('减')) sign = -1;
    text = text.slice(word[1]!.length);
  }
  let unit: string | undefined;
  const u = UNIT.exec(text);
  if (u) {
    unit = u[1] === '％' ? '%' : u[1];
    text = text.slice(0, -u[1]!.length);
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text))
    return { value: null, unreadable: true, ...(unit ? { unit } : {}) };
  // past 15 significant digits a number is not held exactly (it would be read as another number): unreadable
  if (text.replace(/[^\d]/g, '').replace(/^0+/, '').length > 15)
    return { value: null, unreadable: true, ...(unit ? { unit } : {}) };
  const value = sign * Number(text);
  return {
    value: Object.is(value, -0) ? 0 : value,
    ...(unit ? { unit } : {}),
    ...(worded ? { worded } : {}),
  };
}

/** True when the printed text is exactly the canonical form of its number (no unit, sign word or separator). */
export function isPlainNumberText(raw: string, value: number): boolean {
  const t = raw.trim();
  return t === String(value) || (value > 0 && t === `+${value}`) || /^[+-]?\d+\.0+$/.test(t);
}
