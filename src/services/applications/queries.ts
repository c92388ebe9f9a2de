import type { Principal } from '../../domain/access/principal.ts';
import { actorOf, isStaffOf, staffIdOfActor } from '../../domain/access/principal.ts';
import type { ApplicantType, ApplicationState, DueStatus } from '../../domain/application/index.ts';
import {
  clockPausedOn,
  CLOSED_STATES,
  dueStatusBounds,
  isClosed,
  PERIOD_LETTERS,
  STATE_LABEL,
} from '../../domain/application/index.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import { openCosignCounts } from '../../persistence/repositories/cosign.repository.ts';
import { eventsOf } from '../../persistence/repositories/event.repository.ts';
import { lettersOf } from '../../persistence/repositories/letter.repository.ts';
import type { StoredApplication } from '../../persistence/repositories/application.repository.ts';
import {
  dueDateChangesOf,
  findApplication,
  toStored,
} from '../../persistence/repositories/application.repository.ts';
import { workingCalendar } from '../calendar.service.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, todayInChina } from '../context.ts';
import type { ApplicationView } from './views.ts';
import { actorsNamedIn, applicationView } from './views.ts';
import { applicantName } from './applicant-input.ts';

async function loadVisible(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
): Promise<StoredApplication> {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const stored = await findApplication(ctx.database.db, id);
  // the agency's own staff only: a supervisor above sees statistics and reports, not individual applications
  // (the same answer as for an id that does not exist, so counting through ids learns nothing)
  if (!stored || !isStaffOf(principal, stored.agencyId)) throw notFound('申请');
  return stored;
}

/** The names of the staff an application's record names, by actor id (for the sign-off trail). */
export async function peopleOf(
  ctx: ServiceContext,
  stored: StoredApplication,
): Promise<Record<string, string>> {
  const actors = actorsNamedIn(stored);
  const ids = actors.map(staffIdOfActor).filter((n): n is number => n !== null);
  const users =
    ids.length > 0
      ? await ctx.database.db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('id', 'in', ids)
          .execute()
      : [];
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  return Object.fromEntries(actors.map((a) => [a, actorName(a, names)]));
}

export async function getApplication(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
): Promise<ApplicationView> {
  const stored = await loadVisible(ctx, principal, id);
  return applicationView(stored, {
    cipher: ctx.cipher,
    calendar: await workingCalendar(ctx),
    today: todayInChina(ctx),
    principal,
    people: await peopleOf(ctx, stored),
  });
}

/**
 * The applicant's personal data in full, for the staff of the agency handling it (e.g. to post the reply).
 * Every reveal is audited.
 */
export async function revealApplicant(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
): Promise<ApplicationView> {
  const stored = await loadVisible(ctx, principal, id);
  if (principal.kind !== 'staff' || principal.agencyId !== stored.agencyId)
    throw forbidden('只有承办机关的工作人员可以查看完整的个人信息');
  await inTransaction(ctx, (_trx, record) =>
    record({
      agencyId: stored.agencyId,
      entityType: 'application',
      entityId: id,
      action: 'reveal_personal_data',
      actor: actorOf(principal),
    }),
  );
  return applicationView(stored, {
    cipher: ctx.cipher,
    calendar: await workingCalendar(ctx),
    today: todayInChina(ctx),
    principal,
    reveal: true,
  });
}

/** Who did it, in words: the staff member's display name, 申请人, or 系统 (the portal, schedule updates …). */
export function actorName(actor: string, staffNames: ReadonlyMap<number, string>): string {
  const staffId = staffIdOfActor(actor);
  if (staffId !== null) return staffNames.get(staffId) ?? `工作人员（${actor}）`;
  if (actor.startsWith('applicant:') || actor === 'anonymous') return '申请人';
  if (actor === 'system' || actor.startsWith('system:')) return '系统';
  return actor;
}

