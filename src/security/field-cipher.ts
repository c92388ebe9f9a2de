import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomFillSync,
} from 'node:crypto';

/**
 * Encryption of personal data at rest (ID numbers, phones, addresses, e-mail): AES-256-GCM with a random IV,
 * stored as "v1:<base64 iv|tag|ciphertext>". A blind index (HMAC-SHA256 of the normalised value) lets the
 * system find records by an exact value without storing it in clear.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** null-tolerant forms for optional fields */
  encryptOptional(plain: string | null | undefined): string | null;
  decryptOptional(stored: string | null | undefined): string | null;
  blindIndex(value: string): string;
}

/**
 * Random IVs drawn from a pool filled 4 KiB at a time: one call to the system's generator per 341 IVs instead of
 * one per field (a registration seals five; each call costs more than the encryption of a short field). Every IV
 * is still 96 fresh random bits, used once.
 */
const IV_POOL = Buffer.alloc(12 * 341);
let ivOffset = IV_POOL.length;

function randomIv(): Buffer {
  if (ivOffset === IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivOffset = 0;
  }
  // a view: the cipher and the stored value copy it before the pool is refilled (encryption is synchronous)
  const iv = IV_POOL.subarray(ivOffset, ivOffset + 12);
  ivOffset += 12;
  return iv;
}

export function createFieldCipher(secretKey: Buffer): FieldCipher {
  // derived once, held as key objects (each cipher and HMAC takes the key object, not a copy of raw bytes)
  const encKey = createSecretKey(
    Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'gongkai field encryption v1', 32)),
  );
  const macKey = createSecretKey(
    Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'gongkai blind index v1', 32)),
  );
  const encrypt = (plain: string) => {
    const iv = randomIv();
    const cipher = createCipheriv('aes-256-gcm', encKey, iv);
    // iv | tag | ciphertext written into one buffer (GCM's final() adds no bytes: it only computes the tag)
    const body = cipher.update(plain, 'utf8');
    cipher.final();
    const sealed = Buffer.allocUnsafe(28 + body.length);
    iv.copy(sealed, 0);
    cipher.getAuthTag().copy(sealed, 12);
    body.copy(sealed, 28);
    return `v1:${sealed.toString('base64')}`;
  };
  const decrypt = (stored: string) => {
    if (!stored.startsWith('v1:')) throw new Error('无法识别的加密数据');
    const raw = Buffer.from(stored.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  };
  return {
    encrypt,
    decrypt,
    encryptOptional: (plain) =>
      plain === null || plain === undefined || plain === '' ? null : encrypt(plain),
    decryptOptional: (stored) => (stored ? decrypt(stored) : null),
    blindIndex: (value) =>
      createHmac('sha256', macKey).update(value.normalize('NFKC').trim().toUpperCase()).digest('hex'),
  };
}

/** Masking for display where the full value is not needed: 110105********1234, 138****5678. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  return id.length <= 8
    ? '*'.repeat(id.length)
    : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(phone.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskText(text: string | null, keep = 1): string | null {
  if (!text) return text;
  return text.slice(0, keep) + '*'.repeat(Math.max(1, Math.min(8, text.length - keep)));
}
