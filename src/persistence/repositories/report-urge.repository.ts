import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

/** 催报 kept per agency and year (migration 0008). */
export async function insertUrge(
  db: Kysely<Schema>,
  urge: {
    agencyId: number;
    year: number;
    fromAgencyId: number;
    message: string;
    recipients: number;
    createdBy: number;
  },
  at: string,
): Promise<number> {
  const row = await db
    .insertInto('report_urges')
    .values({
      agency_id: urge.agencyId,
      year: urge.year,
      from_agency_id: urge.fromAgencyId,
      message: urge.message,
      recipients: urge.recipients,
      created_by: urge.createdBy,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** How many times each agency was urged for the year, and when last. */
export async function urgesByAgency(
  db: Kysely<Schema>,
  agencyIds: readonly number[],
  year: number,
): Promise<Map<number, { count: number; lastAt: string }>> {
  if (agencyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('report_urges')
    .select((eb) => ['agency_id', eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('last')])
    .where('agency_id', 'in', [...agencyIds])
    .where('year', '=', year)
    .groupBy('agency_id')
    .execute();
  return new Map(rows.map((r) => [r.agency_id, { count: Number(r.n), lastAt: String(r.last) }]));
}
