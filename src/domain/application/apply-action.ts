import type { LocalDate } from '../calendar/local-date.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { Action, ActionOf, ActionType } from './actions.ts';
import { ACTION_LABEL, checkActionInput } from './actions.ts';
import type { Application } from './application.ts';
import { deriveDeadlines } from './deadlines.ts';
import type { DueDateReason } from './due-date-changes.ts';
import { dueDateChanges } from './due-date-changes.ts';
import type { Actor, ApplicationEvent } from './event.ts';
import { describeRoles, lastActivityOn, warningsFor } from './action-checks.ts';
import { STATE_LABEL } from './states.ts';
import { TransitionError } from './transition-error.ts';
import { GUARDS, TRANSITIONS } from './transitions.ts';

/** Settings of the clock that the sources leave open (STATUTE.md §3). */
export interface ClockPolicy {
  /** whether an unpaid fee notice pauses the reply clock (default: yes) */
  feePausesReplyClock: boolean;
}
export const DEFAULT_CLOCK_POLICY: ClockPolicy = { feePausesReplyClock: true };

export interface ActionContext {
  /** the day the action is taken (Beijing date) */
  today: LocalDate;
  calendar: WorkingCalendar;
  actor: Actor;
  policy?: Partial<ClockPolicy>;
}

export type ActionResult =
  { ok: true; application: Application; event: ApplicationEvent } | { ok: false; error: TransitionError };

type Effect<T extends ActionType> = (
  a: Application,
  action: ActionOf<T>,
  ctx: ActionContext,
) => Partial<Application>;

/** What each action records. States come from the transition table, deadlines are derived afterwards. */
const EFFECTS: { [T in ActionType]: Effect<T> } = {
  accept: () => ({}),
  request_correction: (_, action, { today }) => ({
    correction: {
      requestedOn: today,
      points: action.points.map((p) => p.trim()),
      periodDays: action.periodDays,
      receivedOn: null,
    },
  }),
  receive_correction: (a, action) => ({ correction: { ...a.correction!, receivedOn: action.receivedOn } }),
  deem_abandoned_no_correction: (_, __, { today }) => ({ outcome: 'other_no_correction', closedOn: today }),
  start_consultation: (a, action, { today }) => ({
    consultations: [
      ...a.consultations,
      { kind: action.kind, party: action.party.trim(), sentOn: today, endedOn: null },
    ],
  }),
  end_consultation: (a, _, { today }) => ({
    consultations: a.consultations.map((c) => (c.endedOn === null ? { ...c, endedOn: today } : c)),
  }),
  extend: (_, action, { today, actor }) => ({
    extension: { days: action.days, reason: action.reason.trim(), approvedOn: today, approvedBy: actor.id },
  }),
  issue_fee_notice: (_, action, { today, policy }) => ({
    fee: {
      assessment: action.assessment,
      servedOn: today,
      paidOn: null,
      pausesClock: policy?.feePausesReplyClock ?? DEFAULT_CLOCK_POLICY.feePausesReplyClock,
    },
  }),
  record_payment: (a, _, { today }) => ({ fee: { ...a.fee!, paidOn: today } }),
  deem_abandoned_no_fee: (_, __, { today }) => ({ outcome: 'other_no_fee', closedOn: today }),
  submit_decision: (_, { decision }, { today, actor }) => ({
    decision: {
      outcome: decision.outcome,
      replyType: decision.replyType,
      exemption: decision.exemption?.trim() || null,
      reasons: decision.reasons?.trim() || null,
      responsibleAgency: decision.responsibleAgency?.trim() || null,
      draftedBy: actor.id,
      draftedOn: today,
      approvedBy: null,
      approvedOn: null,
    },
  }),
  return_decision: () => ({}),
  approve_decision: (a, _, { today, actor }) => ({
    decision: { ...a.decision!, approvedBy: actor.id, approvedOn: today },
  }),
  send_reply: (a, _, { today }) => ({ outcome: a.decision!.outcome, closedOn: today }),
  withdraw: (_, __, { today }) => ({ outcome: 'other_other', closedOn: today }),
  archive: (_, __, { today }) => ({ archivedOn: today }),
};

