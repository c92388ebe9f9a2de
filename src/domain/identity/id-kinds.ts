/**
 * The kinds of 身份证明 (条例 Art. 29(1)) an application may give: the server checks against this list and the
 * application forms (the portal's and the console's) offer it. A 居民身份证 and a 统一社会信用代码 are checked
 * further (id-number.ts).
 */
export const ID_KINDS = [
  '居民身份证',
  '护照',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '统一社会信用代码',
  '其他',
] as const;
export type IdKind = (typeof ID_KINDS)[number];

export function isIdKind(value: unknown): value is IdKind {
  return typeof value === 'string' && (ID_KINDS as readonly string[]).includes(value);
}
