import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Schema } from '../schema.ts';

/** Advances a change counter (one row per name) and returns its new value. */
export async function bumpChangeCounter(db: Kysely<Schema>, name: string): Promise<number> {
  const row = await db
    .insertInto('change_counters')
    .values({ name, version: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ version: sql<number>`change_counters.version + 1` }))
    .returning('version')
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

/** Every change counter (a handful of rows), for a cheap poll. */
export async function readChangeCounters(db: Kysely<Schema>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('change_counters').select(['name', 'version']).execute();
  return new Map(rows.map((r) => [r.name, Number(r.version)]));
}
