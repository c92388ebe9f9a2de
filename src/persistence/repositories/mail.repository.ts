import type { Kysely, Selectable } from 'kysely';
import type { MailOutboxTable } from '../schema-mail.ts';
import type { Schema } from '../schema.ts';

/** The mail outbox and the claims of scheduled jobs' runs (migration 0008). */
export interface OutboxMail {
  id: number;
  agencyId: number | null;
  toUserId: number | null;
  toAddress: string;
  subject: string;
  body: string;
  kind: string;
  dedupeKey: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

const toMail = (r: Selectable<MailOutboxTable>): OutboxMail => ({
  id: r.id,
  agencyId: r.agency_id,
  toUserId: r.to_user_id,
  toAddress: r.to_address,
  subject: r.subject,
  body: r.body,
  kind: r.kind,
  dedupeKey: r.dedupe_key,
  status: r.status as OutboxMail['status'],
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

export interface NewMail {
  agencyId: number | null;
  toUserId: number | null;
  toAddress: string;
  subject: string;
  body: string;
  kind: string;
  dedupeKey: string;
}

/** Queues a message; one with the same dedupe key already queued is kept (null returned). */
export async function enqueueMail(db: Kysely<Schema>, mail: NewMail, at: string): Promise<number | null> {
  const row = await db
    .insertInto('mail_outbox')
    .values({
      agency_id: mail.agencyId,
      to_user_id: mail.toUserId,
      to_address: mail.toAddress,
      subject: mail.subject,
      body: mail.body,
      kind: mail.kind,
      dedupe_key: mail.dedupeKey,
      status: 'pending',
      attempts: 0,
      last_error: null,
      claimed_until: null,
      created_at: at,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Pending messages no process holds now, oldest first. */
export async function deliverableMail(db: Kysely<Schema>, now: string, limit: number): Promise<OutboxMail[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toMail);
}

/** Takes the lease on one message; false when another process holds it or it is no longer pending. */
export async function claimMail(
  db: Kysely<Schema>,
  id: number,
  now: string,
  until: string,
): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ claimed_until: until })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markMail(
  db: Kysely<Schema>,
  id: number,
  patch: {
    status: OutboxMail['status'];
    attempts: number;
    lastError: string | null;
    sentAt: string | null;
    claimedUntil: string | null;
  },
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      status: patch.status,
      attempts: patch.attempts,
      last_error: patch.lastError,
      sent_at: patch.sentAt,
      claimed_until: patch.claimedUntil,
    })
    .where('id', '=', id)
    .execute();
}

export async function listMail(
  db: Kysely<Schema>,
  filter: { agencyId?: number; kind?: string } = {},
): Promise<OutboxMail[]> {
  let q = db.selectFrom('mail_outbox').selectAll();
  if (filter.agencyId !== undefined) q = q.where('agency_id', '=', filter.agencyId);
  if (filter.kind !== undefined) q = q.where('kind', '=', filter.kind);
  return (await q.orderBy('id').execute()).map(toMail);
}

/**
 * Claims the run of a job for a key (the day): true for the one process whose insert made the row; every
 * other process, at the same moment or later, gets false (primary key job + run_key).
 */
export async function claimJobRun(
  db: Kysely<Schema>,
  run: { job: string; runKey: string; claimedBy: string },
  at: string,
): Promise<boolean> {
  const row = await db
    .insertInto('job_runs')
    .values({
      job: run.job,
      run_key: run.runKey,
      claimed_by: run.claimedBy,
      claimed_at: at,
      finished_at: null,
      result: null,
    })
    .onConflict((oc) => oc.columns(['job', 'run_key']).doNothing())
    .returning('job')
    .executeTakeFirst();
  return row !== undefined;
}

export async function finishJobRun(
  db: Kysely<Schema>,
  run: { job: string; runKey: string },
  at: string,
  result: unknown,
): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ finished_at: at, result: JSON.stringify(result) })
    .where('job', '=', run.job)
    .where('run_key', '=', run.runKey)
    .execute();
}

export async function jobRuns(db: Kysely<Schema>, job: string) {
  return db.selectFrom('job_runs').selectAll().where('job', '=', job).orderBy('run_key').execute();
}
