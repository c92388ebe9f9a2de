import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { AgencyTable, Schema } from '../schema.ts';

export type AgencyKind = 'government' | 'department' | 'vertical' | 'office';

export interface Agency {
  id: number;
  code: string;
  name: string;
  kind: AgencyKind;
  parentId: number | null;
  settings: Record<string, unknown>;
}

type Row = Selectable<AgencyTable>;

const toAgency = (row: Row): Agency => ({
  id: row.id,
  code: row.code,
  name: row.name,
  kind: row.kind as AgencyKind,
  parentId: row.parent_id,
  settings: JSON.parse(row.settings) as Record<string, unknown>,
});

export async function insertAgency(
  db: Kysely<Schema>,
  agency: Omit<Agency, 'id'>,
  at: string,
): Promise<Agency> {
  const row = await db
    .insertInto('agencies')
    .values({
      code: agency.code,
      name: agency.name,
      kind: agency.kind,
      parent_id: agency.parentId,
      settings: JSON.stringify(agency.settings),
      created_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAgency(row);
}

export async function findAgency(db: Kysely<Schema>, id: number): Promise<Agency | null> {
  const row = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAgency(row) : null;
}

export async function findAgencyByCode(db: Kysely<Schema>, code: string): Promise<Agency | null> {
  const row = await db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toAgency(row) : null;
}

export async function listAgencies(db: Kysely<Schema>): Promise<Agency[]> {
  return (await db.selectFrom('agencies').selectAll().orderBy('id').execute()).map(toAgency);
}

/**
 * A query starting `with tree(id)`: the agency and every agency below it in the hierarchy (recursive, both
 * dialects), for statements over a subtree to select from or filter by `tree`.
 */
export const withSubtree = (db: Kysely<Schema>, rootId: number) =>
  db.withRecursive('tree(id)', (qb) =>
    qb
      .selectFrom('agencies')
      .select('id')
      .where('id', '=', rootId)
      .unionAll((q) =>
        q.selectFrom('agencies as a').innerJoin('tree', 'tree.id', 'a.parent_id').select('a.id'),
      ),
  );

/** The agency and every agency below it in the hierarchy. */
export async function subtreeIds(db: Kysely<Schema>, rootId: number): Promise<number[]> {
  const rows = await withSubtree(db, rootId).selectFrom('tree').select('id').execute();
  return rows.map((r) => r.id);
}

export async function updateAgencySettings(
  db: Kysely<Schema>,
  id: number,
  patch: { name?: string; settings?: Record<string, unknown> },
): Promise<void> {
  await db
    .updateTable('agencies')
    .set({
      ...(patch.name ? { name: patch.name } : {}),
      ...(patch.settings ? { settings: JSON.stringify(patch.settings) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export const agencyCount = async (db: Kysely<Schema>): Promise<number> =>
  Number((await sql<{ n: number }>`select count(*) as n from agencies`.execute(db)).rows[0]?.n ?? 0);
