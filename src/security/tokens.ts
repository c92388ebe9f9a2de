import { createHash, randomBytes } from 'node:crypto';

/** A random token for cookies, secrets and CSRF (base64url, 32 bytes unless told). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
