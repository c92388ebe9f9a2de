import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from './field-cipher.ts';

describe('field cipher', () => {
  it('gives every encryption its own IV, across refills of the IV pool, and decrypts each', () => {
    const cipher = createFieldCipher(randomBytes(32));
    // 1,000 encryptions: the pool (341 IVs) is refilled twice on the way
    const sealed = Array.from({ length: 1000 }, (_, i) => cipher.encrypt(`北京市某区某路${i}号`));
    const ivs = sealed.map((s) => Buffer.from(s.slice(3), 'base64').subarray(0, 12).toString('hex'));
    expect(new Set(ivs).size).toBe(1000);
    sealed.forEach((s, i) => expect(cipher.decrypt(s)).toBe(`北京市某区某路${i}号`));
  });
});
