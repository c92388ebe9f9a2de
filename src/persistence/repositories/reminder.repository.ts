import type { Kysely } from 'kysely';
import { CLOSED_STATES } from '../../domain/application/states.ts';
import type { OpenCase } from '../../domain/reminders/index.ts';
import type { Schema } from '../schema.ts';

/**
 * The open applications that may need a reminder (issue 12 point 4), of one agency or of every agency: reply
 * due before `dueSoonBefore`, a consultation due before today, or a letter awaiting service. The domain
 * (remindersFor) then says which reminders each one gives.
 */
export async function casesNeedingReminders(
  db: Kysely<Schema>,
  bounds: { dueSoonBefore: string; today: string },
  agencyId?: number,
): Promise<OpenCase[]> {
  let q = db
    .selectFrom('applications')
    .select([
      'id',
      'agency_id',
      'tracking_code',
      'received_on',
      'reply_due',
      'consultation_due',
      'service_pending',
      'handler_id',
    ])
    .where('state', 'not in', [...CLOSED_STATES])
    .where((eb) =>
      eb.or([
        eb('reply_due', '<', bounds.dueSoonBefore),
        eb('consultation_due', '<', bounds.today),
        eb('service_pending', '=', 1),
      ]),
    );
  if (agencyId !== undefined) q = q.where('agency_id', '=', agencyId);
  const rows = await q.orderBy('agency_id').orderBy('reply_due').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    trackingCode: r.tracking_code,
    receivedOn: r.received_on,
    replyDue: r.reply_due,
    consultationDue: r.consultation_due,
    servicePending: r.service_pending === 1,
    assigneeId: r.handler_id,
  }));
}
