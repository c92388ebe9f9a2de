import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from '../database.ts';
import type { Schema } from '../schema.ts';
import { chainHash, GENESIS_HASH, legacyChainHash } from './event-chain.ts';
import type { ChainedFields } from './event-chain.ts';

/** What happened: appended in the same transaction as the change it records. */
export interface NewEvent {
  agencyId: number | null;
  entityType: string;
  entityId: string | number;
  action: string;
  /** 'user:12', 'applicant', 'system' */
  actor: string;
  actorRole?: string | null;
  at: string;
  data?: unknown;
}

export interface StoredEvent {
  id: number;
  agencyId: number | null;
  entityType: string;
  entityId: string;
  action: string;
  actor: string;
  actorRole: string | null;
  at: string;
  data: unknown;
  hash: string;
}

/**
 * Appends an event to the hash chain. Must run inside a transaction: the chain head is locked (PostgreSQL
 * `for update`; SQLite transactions are serialised) so concurrent writers chain one after another.
 */
export async function appendEvent(
  trx: Kysely<Schema>,
  dialect: DialectName,
  key: Buffer,
  event: NewEvent,
): Promise<StoredEvent> {
  const [stored] = await appendEvents(trx, dialect, key, [event]);
  return stored!;
}

/** An event row as stored, its hash computed. */
export interface EventRow extends ChainedFields {
  prev_hash: string;
  hash: string;
}

/** Chains `events` after `prevHash`, the first taking id `first`: the rows to insert and the events they store. */
export function chainEvents(
  key: Buffer,
  first: number,
  prevHash: string,
  events: readonly NewEvent[],
): { rows: EventRow[]; stored: StoredEvent[] } {
  const stored: StoredEvent[] = [];
  const rows = events.map((event, i) => {
    const fields = {
      id: first + i,
      agency_id: event.agencyId,
      entity_type: event.entityType,
      entity_id: String(event.entityId),
      action: event.action,
      actor: event.actor,
      actor_role: event.actorRole ?? null,
      at: event.at,
      data: JSON.stringify(event.data ?? {}),
    };
    const hash = chainHash(key, prevHash, fields);
    // the data as stored (read back from its JSON, as `eventsOf` gives it), worked out when first asked for:
    // most writers only need the id and the hash (intake writes thousands of events a second)
    let data: { value: unknown } | null = null;
    stored.push({
      id: fields.id,
      agencyId: fields.agency_id,
      entityType: fields.entity_type,
      entityId: fields.entity_id,
      action: fields.action,
      actor: fields.actor,
      actorRole: fields.actor_role,
      at: fields.at,
      get data() {
        return (data ??= { value: JSON.parse(fields.data) as unknown }).value;
      },
      set data(value: unknown) {
        data = { value };
      },
      hash,
    });
    const row = { ...fields, prev_hash: prevHash, hash };
    prevHash = hash;
    return row;
  });
  return { rows, stored };
}

/** The chain's head as committed (no lock): where an optimistic append expects to continue. */
export async function readEventHead(db: Kysely<Schema>): Promise<{ lastId: number; lastHash: string }> {
  const head = await db
    .selectFrom('event_head')
    .select(['last_id', 'last_hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { lastId: head.last_id, lastHash: head.last_hash };
}

/**
 * Appends events to the hash chain in the order given, in two statements however many there are (three on
 * SQLite, where a statement costs no round trip): the head is locked and its ids reserved by one UPDATE …
 * RETURNING (which waits for, and then sees, the head another transaction moved), and the events are inserted
 * with their hashes together with the head's new hash. Ids are taken from the head, in chain order across
 * processes; on PostgreSQL the events sequence is kept at the head, so an id from its default is never one the
 * chain has given. Must run inside a transaction.
 */
export async function appendEvents(
  trx: Kysely<Schema>,
  dialect: DialectName,
  key: Buffer,
  events: readonly NewEvent[],
): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const reserved = await trx
    .updateTable('event_head')
    .set((eb) => ({ last_id: eb('last_id', '+', events.length) }))
    .where('id', '=', 1)
    .returning(['last_id', 'last_hash'])
    .executeTakeFirstOrThrow();
  const { rows, stored } = chainEvents(key, reserved.last_id - events.length + 1, reserved.last_hash, events);
  const last = stored[stored.length - 1]!;
  if (dialect === 'postgres')
    // one statement: the head's hash and the sequence move with the insert (a data-modifying WITH always runs)
    await trx
      .with('moved', (db) =>
        db
          .updateTable('event_head')
          .set({ last_hash: last.hash })
          .where('id', '=', 1)
          .returning(
            sql<number>`setval('events_id_seq', greatest(${last.id}, (select last_value from events_id_seq)))`.as(
              'seq',
            ),
          ),
      )
      .insertInto('events')
      .values(rows)
      .execute();
  else {
    await trx.insertInto('events').values(rows).execute();
    await trx.updateTable('event_head').set({ last_hash: last.hash }).where('id', '=', 1).execute();
  }
  return stored;
}

function toEvent(row: Omit<EventRow, 'prev_hash'>): StoredEvent {
  return {
    id: row.id,
    agencyId: row.agency_id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    action: row.action,
    actor: row.actor,
    actorRole: row.actor_role,
    at: row.at,
    data: JSON.parse(row.data) as unknown,
    hash: row.hash,
  };
}

export async function eventsOf(
  db: Kysely<Schema>,
  entityType: string,
  entityId: string | number,
): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
  return rows.map(toEvent);
}

