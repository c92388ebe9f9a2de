import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import type { Action, Actor } from '../../domain/application/index.ts';
import { applyAction } from '../../domain/application/index.ts';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import type { StoredApplication } from '../../persistence/repositories/application.repository.ts';
import {
  findApplication,
  insertDueDateChanges,
  updateApplicantAddress,
  updateApplication,
} from '../../persistence/repositories/application.repository.ts';
import { workingCalendar } from '../calendar.service.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso, todayInChina } from '../context.ts';
import type { ApplicationView } from './views.ts';
import { applicationView } from './views.ts';
import { clockPolicy } from './policy.ts';
import { peopleOf } from './queries.ts';
import type { LetterExtras } from './letters.ts';
import { issueLettersFor } from './letters.ts';

/** What an action may change outside the domain value: the applicant's new address (a 补正, encrypted). */
export interface ApplicantChanges {
  address?: string | null;
}

const CONFLICT = () => new AppError('conflict', '该申请已被他人办理或修改，请刷新后再操作', 'version');

/**
 * Applies an action for an actor — staff, the portal on the applicant's behalf, or the system recording an
 * electronic service — and writes the new value, its event, the due-date changes, any letter the action sends
 * and any change to the applicant's address in one transaction, guarded by the row version.
 */
export async function applyAndStore(
  ctx: ServiceContext,
  stored: StoredApplication,
  actor: Actor & { role: string | null; userId: number | null; principal: Principal | null },
  action: Action,
  options: { letter?: LetterExtras; applicant?: ApplicantChanges } = {},
): Promise<StoredApplication> {
  const calendar = await workingCalendar(ctx);
  const result = applyAction(stored.application, action, {
    today: todayInChina(ctx),
    calendar,
    actor,
    policy: await clockPolicy(ctx, stored.agencyId),
  });
  if (!result.ok) throw result.error;
  const address = options.applicant?.address?.trim();
  if (address !== undefined && address.length > 200)
    throw new AppError('validation', '通信地址不能超过 200 个字', 'applicant.address');
  return inTransaction(ctx, async (trx, record) => {
    const handlerId = stored.handlerId ?? (actor.roles.includes('handler') ? actor.userId : null);
    const ok = await updateApplication(trx, stored.id, stored.version, result.application, nowIso(ctx), {
      handlerId,
    });
    if (!ok) throw CONFLICT();
    if (address) await updateApplicantAddress(trx, stored.id, ctx.cipher.encryptOptional(address));
    const event = await record({
      agencyId: stored.agencyId,
      entityType: 'application',
      entityId: stored.id,
      action: action.type,
      actor: actor.id,
      actorRole: actor.role,
      data: { ...result.event, ...(address ? { applicantChanged: ['address'] } : {}) },
    });
    await insertDueDateChanges(trx, stored.id, event.id, result.event.dueDateChanges);
    const next = (await findApplication(trx, stored.id))!;
    await issueLettersFor(ctx, trx, record, next, action, actor.id, options.letter);
    return next;
  });
}

/**
 * Staff take an action on an application of their own agency: the domain decides (state, role, preconditions,
 * data); two people cannot both act on the same state (the version they saw is checked).
 */
export async function act(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
  action: Action,
  expectedVersion?: number,
  letter: LetterExtras = {},
  applicant: ApplicantChanges = {},
): Promise<ApplicationView> {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const stored = await findApplication(ctx.database.db, id);
  if (!stored || stored.agencyId !== principal.agencyId) throw notFound('申请');
  if (expectedVersion !== undefined && expectedVersion !== stored.version) throw CONFLICT();
  const saved = await applyAndStore(
    ctx,
    stored,
    {
      id: actorOf(principal),
      roles: principal.roles,
      role: principal.roles.join(','),
      userId: principal.userId,
      principal,
    },
    action,
    { letter, applicant },
  );
  return applicationView(saved, {
    cipher: ctx.cipher,
    calendar: await workingCalendar(ctx),
    today: todayInChina(ctx),
    principal,
    people: await peopleOf(ctx, saved),
  });
}
