import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import type { AppealInput, AppealKind } from '../../domain/appeals/index.ts';
import { checkAppealInput } from '../../domain/appeals/index.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Transaction } from 'kysely';
import type {
  AppealFilter,
  StoredAppealCase,
} from '../../persistence/repositories/appeal-case.repository.ts';
import {
  appealCasesOf,
  deleteAppealCase,
  findAppealCase,
  findAppealCaseByNumber,
  insertAppealCase,
  linkedApplications,
  updateAppealCase,
} from '../../persistence/repositories/appeal-case.repository.ts';
import type { StoredEvent } from '../../persistence/repositories/event.repository.ts';
import { eventsOf } from '../../persistence/repositories/event.repository.ts';
import type { Schema } from '../../persistence/schema.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso, todayInChina } from '../context.ts';
import { requireEditor, requireReader } from './access.ts';
import type { AppealView } from './views.ts';
import { appealView } from './views.ts';

/**
 * 行政复议 / 行政诉讼 case records: recorded, corrected and decided by the agency's staff, read by them and by
 * supervisors above; every change is an event written with it. Table 四 is counted from them (table4.ts).
 */
export const ENTITY = 'appeal_case';

function normalise(input: AppealInput): AppealInput {
  const text = (s: string | null | undefined) => (typeof s === 'string' ? s.trim() : s);
  return {
    applicationId: input.applicationId ?? null,
    kind: input.kind,
    body: text(input.body) as string,
    caseNumber: text(input.caseNumber) as string,
    filedOn: input.filedOn,
    decidedOn: input.decidedOn ?? null,
    result: input.result ?? null,
    note: text(input.note) || null,
  };
}

async function checked(
  ctx: ServiceContext,
  trx: Transaction<Schema>,
  agencyId: number,
  raw: AppealInput,
  exceptId: number | null,
): Promise<AppealInput> {
  const input = normalise(raw);
  const problems = checkAppealInput(input, todayInChina(ctx));
  if (problems.length > 0)
    throw new AppError('validation', problems.map((p) => p.message).join('；'), problems[0]!.field, problems);
  if (input.applicationId !== null) {
    const linked = (await linkedApplications(trx, [input.applicationId])).get(input.applicationId);
    if (!linked || linked.agencyId !== agencyId)
      throw new AppError('validation', '关联的申请不存在或不属于本机关', 'applicationId');
  }
  const same = await findAppealCaseByNumber(trx, agencyId, input.caseNumber);
  if (same && same.id !== exceptId)
    throw new AppError('conflict', `案号“${input.caseNumber}”已登记（第 ${same.id} 号记录）`, 'caseNumber');
  return input;
}

async function view(ctx: ServiceContext, c: StoredAppealCase): Promise<AppealView> {
  const codes = await linkedApplications(ctx.database.db, c.applicationId ? [c.applicationId] : []);
  return appealView(c, c.applicationId ? (codes.get(c.applicationId)?.trackingCode ?? null) : null);
}

/** Records a new case against the actor's agency. */
export async function recordAppeal(
  ctx: ServiceContext,
  actor: Principal,
  input: AppealInput,
): Promise<AppealView> {
  if (actor.kind !== 'staff') throw new AppError('unauthenticated', '请先登录');
  const staff = requireEditor(actor, actor.agencyId);
  const saved = await inTransaction(ctx, async (trx, record) => {
    const valid = await checked(ctx, trx, staff.agencyId, input, null);
    const c = await insertAppealCase(trx, staff.agencyId, valid, nowIso(ctx));
    await record({
      agencyId: staff.agencyId,
      entityType: ENTITY,
      entityId: c.id,
      action: 'record',
      actor: actorOf(actor),
      actorRole: staff.roles.join(','),
      data: { after: valid },
    });
    return c;
  });
  return view(ctx, saved);
}

