import type { Kysely } from 'kysely';
import type { ApplicationSummary } from '../../src/domain/application/index.ts';
import type { Schema } from '../../src/persistence/schema.ts';

/**
 * Raw application rows for tests and benchmarks that need many applications (table 三 over a million rows):
 * the columns the queries read, with a minimal facts document. Not for behaviour tests — those go through
 * the services.
 */
export function applicationRow(agencyId: number, s: ApplicationSummary, n: number) {
  const state = s.closedDate ? 'replied' : 'in_progress';
  return {
    agency_id: agencyId,
    tracking_code: `T${agencyId}-${n}`,
    secret_hash: 'x',
    source: 'staff',
    applicant_type: s.applicantColumn,
    applicant_name: `申请人${n}`,
    contact_person: null,
    id_kind: null,
    id_number_enc: null,
    id_number_idx: null,
    phone_enc: null,
    phone_idx: null,
    email_enc: null,
    address_enc: null,
    postcode: null,
    channel: 'in_person',
    received_on: s.receivedDate,
    state,
    reply_due: null,
    latest_reply_due: null,
    correction_notice_due: s.receivedDate,
    paused_since: null,
    provisional: 0,
    outcome: s.outcome,
    closed_on: s.closedDate,
    archived_on: null,
    summary: '测试',
    handler_id: null,
    facts: '{}',
    version: 1,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
  };
}

export async function bulkInsertApplications(
  db: Kysely<Schema>,
  agencyId: number,
  summaries: readonly ApplicationSummary[],
  start = 0,
  chunk = 500,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < summaries.length; i += chunk)
      await trx
        .insertInto('applications')
        .values(summaries.slice(i, i + chunk).map((s, j) => applicationRow(agencyId, s, start + i + j)))
        .execute();
  });
}
