import type { Transaction } from 'kysely';
import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import type { Action, ActionType } from '../../domain/application/index.ts';
import { findAgency } from '../../persistence/repositories/agency.repository.ts';
import type { StoredApplication } from '../../persistence/repositories/application.repository.ts';
import type { Schema } from '../../persistence/schema.ts';
import type { ServiceContext } from '../context.ts';
import { todayInChina } from '../context.ts';
import type { Recorder } from '../context.ts';

/** The letter each action sends to the applicant or the party consulted. */
export type LetterKind = 'reply' | 'correction' | 'extension' | 'consultation' | 'fee';

export const LETTER_OF_ACTION: Partial<Record<ActionType, LetterKind>> = {
  request_correction: 'correction',
  extend: 'extension',
  start_consultation: 'consultation',
  issue_fee_notice: 'fee',
  send_reply: 'reply',
  deem_abandoned_no_correction: 'reply',
  deem_abandoned_no_fee: 'reply',
};

/** 文号 prefix from the agency's settings, e.g. "某卫依申" → 某卫依申〔2026〕12号. */
function numberPrefix(settings: Record<string, unknown>, name: string): string {
  const prefix = settings.letterNumberPrefix;
  return typeof prefix === 'string' && prefix.trim() ? prefix.trim() : `${name.slice(0, 4)}依申`;
}

/**
 * Records the letter an action sends, numbered per agency, kind and year in the same transaction as the
 * action. The fill-ins are frozen at sending; the document is rendered from them (letter.service.ts).
 */
export async function issueLettersFor(
  ctx: ServiceContext,
  trx: Transaction<Schema>,
  record: Recorder,
  stored: StoredApplication,
  action: Action,
  principal: Principal,
): Promise<void> {
  const kind = LETTER_OF_ACTION[action.type];
  if (!kind) return;
  const agency = await findAgency(trx, stored.agencyId);
  const today = todayInChina(ctx);
  const year = Number(today.slice(0, 4));
  const last = await trx
    .selectFrom('letters')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('agency_id', '=', stored.agencyId)
    .where('kind', '=', kind)
    .where('year', '=', year)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const number = `${numberPrefix(agency?.settings ?? {}, agency?.name ?? '')}〔${year}〕${seq}号`;
  const { id } = await trx
    .insertInto('letters')
    .values({
      application_id: stored.id,
      agency_id: stored.agencyId,
      kind,
      number,
      year,
      seq,
      data: JSON.stringify({ date: today, action: action.type, fills: {} }),
      created_at: ctx.now().toISOString(),
      created_by: actorOf(principal),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await record({
    agencyId: stored.agencyId,
    entityType: 'letter',
    entityId: id,
    action: 'issue',
    actor: actorOf(principal),
    data: { applicationId: stored.id, kind, number },
  });
}
