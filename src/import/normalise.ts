/**
 * Text normalisation for matching printed labels against the statutory ones: full-width and half-width
 * forms, spaces inserted by extraction, punctuation variants (、 vs ，, “” vs ""), brackets (（一） vs (一)).
 */

const SPACE = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g;
/** Punctuation and brackets that never distinguish two labels. */
const PUNCTUATION =
  /[()（）[\]【】〔〕{}<>《》〈〉「」『』“”"'‘’`,，、.。．:：;；!！?？·•…\-－—–_/／\\|*#~+＋=]/g;

/** NFKC folds full-width digits, letters, brackets and punctuation to their half-width forms. */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

/** Trim every kind of space, including no-break and ideographic spaces. */
export function trimAll(text: string): string {
  return text.replace(/^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000\ufeff]+$/g, '');
}

/** The comparison key of a label: width-folded, without spaces or punctuation. */
export function labelKey(text: string): string {
  return foldWidth(text).replace(SPACE, '').replace(PUNCTUATION, '');
}

const NUMBERING =
  /^[\s\u00a0\u3000]*(?:[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．,，]|\d{1,2}\s*[.．、,，)）](?!\d))\s*/;

/** The label without its leading item number: "（三）不予公开" → "不予公开", "1.属于国家秘密" → "属于国家秘密". */
export function stripNumbering(text: string): string {
  return text.replace(NUMBERING, '');
}

/** The leading item number of a label, folded: "（三）…" → "(三)", "1.…" → "1.", none → null. */
export function numbering(text: string): string | null {
  const m = NUMBERING.exec(text);
  return m ? foldWidth(m[0]).replace(SPACE, '') : null;
}

/** Does the text contain a CJK ideograph? */
export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/** Length of the longest common subsequence of two short strings (labels). */
export function lcsLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
