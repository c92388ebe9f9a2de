import type { Principal } from '../../domain/access/principal.ts';
import { actorOf, hasRole } from '../../domain/access/principal.ts';
import { CLOSED_STATES, dueStatusBounds, isClosed } from '../../domain/application/index.ts';
import { AppError, forbidden, notFound, validationError } from '../../domain/errors.ts';
import { findApplication } from '../../persistence/repositories/application.repository.ts';
import { assign, assignmentsOf, workloadOf } from '../../persistence/repositories/assignment.repository.ts';
import { findUser, listUsers } from '../../persistence/repositories/user.repository.ts';
import { workingCalendar } from '../calendar.service.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso, todayInChina } from '../context.ts';
import type { ApplicationView } from './views.ts';
import { getApplication } from './queries.ts';

/** The longest 转办 reason the system accepts. */
export const MAX_REASSIGN_REASON = 500;

/** A person who can be given applications: the agency's active 承办人. */
export interface Assignee {
  id: number;
  name: string;
}

/** The agency's active handlers (承办人), for the 分办 list. Any staff member of the agency may see it. */
export async function assignees(ctx: ServiceContext, principal: Principal): Promise<Assignee[]> {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const users = await listUsers(ctx.database.db, principal.agencyId);
  return users
    .filter((u) => !u.disabled && u.roles.includes('handler'))
    .map((u) => ({ id: u.id, name: u.displayName }));
}

/**
 * 分办 / 转办 (issue 12 point 1): the registrar (登记) or the head (负责人) gives an open application to a handler
 * of the agency; giving it to another handler once it has one is a 转办 and needs a reason. The assignment is
 * stored with who made it, and audited, in one transaction; two people assigning at once cannot both win.
 */
export async function assignApplication(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
  input: { assigneeId: unknown; reason?: unknown },
): Promise<ApplicationView> {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  if (!hasRole(principal, 'registrar', 'head')) throw forbidden('分办、转办须由登记人员或负责人办理');
  const db = ctx.database.db;
  const stored = await findApplication(db, id);
  if (!stored || stored.agencyId !== principal.agencyId) throw notFound('申请');
  if (isClosed(stored.application.state)) throw new AppError('invalid_state', '申请已办结，不能分办或转办');
  if (typeof input.assigneeId !== 'number' || !Number.isInteger(input.assigneeId))
    throw validationError('assigneeId', '请选择承办人');
  const assignee = await findUser(db, input.assigneeId);
  if (!assignee || assignee.agencyId !== principal.agencyId || assignee.disabled)
    throw validationError('assigneeId', '承办人应为本机关在职的工作人员');
  if (!assignee.roles.includes('handler'))
    throw validationError('assigneeId', `${assignee.displayName}没有承办人角色，不能承办申请`);
  const previous = stored.handlerId;
  if (previous === assignee.id) throw validationError('assigneeId', `本申请已由${assignee.displayName}承办`);
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (input.reason != null && typeof input.reason !== 'string')
    throw validationError('reason', '转办理由应为文字');
  if (previous !== null && reason === '') throw validationError('reason', '转办须写明理由');
  if (reason.length > MAX_REASSIGN_REASON)
    throw validationError('reason', `转办理由不能超过 ${MAX_REASSIGN_REASON} 字（现有 ${reason.length} 字）`);
  const actor = actorOf(principal);
  await inTransaction(ctx, async (trx, record) => {
    const at = nowIso(ctx);
    const ok = await assign(
      trx,
      {
        application_id: id,
        agency_id: stored.agencyId,
        assignee_id: assignee.id,
        previous_id: previous,
        reason: reason || null,
        assigned_at: at,
        assigned_by: actor,
      },
      at,
    );
    if (!ok) throw new AppError('conflict', '该申请的承办人已被他人更改，请刷新后再操作', 'assigneeId');
    await record({
      agencyId: stored.agencyId,
      entityType: 'application',
      entityId: id,
      action: previous === null ? 'assign' : 'reassign',
      actor,
      actorRole: principal.roles.join(','),
      data: {
        assigneeId: assignee.id,
        assigneeName: assignee.displayName,
        previousId: previous,
        reason: reason || null,
      },
    });
  });
  return getApplication(ctx, principal, id);
}

/** The assignments of an application, with names (the 分办 / 转办 history on its page). */
export async function assignmentHistory(ctx: ServiceContext, principal: Principal, id: number) {
  const view = await getApplication(ctx, principal, id);
  const rows = await assignmentsOf(ctx.database.db, view.id);
  const users = await listUsers(ctx.database.db, view.agencyId);
  const name = (userId: number | null) =>
    userId === null ? null : (users.find((u) => u.id === userId)?.displayName ?? `工作人员 ${userId}`);
  const byActor = (actor: string) => {
    const m = /^user:(\d+)$/.exec(actor);
    return m ? (name(Number(m[1])) ?? actor) : actor;
  };
  return rows.map((r) => ({
    assignee: name(r.assignee_id)!,
    previous: name(r.previous_id),
    reason: r.reason,
    at: r.assigned_at,
    by: byActor(r.assigned_by),
  }));
}

/**
 * Each handler's load (issue 12 point 1): open applications, overdue and due soon, with the unassigned ones
 * apart. The head (负责人) and the registrar see it; a handler sees only their own line.
 */
export async function workload(ctx: ServiceContext, principal: Principal) {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const calendar = await workingCalendar(ctx);
  const bounds = dueStatusBounds(todayInChina(ctx), calendar);
  const rows = await workloadOf(ctx.database.db, principal.agencyId, CLOSED_STATES, bounds);
  const people = await assignees(ctx, principal);
  const all = hasRole(principal, 'head', 'registrar');
  const lines = people
    .filter((p) => all || p.id === principal.userId)
    .map((p) => {
      const r = rows.find((x) => x.handlerId === p.id);
      return {
        handlerId: p.id,
        name: p.name,
        open: r?.open ?? 0,
        overdue: r?.overdue ?? 0,
        dueSoon: r?.dueSoon ?? 0,
      };
    });
  const none = rows.find((x) => x.handlerId === null);
  return {
    handlers: lines,
    unassigned: all
      ? { open: none?.open ?? 0, overdue: none?.overdue ?? 0, dueSoon: none?.dueSoon ?? 0 }
      : null,
  };
}
