import type { Kysely } from 'kysely';
import type { ApplicantType, Application, Outcome } from '../../domain/application/index.ts';
import type { ApplicationPoint } from '../../domain/report-workspace/index.ts';
import type { Schema } from '../schema.ts';

/**
 * What the annual-report workspace reads from the application register for a year: every application that
 * table 三 of the year can count (received by 31 December, open on 1 January or later), projected to the facts
 * the charts, the narrative and the drill-down need.
 */
export interface ApplicationYearPoint extends ApplicationPoint {
  id: number;
  applicantType: ApplicantType;
  /** 收费通知 served on it, with the amount and whether it was paid */
  fee: { servedOn: string; paidOn: string | null; amount: number } | null;
}

export async function applicationPointsOf(
  db: Kysely<Schema>,
  agencyId: number,
  year: number,
): Promise<ApplicationYearPoint[]> {
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'applicant_type', 'received_on', 'closed_on', 'outcome', 'facts'])
    .where('agency_id', '=', agencyId)
    .where('received_on', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', `${year}-01-01`)]))
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const a = JSON.parse(r.facts) as Partial<Application>;
    const decision = a.decision ?? null;
    const replied =
      r.outcome !== null &&
      decision !== null &&
      decision.outcome === r.outcome &&
      decision.approvedOn !== null;
    return {
      id: r.id,
      applicantType: r.applicant_type as ApplicantType,
      receivedOn: r.received_on,
      closedOn: r.closed_on,
      outcome: r.outcome as Outcome | null,
      replied,
      replyDueOn: a.deadlines?.reply?.date ?? null,
      fee: a.fee
        ? {
            servedOn: a.fee.servedOn ?? a.fee.issuedOn ?? '',
            paidOn: a.fee.paidOn,
            amount: a.fee.assessment.amount,
          }
        : null,
    };
  });
}

/** Applications by id, for a drill-down list (the same fields as the table 三 drill-down). */
export async function applicationRowsByIds(db: Kysely<Schema>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('applications')
    .select([
      'id',
      'tracking_code',
      'applicant_type',
      'applicant_name',
      'applicant_name_idx',
      'received_on',
      'closed_on',
      'outcome',
      'state',
      'summary',
    ])
    .where('id', 'in', ids)
    .orderBy('received_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    trackingCode: r.tracking_code,
    applicantType: r.applicant_type,
    /** encrypted: the service decrypts it (applicantName) */
    applicantName: r.applicant_name,
    applicantNameIdx: r.applicant_name_idx,
    receivedOn: r.received_on,
    closedOn: r.closed_on,
    outcome: r.outcome,
    state: r.state,
    summary: r.summary,
  }));
}
