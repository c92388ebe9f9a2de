import { hkdfSync } from 'node:crypto';

/**
 * The key of the audit chain's HMAC, derived from the secret key (GONGKAI_SECRET_KEY or DATA_DIR/secret.key)
 * with its own label, as the field-encryption and blind-index keys are: it is kept apart from the database, so
 * whoever can rewrite the database cannot compute a chain that `gongkai audit verify` accepts.
 */
export function auditChainKey(secretKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'gongkai audit chain v1', 32));
}
