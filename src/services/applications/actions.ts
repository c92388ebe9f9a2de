import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import type { Action } from '../../domain/application/index.ts';
import { applyAction } from '../../domain/application/index.ts';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import {
  findApplication,
  insertDueDateChanges,
  updateApplication,
} from '../../persistence/repositories/application.repository.ts';
import { workingCalendar } from '../calendar.service.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso, todayInChina } from '../context.ts';
import type { ApplicationView } from './views.ts';
import { applicationView } from './views.ts';
import { clockPolicy } from './policy.ts';
import type { LetterExtras } from './letters.ts';
import { issueLettersFor } from './letters.ts';

/**
 * Staff take an action on an application of their own agency: the domain decides (state, role, preconditions,
 * data); the new value, its event, the due-date changes and any letter the action sends are written in one
 * transaction, guarded by the row version so two people cannot both act on the same state.
 */
export async function act(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
  action: Action,
  expectedVersion?: number,
  letter: LetterExtras = {},
): Promise<ApplicationView> {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const db = ctx.database.db;
  const stored = await findApplication(db, id);
  if (!stored || stored.agencyId !== principal.agencyId) throw notFound('申请');
  if (expectedVersion !== undefined && expectedVersion !== stored.version)
    throw new AppError('conflict', '该申请已被他人办理或修改，请刷新后再操作', 'version');
  const calendar = await workingCalendar(ctx);
  const today = todayInChina(ctx);
  const actor = { id: actorOf(principal), roles: principal.roles };
  const result = applyAction(stored.application, action, {
    today,
    calendar,
    actor,
    policy: await clockPolicy(ctx, stored.agencyId),
  });
  if (!result.ok) throw result.error;
  const saved = await inTransaction(ctx, async (trx, record) => {
    const handlerId = stored.handlerId ?? (principal.roles.includes('handler') ? principal.userId : null);
    const ok = await updateApplication(trx, id, stored.version, result.application, nowIso(ctx), {
      handlerId,
    });
    if (!ok) throw new AppError('conflict', '该申请已被他人办理或修改，请刷新后再操作', 'version');
    const event = await record({
      agencyId: stored.agencyId,
      entityType: 'application',
      entityId: id,
      action: action.type,
      actor: actor.id,
      actorRole: principal.roles.join(','),
      data: result.event,
    });
    await insertDueDateChanges(trx, id, event.id, result.event.dueDateChanges);
    const next = (await findApplication(trx, id))!;
    await issueLettersFor(ctx, trx, record, next, action, principal, letter);
    return next;
  });
  return applicationView(saved, { cipher: ctx.cipher, calendar, today, principal });
}
