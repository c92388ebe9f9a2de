import { createHash, createHmac } from 'node:crypto';

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  id: number;
  agency_id: number | null;
  entity_type: string;
  entity_id: string;
  action: string;
  actor: string;
  actor_role: string | null;
  at: string;
  data: string;
}

const fieldsOf = (e: ChainedFields) =>
  JSON.stringify([
    e.id,
    e.agency_id,
    e.entity_type,
    e.entity_id,
    e.action,
    e.actor,
    e.actor_role,
    e.at,
    e.data,
  ]);

/**
 * hash(n) = HMAC-SHA256(key, hash(n−1) ‖ the event's fields, id included), under a key kept apart from the
 * database (security/audit-key.ts): editing, deleting or reordering any event breaks every later link, and a
 * copy rewritten and chained again without the key does not verify.
 */
export function chainHash(key: Buffer, prevHash: string, e: ChainedFields): string {
  return createHmac('sha256', key).update(prevHash).update(fieldsOf(e)).digest('hex');
}

/** The unkeyed chain of databases before 0010 (sha256), checked once when the chain is re-keyed on upgrade. */
export function legacyChainHash(prevHash: string, e: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(fieldsOf(e)).digest('hex');
}
