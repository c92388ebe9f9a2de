import type { Principal } from '../../domain/access/principal.ts';
import type { ServiceInput } from '../../domain/application/index.ts';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import { findLetter } from '../../persistence/repositories/letter.repository.ts';
import type { ServiceContext } from '../context.ts';
import { act } from './actions.ts';
import type { ApplicationView } from './views.ts';

/**
 * 登记送达: staff record how and when a letter reached its addressee (当面 with the signed 送达回证, 邮寄 with the
 * tracking number, 电子邮件, 短信) — the periods it starts run from that day. One action of the state machine
 * (record_service), so it is checked, dated and audited like every other.
 */
export async function recordLetterService(
  ctx: ServiceContext,
  principal: Principal,
  applicationId: number,
  letterId: number,
  service: ServiceInput,
  expectedVersion?: number,
): Promise<ApplicationView> {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const row = await findLetter(ctx.database.db, applicationId, letterId);
  if (!row) throw notFound('文书');
  if (row.letter_index === null)
    throw new AppError('invalid_state', '该文书发出于送达登记功能启用之前，无法登记送达', 'letterId');
  return act(
    ctx,
    principal,
    applicationId,
    { type: 'record_service', letter: row.letter_index, service },
    expectedVersion,
  );
}
