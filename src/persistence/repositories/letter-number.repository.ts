import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { LetterNumberTable } from '../schema-application.ts';
import type { Schema } from '../schema.ts';

/** The register of 文号 (issue 12 point 5): every number an agency gave, unique per agency, never reused. */
export type LetterNumberRow = Selectable<LetterNumberTable>;

/**
 * The next sequence of a series and year, taken in one atomic upsert: concurrent transactions wait on the
 * counter's row (PostgreSQL) or on the database (SQLite), and each gets its own number. Call inside the
 * transaction that writes the letter, so a failed letter gives its number back with everything else.
 */
export async function takeLetterSeq(
  db: Kysely<Schema>,
  agencyId: number,
  series: string,
  year: number,
): Promise<number> {
  const row = await db
    .insertInto('letter_number_counters')
    .values({ agency_id: agencyId, series, year, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'series', 'year'])
        .doUpdateSet({ last_seq: sql<number>`letter_number_counters.last_seq + 1` }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

/** Registers a number given to a letter; the unique constraints refuse a number the agency already gave. */
export async function registerLetterNumber(
  db: Kysely<Schema>,
  row: Omit<LetterNumberRow, 'id'>,
): Promise<{ id: number }> {
  return db.insertInto('letter_numbers').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The register of an agency, in the order the numbers were given. */
export async function letterNumbersOf(db: Kysely<Schema>, agencyId: number): Promise<LetterNumberRow[]> {
  return db
    .selectFrom('letter_numbers')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('id')
    .execute();
}
