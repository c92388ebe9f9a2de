import { randomInt } from 'node:crypto';

/** Crockford base32 without I, L, O, U: no look-alike characters for a code read out over the phone. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomChars(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** 查询码: e.g. "GK2026-7KQ3M9XA" — the year of registration and 8 random characters (40 bits). */
export function newTrackingCode(year: number): string {
  return `GK${year}-${randomChars(8)}`;
}

/** The applicant's secret (查询密码), shown once: 8 characters. */
export function newSecret(): string {
  return randomChars(8);
}

export function normaliseTrackingCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, '');
}