/** The application's history: events (with who acted, by name), due-date changes with reasons, letters. */
export async function applicationTimeline(ctx: ServiceContext, principal: Principal, id: number) {
  const stored = await loadVisible(ctx, principal, id);
  const db = ctx.database.db;
  const [events, changes, letters] = await Promise.all([
    eventsOf(db, 'application', id),
    dueDateChangesOf(db, id),
    lettersOf(db, stored.id),
  ]);
  const userIds = [...new Set(events.map((e) => staffIdOfActor(e.actor)).filter((id) => id !== null))];
  const users =
    userIds.length > 0
      ? await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()
      : [];
  const staffNames = new Map(users.map((u) => [u.id, u.display_name]));
  return {
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      actor: e.actor,
      actorName: actorName(e.actor, staffNames),
      at: e.at,
      data: e.data,
    })),
    dueDateChanges: changes.map((c) => ({
      kind: c.kind,
      from: c.from_date,
      to: c.to_date,
      reason: c.reason,
      article: c.article,
      on: c.on_date,
    })),
    letters: letters.map((l) => ({
      id: l.id,
      kind: l.kind,
      number: l.number,
      createdAt: l.created_at,
      createdBy: l.created_by,
      letterIndex: l.letter_index,
      /** 送达: null while 待送达 (or for a letter issued before service records existed) */
      service: l.letter_index === null ? null : (stored.application.letters[l.letter_index]?.service ?? null),
    })),
  };
}

