/**
 * An amount of whole 元 in financial capitals (大写金额), as 收费通知书 and receipts print it:
 * 3000 → 叁仟元整, 2050 → 贰仟零伍拾元整, 100500 → 壹拾万零伍佰元整.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'] as const;
const GROUPS = ['', '万', '亿'] as const;

/** One group of four digits (1–9999), with 零 for inner gaps. */
function groupWords(n: number): string {
  let out = '';
  let gap = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      gap = out !== '';
      continue;
    }
    out += (gap ? '零' : '') + DIGITS[digit] + PLACES[place];
    gap = false;
  }
  return out;
}

export function yuanInWords(amount: number): string {
  if (!Number.isInteger(amount) || amount < 0 || amount >= 10 ** 12)
    throw new RangeError(`金额应为 0 至 999999999999 的整数元：${amount}`);
  if (amount === 0) return '零元整';
  let out = '';
  let pendingZero = false;
  for (let g = GROUPS.length - 1; g >= 0; g--) {
    const group = Math.floor(amount / 10_000 ** g) % 10_000;
    if (group === 0) {
      pendingZero = out !== '';
      continue;
    }
    if (out !== '' && (pendingZero || group < 1000)) out += '零';
    out += groupWords(group) + GROUPS[g];
    pendingZero = false;
  }
  return `${out}元整`;
}
