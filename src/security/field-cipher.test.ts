import { createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
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

  it('reads what was sealed before and seals in the same format: v1:base64(iv | tag | ciphertext)', () => {
    const secret = Buffer.alloc(32, 7);
    const cipher = createFieldCipher(secret);
    // written by the cipher as it was before its keys were held as key objects
    expect(
      cipher.decrypt('v1:qsGhiFixJQ7l2c7u/NLlFuDsJnu38TqMHvvpNN7ZeRxtCn4hqcq+VDoypewEzMgSGbsbcxM='),
    ).toBe('北京市某区某路1号');
    expect(cipher.blindIndex('李明')).toBe(
      '88e067cd41514cacdc68749ed04e78b69ead1353a836aab8f7564c675ac2a88b',
    );
    expect(cipher.blindIndex(' 110105199001011234 ')).toBe(
      '5f8cc542c39947a857e6553cb35a0e1c6cbb47cc193a581092910711522f2922',
    );
    // a new value opened by hand with the key as derived (HKDF-SHA256) and the documented layout
    const sealed = cipher.encrypt('某市某区某路1号');
    expect(sealed.startsWith('v1:')).toBe(true);
    const raw = Buffer.from(sealed.slice(3), 'base64');
    const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'gongkai field encryption v1', 32));
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    expect(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')).toBe(
      '某市某区某路1号',
    );
  });
});