/** The reason recorded on the due-date changes an action causes (null: the action changes no due date). */
const DUE_REASON: Record<ActionType, DueDateReason | null> = {
  accept: null,
  request_correction: 'correction_requested',
  receive_correction: 'correction_received',
  deem_abandoned_no_correction: null,
  start_consultation: 'consultation_started',
  end_consultation: 'consultation_ended',
  extend: 'extended',
  issue_fee_notice: 'fee_notice_served',
  record_payment: 'fee_paid',
  deem_abandoned_no_fee: null,
  submit_decision: null,
  return_decision: null,
  approve_decision: null,
  send_reply: null,
  withdraw: null,
  archive: null,
};

const fail = (...args: ConstructorParameters<typeof TransitionError>): ActionResult => ({
  ok: false,
  error: new TransitionError(...args),
});

/**
 * Takes an action on an application: checks state, role, preconditions and the action's data against the
 * transition table, records the facts, derives the deadlines again and returns the new application with the
 * event to append — or the reason for refusal. Pure.
 */
export function applyAction(application: Application, action: Action, ctx: ActionContext): ActionResult {
  const transition = TRANSITIONS.find((t) => t.action === action.type);
  if (!transition) return fail('illegal_action', `未知的操作：${String(action.type)}`, 'type');
  const label = ACTION_LABEL[action.type];
  if (!transition.from.includes(application.state))
    return fail('illegal_action', `申请处于“${STATE_LABEL[application.state]}”状态，不能${label}`);
  if (!transition.roles.some((r) => ctx.actor.roles.includes(r)))
    return fail('role', `${label}须由${describeRoles(transition.roles)}办理`);
  const last = lastActivityOn(application);
  if (ctx.today < last)
    return fail('precondition', `办理日期（${ctx.today}）早于本申请最近一次办理的日期（${last}）`, 'today');
  for (const name of transition.guards) {
    const guard = GUARDS[name];
    if (!guard.holds(application, ctx.today, action)) return fail('precondition', guard.message(application));
  }
  const problems = checkActionInput(action, application, ctx.today);
  if (problems.length > 0) return fail('input', problems[0]!.message, problems[0]!.field, problems);

  const effect = EFFECTS[action.type] as Effect<ActionType>;
  const facts = { ...application, ...effect(application, action, ctx), state: transition.to };
  const deadlines = deriveDeadlines(facts, ctx.calendar);
  const next: Application = { ...facts, deadlines };
  const reason = DUE_REASON[action.type];
  const changes = reason ? dueDateChanges(application.deadlines, deadlines, reason, ctx.today) : [];
  const { type: _type, ...details } = action;
  return {
    ok: true,
    application: next,
    event: {
      action: action.type,
      actor: ctx.actor.id,
      actorRoles: ctx.actor.roles,
      on: ctx.today,
      before: { state: application.state, deadlines: application.deadlines },
      after: { state: next.state, deadlines },
      dueDateChanges: changes,
      details,
      warnings: warningsFor(application, action, ctx.today),
    },
  };
}

/** The actions this actor may take now (state, role and every precondition not depending on the action's data). */
export function availableActions(application: Application, actor: Actor, today: LocalDate): ActionType[] {
  return TRANSITIONS.filter(
    (t) =>
      t.from.includes(application.state) &&
      t.roles.some((r) => actor.roles.includes(r)) &&
      today >= lastActivityOn(application) &&
      t.guards.every((g) => GUARDS[g].holds(application, today)),
  ).map((t) => t.action);
}

/**
 * Derives the deadlines again on a changed calendar (an administrator loaded a year's schedule): the new
 * application, and an event when any due date changed (reason `schedule_updated`, actor 'system').
 */
export function refreshDeadlines(
  application: Application,
  calendar: WorkingCalendar,
  today: LocalDate,
): { application: Application; event: ApplicationEvent | null } {
  const deadlines = deriveDeadlines(application, calendar);
  const changes = dueDateChanges(application.deadlines, deadlines, 'schedule_updated', today);
  if (changes.length === 0) return { application, event: null };
  const next = { ...application, deadlines };
  const snapshot = (a: Application) => ({ state: a.state, deadlines: a.deadlines });
  return {
    application: next,
    event: {
      action: 'refresh_deadlines',
      actor: 'system',
      actorRoles: [],
      on: today,
      before: snapshot(application),
      after: snapshot(next),
      dueDateChanges: changes,
      details: {},
      warnings: [],
    },
  };
}
