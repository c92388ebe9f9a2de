import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { PinnedConnection } from '../database.ts';
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
  connection: PinnedConnection,
  batch: {
    expected: { lastId: number; lastHash: string };
    applications: readonly Record<string, unknown>[];
    events: readonly EventRow[];
    dueDateChanges: readonly Record<string, unknown>[];
  },
): Promise<boolean> {
  const last = batch.events[batch.events.length - 1]!;
  const tables: [string, readonly Record<string, unknown>[]][] = [
    ['applications', batch.applications],
    ['events', batch.events as unknown as Record<string, unknown>[]],
  ];
  if (batch.dueDateChanges.length > 0) tables.push(['due_date_changes', batch.dueDateChanges]);
  const columns = tables.map(([, rows]) => Object.keys(rows[0]!));
  // given to the connection at once (no await before it): the statement is queued behind the one before
  const { rows } = await connection.query<{ moved: number }>(
    statement(tables.map(([table], i) => [table, columns[i]!])),
    [
      last.id,
      last.hash,
      batch.expected.lastId,
      batch.expected.lastHash,
      ...tables.map(([, rows], i) => jsonRows(rows, columns[i]!)),
    ],
  );
  return Number(rows[0]?.moved ?? 0) === 1;
}

/**
 * The statement's text for these tables and columns (the same for every batch: built once). Parameters: $1, $2
 * the head the batch leaves, $3, $4 the head it expects, then each table's rows as JSON.
 */
const statements = new Map<string, string>();

function statement(tables: readonly [string, readonly string[]][]): string {
  const key = JSON.stringify(tables);
  let text = statements.get(key);
  if (text === undefined) {
    const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const inserts = tables.map(([table, columns], i) => {
      const list = columns.map(quoted).join(', ');
      return `${table}_added as (insert into ${quoted(table)} (${list})
        select ${list} from json_populate_recordset(null::${quoted(table)}, $${i + 5}::json)
        where exists (select 1 from moved))`;
    });
    text = `with moved as (
        update event_head set last_id = $1, last_hash = $2
        where id = 1 and last_id = $3 and last_hash = $4
        returning 1
      ),
      ${inserts.join(',\n')}
      select count(*)::integer as moved,
        max(setval('events_id_seq', greatest($1::bigint, (select last_value from events_id_seq)))) as seq
      from moved`;
    // prepared once per connection (persistence/database.ts), under a name that changes with the text
    text = `/* prepared intake_${createHash('sha256').update(text).digest('hex').slice(0, 16)} */ ${text}`;
    statements.set(key, text);
  }
  return text;
}

/** Text columns that hold JSON (written by JSON.stringify): an application's facts, an event's data. */
const JSON_COLUMNS: ReadonlySet<string> = new Set(['facts', 'data']);

/**
 * Rows as the JSON json_populate_recordset reads. A JSON column whose value is an object or an array goes in as
 * that JSON itself, not as a string of it: PostgreSQL's json keeps a value's text as written, so the column
 * receives the very same text (the event's hash is of that text), and it is neither escaped here nor unescaped
 * there.
 */
function jsonRows(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const keys = columns.map((c) => `${JSON.stringify(c)}:`);
  const raw = columns.map((c) => JSON_COLUMNS.has(c));
  let out = '[';
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    out += r === 0 ? '{' : ',{';
    let first = true;
    for (let c = 0; c < columns.length; c++) {
      const value = row[columns[c]!];
      // a key left out is a NULL to json_populate_recordset (its base record is null), as is a null
      if (value === null || value === undefined) continue;
      out += first ? keys[c]! : `,${keys[c]!}`;
      first = false;
      out +=
        raw[c] && typeof value === 'string' && (value.startsWith('{') || value.startsWith('['))
          ? value
          : JSON.stringify(value);
    }
    out += '}';
  }
  return out + ']';
}

/** Ids for new applications, drawn from their sequence ahead of the insert (PostgreSQL). */
export async function nextApplicationIds(db: Kysely<Schema>, count: number): Promise<number[]> {
  const { rows } = await sql<{
    id: number;
  }>`select nextval('applications_id_seq')::integer as id from generate_series(1, ${count})`.execute(db);
  return rows.map((r) => Number(r.id));
}
