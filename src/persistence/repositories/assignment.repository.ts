import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { AssignmentTable } from '../schema-application.ts';
import type { Schema } from '../schema.ts';

/** 分办 / 转办 history (issue 12 point 1); applications.handler_id is the current assignee. */
export type AssignmentRow = Selectable<AssignmentTable>;

/**
 * Makes `assigneeId` the handler of an application whose handler is still `previousId` (so two people
 * reassigning at once cannot both win), and records the assignment. Returns false when the handler changed.
 */
export async function assign(
  db: Kysely<Schema>,
  row: Omit<AssignmentRow, 'id'>,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('applications')
    .set({ handler_id: row.assignee_id, updated_at: at, version: sql<number>`version + 1` })
    .where('id', '=', row.application_id)
    .where((eb) =>
      row.previous_id === null ? eb('handler_id', 'is', null) : eb('handler_id', '=', row.previous_id),
    )
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db.insertInto('assignments').values(row).execute();
  return true;
}

export async function assignmentsOf(db: Kysely<Schema>, applicationId: number): Promise<AssignmentRow[]> {
  return db
    .selectFrom('assignments')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

/** Each handler's open applications, and how many are overdue or due soon (reply_due against the bounds). */
export async function workloadOf(
  db: Kysely<Schema>,
  agencyId: number,
  closedStates: readonly string[],
  bounds: { overdueBefore: string; dueSoonBefore: string },
): Promise<{ handlerId: number | null; open: number; overdue: number; dueSoon: number }[]> {
  const rows = await db
    .selectFrom('applications')
    .select((eb) => [
      'handler_id',
      eb.fn.countAll<number>().as('open'),
      eb.fn
        .sum<number>(eb.case().when('reply_due', '<', bounds.overdueBefore).then(1).else(0).end())
        .as('overdue'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.and([
                eb('reply_due', '>=', bounds.overdueBefore),
                eb('reply_due', '<', bounds.dueSoonBefore),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('due_soon'),
    ])
    .where('agency_id', '=', agencyId)
    .where('state', 'not in', [...closedStates])
    .groupBy('handler_id')
    .execute();
  return rows.map((r) => ({
    handlerId: r.handler_id,
    open: Number(r.open),
    overdue: Number(r.overdue ?? 0),
    dueSoon: Number(r.due_soon ?? 0),
  }));
}