export interface InboxFilter {
  states?: ApplicationState[];
  open?: boolean;
  due?: DueStatus;
  applicantType?: ApplicantType;
  year?: number;
  q?: string;
  /** 承办人: a staff member's id, or 'none' for the applications not yet assigned (分办, issue 12 point 1) */
  assignee?: number | 'none';
  /** 我的待办: the caller's own open applications */
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

export interface InboxRow {
  id: number;
  trackingCode: string;
  state: ApplicationState;
  stateLabel: string;
  applicantType: ApplicantType;
  applicantName: string;
  channel: string;
  receivedOn: string;
  replyDue: string | null;
  dueStatus: DueStatus | null;
  /**
   * working days from today to the reply due date, in (today, due] — negative when overdue (as dueStatus); null
   * while no reply clock runs: closed, awaiting a 补正 (the period restarts on its receipt), or paused (an open
   * consultation, an unpaid fee notice that pauses the clock)
   */
  workingDaysLeft: number | null;
  provisional: boolean;
  outcome: string | null;
  closedOn: string | null;
  summary: string;
  /** the open consultation's answer date, and whether it has passed (the agency then decides, Art. 32) */
  consultationDue: string | null;
  consultationOverdue: boolean;
  /** a 补正, fee or Art. 35 letter awaits service (待送达): its period has not started */
  servicePending: boolean;
  /** 承办人 (null: not yet assigned) */
  handlerId: number | null;
  handlerName: string | null;
  /** 内部会签 not yet answered, and how many of them are past their due date (issue 12 point 2) */
  cosignsOpen: number;
  cosignsOverdue: number;
}

/**
 * The inbox of one agency: filters, search, due status from dates. "Due soon" and "overdue" use the same
 * bounds as the domain's dueStatus (dueStatusBounds), compared with the stored reply due date in SQL.
 */
export async function inbox(
  ctx: ServiceContext,
  principal: Principal,
  filter: InboxFilter = {},
): Promise<{ rows: InboxRow[]; total: number; page: number; pageSize: number }> {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const calendar = await workingCalendar(ctx);
  const today = todayInChina(ctx);
  const bounds = dueStatusBounds(today, calendar);
  const pageSize = Math.min(Math.max(filter.pageSize ?? 20, 1), 200);
  const page = Math.max(filter.page ?? 1, 1);
  let query = ctx.database.db.selectFrom('applications').where('agency_id', '=', principal.agencyId);
  if (filter.states?.length) query = query.where('state', 'in', filter.states);
  if (filter.open) query = query.where('state', 'not in', [...CLOSED_STATES]);
  if (filter.applicantType) query = query.where('applicant_type', '=', filter.applicantType);
  if (filter.mine)
    query = query.where('handler_id', '=', principal.userId).where('state', 'not in', [...CLOSED_STATES]);
  if (filter.assignee === 'none') query = query.where('handler_id', 'is', null);
  else if (typeof filter.assignee === 'number') query = query.where('handler_id', '=', filter.assignee);
  if (filter.year)
    query = query
      .where('received_on', '>=', `${filter.year}-01-01`)
      .where('received_on', '<=', `${filter.year}-12-31`);
  if (filter.due) {
    query = query.where('state', 'not in', [...CLOSED_STATES]).where('reply_due', 'is not', null);
    if (filter.due === 'overdue') query = query.where('reply_due', '<', bounds.overdueBefore);
    else if (filter.due === 'due_soon')
      query = query
        .where('reply_due', '>=', bounds.overdueBefore)
        .where('reply_due', '<', bounds.dueSoonBefore);
    else query = query.where('reply_due', '>=', bounds.dueSoonBefore);
  }
  const q = filter.q?.trim();
  if (q) {
    const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    // the name is encrypted: found by its whole value through the blind index (as ID numbers and phones are);
    // the request text by any part of it
    query = query.where((eb) =>
      eb.or([
        eb('tracking_code', '=', q.toUpperCase()),
        eb('applicant_name_idx', '=', ctx.cipher.blindIndex(q)),
        eb('summary', 'like', like),
      ]),
    );
  }
  const totalRow = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await query
    .selectAll()
    .orderBy((eb) => eb.case().when('reply_due', 'is', null).then(1).else(0).end())
    .orderBy('reply_due')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const handlerIds = [...new Set(rows.map((r) => r.handler_id).filter((h): h is number => h !== null))];
  const handlers =
    handlerIds.length > 0
      ? await ctx.database.db
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where('id', 'in', handlerIds)
          .execute()
      : [];
  const handlerNames = new Map(handlers.map((u) => [u.id, u.display_name]));
  const cosigns = await openCosignCounts(
    ctx.database.db,
    rows.map((r) => r.id),
    today,
  );
  return {
    total: Number(totalRow?.n ?? 0),
    page,
    pageSize,
    rows: rows.map(toStored).map((s): InboxRow => {
      const a = s.application;
      const due = a.deadlines.reply?.date ?? null;
      const status: DueStatus | null =
        due === null || isClosed(a.state)
          ? null
          : due < bounds.overdueBefore
            ? 'overdue'
            : due < bounds.dueSoonBefore
              ? 'due_soon'
              : 'on_track';
      const running = due !== null && status !== null && !clockPausedOn(a.deadlines, today);
      const consultationDue = a.state === 'consulting' ? (a.deadlines.consultation?.date ?? null) : null;
      const left = running ? calendar.workingDaysBetween(today, due).days : null;
      return {
        id: s.id,
        trackingCode: s.trackingCode,
        state: a.state,
        stateLabel: STATE_LABEL[a.state],
        applicantType: a.applicantType,
        applicantName: applicantName(ctx.cipher, s.applicant.nameEnc, s.applicant.nameIdx),
        channel: a.receipt.channel,
        receivedOn: a.receivedOn,
        replyDue: due,
        dueStatus: status,
        workingDaysLeft: left,
        provisional: a.deadlines.reply?.provisional ?? false,
        outcome: a.outcome,
        closedOn: a.closedOn,
        summary: a.items.map((i) => i.description).join('；'),
        consultationDue,
        consultationOverdue: consultationDue !== null && consultationDue < today,
        servicePending: a.letters.some((l) => l.service === null && PERIOD_LETTERS.includes(l.kind)),
        handlerId: s.handlerId,
        handlerName: s.handlerId === null ? null : (handlerNames.get(s.handlerId) ?? null),
        cosignsOpen: cosigns.get(s.id)?.open ?? 0,
        cosignsOverdue: cosigns.get(s.id)?.overdue ?? 0,
      };
    }),
  };
}

export { lookupByTrackingCode } from './applicant-portal.ts';
