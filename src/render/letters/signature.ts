/**
 * Where the 发文机关署名 and the 成文日期 sit (GB/T 9704-2012 7.3.5.1): the date four characters in from the
 * right margin, the agency's name centred over the date (and the seal centred on both). Widths are in characters
 * of the body font: a CJK character is one, a Latin letter or digit (Times New Roman) about half.
 */
export const DATE_RIGHT_CHARS = 4;

export function textWidthChars(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return width;
}

/** Right indents, in characters, that centre `name` over `date` placed four characters in. */
export function signatureIndents(name: string, date: string): { name: number; date: number } {
  const dateWidth = textWidthChars(date);
  const centred = (text: string) => Math.max(0, DATE_RIGHT_CHARS + (dateWidth - textWidthChars(text)) / 2);
  return { name: centred(name), date: DATE_RIGHT_CHARS };
}