export interface ChainBreak {
  id: number;
  reason: string;
}

/**
 * Walks the whole chain in id order and reports the first break: an edited event (hash mismatch), a
 * deleted or reordered one (prev_hash ≠ the previous event's hash), or a head that does not match the end.
 */
/** A (id, hash) of the chain recorded outside the database — e.g. in a backup manifest — at some moment. */
export interface ChainAnchor {
  id: number;
  hash: string;
}

export async function verifyEventChain(
  db: Kysely<Schema>,
  key: Buffer,
  anchors: readonly ChainAnchor[] = [],
): Promise<{ checked: number; broken: ChainBreak | null }> {
  const anchored = new Map(anchors.filter((a) => a.id > 0).map((a) => [a.id, a.hash]));
  let prev = GENESIS_HASH;
  let checked = 0;
  let lastId = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('events')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (row.prev_hash !== prev)
        return { checked, broken: { id: row.id, reason: '与前一事件的链接断开（事件被删除、插入或重排）' } };
      if (chainHash(key, prev, row) !== row.hash)
        return {
          checked,
          broken: { id: row.id, reason: '事件内容与其哈希不符（事件被修改，或整条链未用本系统的密钥重算）' },
        };
      if (anchored.has(row.id) && anchored.get(row.id) !== row.hash)
        return {
          checked,
          broken: { id: row.id, reason: '与库外记录的锚点（备份清单）不符：审计日志被整体改写' },
        };
      anchored.delete(row.id);
      prev = row.hash;
      lastId = row.id;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db
    .selectFrom('event_head')
    .select(['last_id', 'last_hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (head && (head.last_id !== lastId || head.last_hash !== prev))
    return { checked, broken: { id: lastId, reason: '链尾与记录的链头不符（末尾事件被删除）' } };
  const [missing] = anchored.keys();
  if (missing !== undefined)
    return { checked, broken: { id: missing, reason: '库外记录的锚点事件已不存在：审计日志被截断或改写' } };
  return { checked, broken: null };
}

/**
 * Upgrading a database from before 0010, whose chain was an unkeyed sha256: if that chain is intact, every
 * hash is recomputed under the key, in one transaction, so that from then on only the keyed chain verifies.
 * Run once, right after migration 0010 is applied (app.ts). A chain already broken is left as it is: the
 * verification reports the break. Returns the number of events re-keyed (0 when left alone).
 */
export async function rekeyLegacyChain(
  db: Kysely<Schema>,
  dialect: DialectName,
  key: Buffer,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let headQuery = trx.selectFrom('event_head').select(['last_id', 'last_hash']).where('id', '=', 1);
    if (dialect === 'postgres') headQuery = headQuery.forUpdate();
    const head = await headQuery.executeTakeFirst();
    const rows = await trx.selectFrom('events').selectAll().orderBy('id').execute();
    let prev = GENESIS_HASH;
    for (const row of rows) {
      if (row.prev_hash !== prev || legacyChainHash(prev, row) !== row.hash) return 0;
      prev = row.hash;
    }
    if (rows.length === 0 || !head || head.last_hash !== prev) return 0;
    let keyed = GENESIS_HASH;
    for (const row of rows) {
      const hash = chainHash(key, keyed, row);
      await trx.updateTable('events').set({ prev_hash: keyed, hash }).where('id', '=', row.id).execute();
      keyed = hash;
    }
    await trx.updateTable('event_head').set({ last_hash: keyed }).where('id', '=', 1).execute();
    return rows.length;
  });
}
