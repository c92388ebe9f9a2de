import { createHash } from 'node:crypto';

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

/**
 * hash(n) = sha256(hash(n−1) ‖ the event's fields, id included): editing, deleting or reordering any event
 * breaks every later link.
 */
export function chainHash(prevHash: string, e: ChainedFields): string {
  const fields = [
    e.id,
    e.agency_id,
    e.entity_type,
    e.entity_id,
    e.action,
    e.actor,
    e.actor_role,
    e.at,
    e.data,
  ];
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex');
}
