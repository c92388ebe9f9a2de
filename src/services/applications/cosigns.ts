import type { Principal } from '../../domain/access/principal.ts';
import { actorOf, hasRole, staffIdOfActor } from '../../domain/access/principal.ts';
import { isClosed } from '../../domain/application/index.ts';
import type { Cosign, CosignStatus } from '../../domain/cosign/index.ts';
import {
  answerCosign,
  COSIGN_RULE,
  COSIGN_STATUS_LABEL,
  cosignStatus,
  departmentsOf,
  isOpenCosign,
  planCosigns,
  withdrawalReason,
} from '../../domain/cosign/index.ts';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import { findAgency } from '../../persistence/repositories/agency.repository.ts';
import { findApplication } from '../../persistence/repositories/application.repository.ts';
import {
  cosignsOf,
  findCosign,
  insertCosign,
  recordCosignAnswer,
  recordCosignWithdrawal,
} from '../../persistence/repositories/cosign.repository.ts';
import { findUser, listUsers } from '../../persistence/repositories/user.repository.ts';
import { workingCalendar } from '../calendar.service.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso, todayInChina } from '../context.ts';

/** A 会签 as the console shows it: its derived status, and who opened, answered and entered it by name. */
export interface CosignView extends Cosign {
  status: CosignStatus;
  statusLabel: string;
  openedByName: string;
  recordedByName: string | null;
  /** who withdrew it (撤回会签), by name */
  withdrawnByName: string | null;
  /** whether the caller may answer it now (a member of the department, or the handler / head recording it) */
  mayAnswer: boolean;
  /** whether the caller may withdraw it now (who opened it, the case's handler or the head) */
  mayWithdraw: boolean;
}

export interface CosignList {
  /** 内部会签不中止答复期限 — said wherever 会签 are shown */
  rule: string;
  departments: string[];
  /** the caller's own department (科室), if any */
  myDepartment: string | null;
  /** whether the caller may open 会签 on this case */
  mayOpen: boolean;
  cosigns: CosignView[];
}

async function loadCase(ctx: ServiceContext, principal: Principal, id: number) {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const stored = await findApplication(ctx.database.db, id);
  if (!stored || stored.agencyId !== principal.agencyId) throw notFound('申请');
  return stored;
}

/** The case's handler, or the head (负责人) — or, while nobody is assigned, any handler: who runs the case. */
const runsCase = (principal: Principal, handlerId: number | null) =>
  principal.kind === 'staff' &&
  (hasRole(principal, 'head') ||
    (hasRole(principal, 'handler') && (handlerId === null || handlerId === principal.userId)));

/** 撤回会签: who opened the 会签, or whoever runs the case (its handler, the head). */
const mayWithdraw = (principal: Principal, handlerId: number | null, cosign: Cosign) =>
  principal.kind === 'staff' && (cosign.openedBy === actorOf(principal) || runsCase(principal, handlerId));

/** The agency's departments (科室) and the caller's own — for the 会签 dialog. Any staff member of the agency. */
export async function departments(ctx: ServiceContext, principal: Principal) {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const agency = await findAgency(ctx.database.db, principal.agencyId);
  const me = await findUser(ctx.database.db, principal.userId);
  const users = (await listUsers(ctx.database.db, principal.agencyId)).filter((u) => !u.disabled);
  return departmentsOf(agency?.settings ?? {}).map((name) => ({
    name,
    members: users.filter((u) => u.department === name).map((u) => u.displayName),
    mine: me?.department === name,
  }));
}

/** The 会签 of a case, oldest first, with what the caller may do. Any staff member of the agency may read them. */
export async function cosignsOfApplication(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
): Promise<CosignList> {
  const stored = await loadCase(ctx, principal, id);
  const db = ctx.database.db;
  const [agency, rows, users] = await Promise.all([
    findAgency(db, stored.agencyId),
    cosignsOf(db, id),
    listUsers(db, stored.agencyId),
  ]);
  const today = todayInChina(ctx);
  const me = principal.kind === 'staff' ? users.find((u) => u.id === principal.userId) : undefined;
  const name = (actor: string) => {
    const uid = staffIdOfActor(actor);
    return users.find((u) => u.id === uid)?.displayName ?? actor;
  };
  const open = !isClosed(stored.application.state);
  const runs = runsCase(principal, stored.handlerId);
  return {
    rule: COSIGN_RULE,
    departments: departmentsOf(agency?.settings ?? {}),
    myDepartment: me?.department ?? null,
    mayOpen: open && runs,
    cosigns: rows.map((c) => {
      const status = cosignStatus(c, today);
      return {
        ...c,
        status,
        statusLabel: COSIGN_STATUS_LABEL[status],
        openedByName: name(c.openedBy),
        recordedByName: c.answer ? name(c.answer.recordedBy) : null,
        withdrawnByName: c.withdrawal ? name(c.withdrawal.withdrawnBy) : null,
        mayAnswer: open && isOpenCosign(c) && (runs || (me?.department ?? null) === c.department),
        mayWithdraw: open && isOpenCosign(c) && mayWithdraw(principal, stored.handlerId, c),
      };
    }),
  };
}

/**
 * Opens 会签 of one or more departments on a case (issue 12 point 2): the case's handler or the head, while the
 * case is open; each due date computed on the working-day calendar and inside the reply period. Every 会签 is
 * stored and the opening audited in one transaction. The reply clock is not touched (COSIGN_RULE).
 */
