import type { Kysely, Selectable } from 'kysely';
import type { LetterTable } from '../schema-application.ts';
import type { Schema } from '../schema.ts';

/** Letters sent (告知书 …), numbered per agency, kind and year; the data renders them again exactly as sent. */
export type LetterRow = Selectable<LetterTable>;

export async function insertLetter(db: Kysely<Schema>, row: Omit<LetterRow, 'id'>): Promise<{ id: number }> {
  return db.insertInto('letters').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function lettersOf(db: Kysely<Schema>, applicationId: number): Promise<LetterRow[]> {
  return db
    .selectFrom('letters')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

export async function findLetter(
  db: Kysely<Schema>,
  applicationId: number,
  letterId: number,
): Promise<LetterRow | null> {
  const row = await db
    .selectFrom('letters')
    .selectAll()
    .where('id', '=', letterId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return row ?? null;
}
