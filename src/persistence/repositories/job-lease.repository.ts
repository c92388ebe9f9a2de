import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Schema } from '../schema.ts';

/**
 * Claims the job `name` for `holder` until `leaseUntil` when nobody holds it (its lease has passed), and returns
 * the state its last run left; null when another holds it. One statement: of several processes trying at once
 * exactly one gets the row back.
 */
export async function claimJobLease(
  db: Kysely<Schema>,
  name: string,
  holder: string,
  nowMs: number,
  leaseUntil: number,
  startedAt: string,
): Promise<{ state: string | null } | null> {
  const rows = await db
    .insertInto('job_leases')
    .values({ name, holder, lease_until: leaseUntil, last_started_at: startedAt, runs: 1 })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({
          holder,
          lease_until: leaseUntil,
          last_started_at: startedAt,
          runs: sql<number>`job_leases.runs + 1`,
        })
        .where('job_leases.lease_until', '<=', nowMs),
    )
    .returning('state')
    .execute();
  return rows[0] ? { state: rows[0].state } : null;
}

/** Extends a lease the holder still holds (a long run); false when it was lost. */
export async function renewJobLease(
  db: Kysely<Schema>,
  name: string,
  holder: string,
  leaseUntil: number,
): Promise<boolean> {
  const result = await db
    .updateTable('job_leases')
    .set({ lease_until: leaseUntil })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records the end of a run; the lease stays until `leaseUntil` (the next run is not due before). */
export async function finishJobLease(
  db: Kysely<Schema>,
  name: string,
  holder: string,
  value: { leaseUntil: number; finishedAt: string; error: string | null; state?: string | null },
): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({
      lease_until: value.leaseUntil,
      last_finished_at: value.finishedAt,
      last_error: value.error,
      ...(value.state !== undefined ? { state: value.state } : {}),
    })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}

export interface JobLeaseRecord {
  name: string;
  holder: string | null;
  leaseUntil: number;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastError: string | null;
  state: string | null;
  runs: number;
}

export async function listJobLeases(db: Kysely<Schema>): Promise<JobLeaseRecord[]> {
  const rows = await db.selectFrom('job_leases').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    name: r.name,
    holder: r.holder,
    leaseUntil: Number(r.lease_until),
    lastStartedAt: r.last_started_at,
    lastFinishedAt: r.last_finished_at,
    lastError: r.last_error,
    state: r.state,
    runs: r.runs,
  }));
}
