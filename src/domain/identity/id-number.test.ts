import { describe, expect, it } from 'vitest';
import { isPlausiblePhone, isValidCreditCode, isValidResidentId } from './id-number.ts';

describe('identity numbers', () => {
  it('checks the 居民身份证 check digit', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('440524188001010014')).toBe(true);
    expect(isValidResidentId('44052418800101001')).toBe(false);
    expect(isValidResidentId('440524188013010014')).toBe(false);
  });
  it('checks the 统一社会信用代码 check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });
  it('accepts mobiles and landlines', () => {
    expect(isPlausiblePhone('13800138000')).toBe(true);
    expect(isPlausiblePhone('0571-87654321')).toBe(true);
    expect(isPlausiblePhone('12345')).toBe(false);
  });
});