async function loadOwn(ctx: ServiceContext, actor: Principal, id: number): Promise<StoredAppealCase> {
  const c = await findAppealCase(ctx.database.db, id);
  if (!c || actor.kind !== 'staff' || actor.agencyId !== c.agencyId) throw notFound('案件');
  requireEditor(actor, c.agencyId);
  return c;
}

const conflict = () => new AppError('conflict', '该案件已被他人修改，请刷新后再操作', 'version');

/**
 * Changes a case (the whole record: corrections, the decision when it comes). The event says which kind of
 * change it was: `decide` when it becomes decided, `reopen` when a decision is taken back, `update` otherwise.
 */
export async function updateAppeal(
  ctx: ServiceContext,
  actor: Principal,
  id: number,
  input: AppealInput,
  expectedVersion?: number,
): Promise<AppealView> {
  const before = await loadOwn(ctx, actor, id);
  if (expectedVersion !== undefined && expectedVersion !== before.version) throw conflict();
  const saved = await inTransaction(ctx, async (trx, record) => {
    const valid = await checked(ctx, trx, before.agencyId, input, id);
    if (!(await updateAppealCase(trx, id, before.version, valid, nowIso(ctx)))) throw conflict();
    const action =
      before.result === null && valid.result !== null
        ? 'decide'
        : before.result !== null && valid.result === null
          ? 'reopen'
          : 'update';
    const { id: _i, agencyId: _a, version: _v, createdAt: _c, updatedAt: _u, ...was } = before;
    await record({
      agencyId: before.agencyId,
      entityType: ENTITY,
      entityId: id,
      action,
      actor: actorOf(actor),
      actorRole: actor.kind === 'staff' ? actor.roles.join(',') : null,
      data: { before: was, after: valid },
    });
    return (await findAppealCase(trx, id))!;
  });
  return view(ctx, saved);
}

/** Removes a case recorded in error, with the reason; the event keeps what it was. */
export async function deleteAppeal(
  ctx: ServiceContext,
  actor: Principal,
  id: number,
  reason: string,
  expectedVersion?: number,
): Promise<void> {
  const before = await loadOwn(ctx, actor, id);
  if (!reason?.trim()) throw new AppError('validation', '删除案件记录须写明理由', 'reason');
  if (expectedVersion !== undefined && expectedVersion !== before.version) throw conflict();
  await inTransaction(ctx, async (trx, record) => {
    if (!(await deleteAppealCase(trx, id, before.version))) throw conflict();
    await record({
      agencyId: before.agencyId,
      entityType: ENTITY,
      entityId: id,
      action: 'delete',
      actor: actorOf(actor),
      data: { before, reason: reason.trim() },
    });
  });
}

/** One case with its history (events). */
export async function getAppeal(
  ctx: ServiceContext,
  actor: Principal,
  id: number,
): Promise<{ appeal: AppealView; events: StoredEvent[] }> {
  const c = await findAppealCase(ctx.database.db, id);
  if (!c || actor.kind !== 'staff') throw notFound('案件');
  await requireReader(ctx, actor, c.agencyId).catch(() => {
    throw notFound('案件');
  });
  return { appeal: await view(ctx, c), events: await eventsOf(ctx.database.db, ENTITY, id) };
}

export interface AppealQuery {
  year?: number;
  kind?: AppealKind;
  pending?: boolean;
  applicationId?: number;
}

/** An agency's cases, oldest filing first (a year: the cases counted in that year's table 四). */
export async function listAppeals(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  query: AppealQuery = {},
): Promise<AppealView[]> {
  await requireReader(ctx, actor, agencyId);
  const filter: AppealFilter = { ...query };
  const cases = await appealCasesOf(ctx.database.db, [agencyId], filter);
  const codes = await linkedApplications(
    ctx.database.db,
    cases.flatMap((c) => (c.applicationId ? [c.applicationId] : [])),
  );
  return cases.map((c) =>
    appealView(c, c.applicationId ? (codes.get(c.applicationId)?.trackingCode ?? null) : null),
  );
}
