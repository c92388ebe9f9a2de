import { describe, expect, it } from 'vitest';
import { ID_KINDS, isIdKind } from './id-kinds.ts';

describe('kinds of 身份证明', () => {
  it('lists the documents the forms offer, resident ID card first', () => {
    expect(ID_KINDS).toEqual([
      '居民身份证',
      '护照',
      '港澳居民来往内地通行证',
      '台湾居民来往大陆通行证',
      '统一社会信用代码',
      '其他',
    ]);
  });
  it('tells a listed kind from anything else', () => {
    for (const kind of ID_KINDS) expect(isIdKind(kind)).toBe(true);
    expect(isIdKind('驾驶证')).toBe(false);
    expect(isIdKind('')).toBe(false);
    expect(isIdKind(null)).toBe(false);
  });
});
