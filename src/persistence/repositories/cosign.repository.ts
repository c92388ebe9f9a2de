import type { Kysely, Selectable } from 'kysely';
import type { Cosign } from '../../domain/cosign/index.ts';
import type { OpenCosign } from '../../domain/reminders/index.ts';
import type { CosignTable } from '../schema-application.ts';
import type { Schema } from '../schema.ts';

/**
 * 内部会签 (issue 12 point 2): one row per department per case; the answer fills the row's answer columns, a
 * withdrawal (撤回会签) its withdrawn_* columns. Open means neither: every query of open 会签 says both.
 */
const toCosign = (r: Selectable<CosignTable>): Cosign => ({
  id: r.id,
  applicationId: r.application_id,
  agencyId: r.agency_id,
  department: r.department,
  question: r.question,
  openedOn: r.opened_on,
  openedBy: r.opened_by,
  dueOn: r.due_on,
  answer:
    r.answered_on === null
      ? null
      : {
          opinion: r.opinion ?? '',
          answeredOn: r.answered_on,
          recordedBy: r.answered_by ?? '',
          answererName: r.answerer_name ?? '',
          onBehalf: r.on_behalf === 1,
        },
  withdrawal:
    r.withdrawn_at === null
      ? null
      : { withdrawnAt: r.withdrawn_at, withdrawnBy: r.withdrawn_by ?? '', reason: r.withdraw_reason ?? '' },
});

export async function insertCosign(
  db: Kysely<Schema>,
  row: Omit<Cosign, 'id' | 'answer' | 'withdrawal'>,
  at: string,
): Promise<Cosign> {
  const inserted = await db
    .insertInto('cosigns')
    .values({
      application_id: row.applicationId,
      agency_id: row.agencyId,
      department: row.department,
      question: row.question,
      opened_on: row.openedOn,
      opened_at: at,
      opened_by: row.openedBy,
      due_on: row.dueOn,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCosign(inserted);
}

export async function cosignsOf(db: Kysely<Schema>, applicationId: number): Promise<Cosign[]> {
  const rows = await db
    .selectFrom('cosigns')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
  return rows.map(toCosign);
}

export async function findCosign(db: Kysely<Schema>, id: number): Promise<Cosign | null> {
  const row = await db.selectFrom('cosigns').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCosign(row) : null;
}

/** Writes the answer only while there is none and the 会签 is not withdrawn (two people at once: one wins). */
export async function recordCosignAnswer(
  db: Kysely<Schema>,
  id: number,
  answer: NonNullable<Cosign['answer']>,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('cosigns')
    .set({
      answered_on: answer.answeredOn,
      answered_at: at,
      answered_by: answer.recordedBy,
      answerer_name: answer.answererName,
      opinion: answer.opinion,
      on_behalf: answer.onBehalf ? 1 : 0,
    })
    .where('id', '=', id)
    .where('answered_on', 'is', null)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** 撤回会签: writes the withdrawal only while the 会签 is neither answered nor withdrawn (one of two wins). */
export async function recordCosignWithdrawal(
  db: Kysely<Schema>,
  id: number,
  withdrawal: NonNullable<Cosign['withdrawal']>,
): Promise<boolean> {
  const result = await db
    .updateTable('cosigns')
    .set({
      withdrawn_at: withdrawal.withdrawnAt,
      withdrawn_by: withdrawal.withdrawnBy,
      withdraw_reason: withdrawal.reason,
    })
    .where('id', '=', id)
    .where('answered_on', 'is', null)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The open (unanswered, not withdrawn) 会签 on open cases, of one agency or of every agency, with the case's 查询码 and handler. */
export async function openCosigns(
  db: Kysely<Schema>,
  closedStates: readonly string[],
  agencyId?: number,
): Promise<OpenCosign[]> {
  let q = db
    .selectFrom('cosigns')
    .innerJoin('applications', 'applications.id', 'cosigns.application_id')
    .select([
      'cosigns.application_id',
      'cosigns.agency_id',
      'cosigns.department',
      'cosigns.due_on',
      'applications.tracking_code',
      'applications.handler_id',
    ])
    .where('cosigns.answered_on', 'is', null)
    .where('cosigns.withdrawn_at', 'is', null)
    .where('applications.state', 'not in', [...closedStates]);
  if (agencyId !== undefined) q = q.where('cosigns.agency_id', '=', agencyId);
  const rows = await q.orderBy('cosigns.due_on').orderBy('cosigns.id').execute();
  return rows.map((r) => ({
    applicationId: r.application_id,
    agencyId: r.agency_id,
    trackingCode: r.tracking_code,
    department: r.department,
    dueOn: r.due_on,
    assigneeId: r.handler_id,
  }));
}

/** Per application of a page of the inbox: its open (unanswered, not withdrawn) 会签 and how many are past their due date. */
export async function openCosignCounts(
  db: Kysely<Schema>,
  applicationIds: readonly number[],
  today: string,
): Promise<Map<number, { open: number; overdue: number }>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('cosigns')
    .select((eb) => [
      'application_id',
      eb.fn.countAll<number>().as('open'),
      eb.fn.sum<number>(eb.case().when('due_on', '<', today).then(1).else(0).end()).as('overdue'),
    ])
    .where('application_id', 'in', [...applicationIds])
    .where('answered_on', 'is', null)
    .where('withdrawn_at', 'is', null)
    .groupBy('application_id')
    .execute();
  return new Map(
    rows.map((r) => [r.application_id, { open: Number(r.open), overdue: Number(r.overdue ?? 0) }]),
  );
}
