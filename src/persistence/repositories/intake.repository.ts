import type { Kysely, RawBuilder } from 'kysely';
import { sql } from 'kysely';
import type { Schema } from '../schema.ts';
import type { EventRow } from './event.repository.ts';

/**
 * PostgreSQL intake in one statement (autocommit: one round trip, one COMMIT): a batch of new applications, their
 * 登记 events and due-date changes are inserted only if the chain's head is still the one their hashes were
 * chained from, and the head moves to the batch's last event in the same statement. Another writer that moved
 * the head first (another process, or any other service) makes the statement insert nothing: the caller reads
 * the head again and chains anew. The UPDATE waits for a head locked by another transaction and then checks the
 * version that transaction committed (READ COMMITTED re-check), so two writers never both continue one head.
 * Application ids are taken from their sequence beforehand (`nextApplicationIds`).
 */
export async function insertRegistrationsAfterHead(
  db: Kysely<Schema>,
  batch: {
    expected: { lastId: number; lastHash: string };
    applications: readonly Record<string, unknown>[];
    events: readonly EventRow[];
    dueDateChanges: readonly Record<string, unknown>[];
  },
): Promise<boolean> {
  const last = batch.events[batch.events.length - 1]!;
  const insert = (table: string, rows: readonly Record<string, unknown>[]): RawBuilder<unknown> => {
    const columns = Object.keys(rows[0]!);
    const list = sql.join(columns.map((c) => sql.ref(c)));
    return sql`insert into ${sql.table(table)} (${list})
      select ${list} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)
      where exists (select 1 from moved)`;
  };
  const { rows } = await sql<{ moved: number }>`
    with moved as (
      update event_head set last_id = ${last.id}, last_hash = ${last.hash}
      where id = 1 and last_id = ${batch.expected.lastId} and last_hash = ${batch.expected.lastHash}
      returning 1
    ),
    applications_added as (${insert('applications', batch.applications)}),
    events_added as (${insert('events', batch.events as unknown as Record<string, unknown>[])})
    ${batch.dueDateChanges.length > 0 ? sql`, changes_added as (${insert('due_date_changes', batch.dueDateChanges)})` : sql``}
    select count(*)::integer as moved,
      max(setval('events_id_seq', greatest(${last.id}::bigint, (select last_value from events_id_seq)))) as seq
    from moved`.execute(db);
  return Number(rows[0]?.moved ?? 0) === 1;
}

/** Ids for new applications, drawn from their sequence ahead of the insert (PostgreSQL). */
export async function nextApplicationIds(db: Kysely<Schema>, count: number): Promise<number[]> {
  const { rows } = await sql<{
    id: number;
  }>`select nextval('applications_id_seq')::integer as id from generate_series(1, ${count})`.execute(db);
  return rows.map((r) => Number(r.id));
}