export async function openCosigns(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
  input: { question?: unknown; departments?: unknown },
): Promise<CosignList> {
  const stored = await loadCase(ctx, principal, id);
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  if (!runsCase(principal, stored.handlerId)) throw forbidden('会签由本申请的承办人（或负责人）发起');
  if (isClosed(stored.application.state)) throw new AppError('invalid_state', '申请已办结，不能发起会签');
  const db = ctx.database.db;
  const agency = await findAgency(db, stored.agencyId);
  const today = todayInChina(ctx);
  const existing = await cosignsOf(db, id);
  const planned = planCosigns(
    { question: input.question, departments: input.departments },
    {
      today,
      calendar: await workingCalendar(ctx),
      departments: departmentsOf(agency?.settings ?? {}),
      replyDue: stored.application.deadlines.reply?.date ?? null,
      openDepartments: existing.filter(isOpenCosign).map((c) => c.department),
    },
  );
  const actor = actorOf(principal);
  await inTransaction(ctx, async (trx, record) => {
    const at = nowIso(ctx);
    const made: Cosign[] = [];
    for (const p of planned)
      made.push(
        await insertCosign(
          trx,
          {
            applicationId: id,
            agencyId: stored.agencyId,
            department: p.department,
            question: p.question,
            openedOn: today,
            openedBy: actor,
            dueOn: p.dueOn,
          },
          at,
        ),
      );
    await record({
      agencyId: stored.agencyId,
      entityType: 'application',
      entityId: id,
      action: 'open_cosign',
      actor,
      actorRole: principal.roles.join(','),
      data: {
        on: today,
        actorRoles: principal.roles,
        details: {
          question: planned[0]!.question,
          replyDue: stored.application.deadlines.reply?.date ?? null,
          cosigns: made.map((c, i) => ({
            id: c.id,
            department: c.department,
            dueOn: c.dueOn,
            workingDays: planned[i]!.workingDays,
            provisional: planned[i]!.provisional,
          })),
        },
      },
    });
  });
  return cosignsOfApplication(ctx, principal, id);
}

/**
 * Answers a 会签 (issue 12 point 2): a member of its department in their own name, or the case's handler / the
 * head recording the department's answer with the name of who gave it. Once; stored and audited together.
 */
export async function answerCosignOf(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
  cosignId: number,
  input: { opinion?: unknown; answererName?: unknown },
): Promise<CosignList> {
  const stored = await loadCase(ctx, principal, id);
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const db = ctx.database.db;
  const cosign = await findCosign(db, cosignId);
  if (!cosign || cosign.applicationId !== id) throw notFound('会签');
  if (isClosed(stored.application.state)) throw new AppError('invalid_state', '申请已办结，不能再答复会签');
  const me = await findUser(db, principal.userId);
  const today = todayInChina(ctx);
  const answer = answerCosign(
    cosign,
    input,
    {
      actor: actorOf(principal),
      name: me?.displayName ?? principal.name,
      department: me?.department ?? null,
      mayRecordForOthers: runsCase(principal, stored.handlerId),
    },
    today,
  );
  await inTransaction(ctx, async (trx, record) => {
    if (!(await recordCosignAnswer(trx, cosign.id, answer, nowIso(ctx))))
      throw new AppError(
        'conflict',
        `${cosign.department}的会签已由他人答复或已撤回，请刷新后查看`,
        'opinion',
      );
    await record({
      agencyId: stored.agencyId,
      entityType: 'application',
      entityId: id,
      action: 'answer_cosign',
      actor: answer.recordedBy,
      actorRole: principal.roles.join(','),
      data: {
        on: today,
        actorRoles: principal.roles,
        details: {
          cosignId: cosign.id,
          department: cosign.department,
          dueOn: cosign.dueOn,
          opinion: answer.opinion,
          answererName: answer.answererName,
          onBehalf: answer.onBehalf,
          late: today > cosign.dueOn,
        },
      },
    });
  });
  return cosignsOfApplication(ctx, principal, id);
}

/**
 * 撤回会签 (issue 12 point 2): who opened the 会签, the case's handler or the head withdraws an unanswered one
 * with a reason, while the case is open. It then counts as open nowhere — the department is no longer reminded,
 * the inbox no longer counts it, and it can be asked again. Stored and audited in one transaction.
 */
export async function withdrawCosignOf(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
  cosignId: number,
  input: { reason?: unknown },
): Promise<CosignList> {
  const stored = await loadCase(ctx, principal, id);
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const cosign = await findCosign(ctx.database.db, cosignId);
  if (!cosign || cosign.applicationId !== id) throw notFound('会签');
  if (!mayWithdraw(principal, stored.handlerId, cosign))
    throw forbidden('会签由发起人、本申请的承办人或负责人撤回');
  if (isClosed(stored.application.state)) throw new AppError('invalid_state', '申请已办结，不能撤回会签');
  const reason = withdrawalReason(cosign, input);
  const actor = actorOf(principal);
  await inTransaction(ctx, async (trx, record) => {
    const withdrawal = { withdrawnAt: nowIso(ctx), withdrawnBy: actor, reason };
    if (!(await recordCosignWithdrawal(trx, cosign.id, withdrawal)))
      throw new AppError(
        'conflict',
        `${cosign.department}的会签已答复或已撤回，不能撤回，请刷新后查看`,
        'reason',
      );
    await record({
      agencyId: stored.agencyId,
      entityType: 'application',
      entityId: id,
      action: 'withdraw_cosign',
      actor,
      actorRole: principal.roles.join(','),
      data: {
        on: todayInChina(ctx),
        actorRoles: principal.roles,
        details: {
          cosignId: cosign.id,
          department: cosign.department,
          dueOn: cosign.dueOn,
          openedBy: cosign.openedBy,
          reason,
        },
      },
    });
  });
  return cosignsOfApplication(ctx, principal, id);
}
