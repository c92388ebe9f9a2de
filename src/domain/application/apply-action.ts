import type { LocalDate } from '../calendar/local-date.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { Action, ActionOf, ActionType } from './actions.ts';
import { ACTION_LABEL, checkActionInput, DEFAULT_OPINION } from './actions.ts';
import type { Application } from './application.ts';
import { deriveDeadlines } from './deadlines.ts';
import type { DueDateReason } from './due-date-changes.ts';
import { dueDateChanges } from './due-date-changes.ts';
import type { Actor, ApplicationEvent } from './event.ts';
import { describeRoles, lastActivityOn, warningsFor } from './action-checks.ts';
import { STATE_LABEL } from './states.ts';
import { LETTER_OF_ACTION } from './issued-letters.ts';
import { reconsiderationFirstFor } from './remedies.ts';
import { SERVICE_PROOF_HINT } from './service.ts';
import { TransitionError } from './transition-error.ts';
import { GUARDS, TRANSITIONS } from './transitions.ts';

/** Settings of the clock and the letters that the sources leave open (STATUTE.md §3, §4). */
export interface ClockPolicy {
  /** whether an unpaid fee notice pauses the reply clock (default: yes) */
  feePausesReplyClock: boolean;
  /**
   * whether a reply under （四）2 没有现成信息需要另行制作 tells the applicant to seek reconsideration first (行政复议法
   * 第二十三条第一款第（四）项 read as covering every refusal to provide; default: yes), or offers both remedies
   */
  needsCreationReconsiderationFirst: boolean;
  /**
   * whether the drafter of a decision may also review and sign it off (a one-person office; default: no —
   * separation of duties). When allowed and used, the decision records `selfSignOff`.
   */
  allowSelfSignOff: boolean;
}
export const DEFAULT_CLOCK_POLICY: ClockPolicy = {
  feePausesReplyClock: true,
  needsCreationReconsiderationFirst: true,
  allowSelfSignOff: false,
};

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
  request_correction: (a, action, { today }) => ({
    correction: {
      requestedOn: today,
      points: action.points.map((p) => p.trim()),
      periodDays: action.periodDays,
      servedOn: null,
      receivedOn: null,
      lateReason: today > a.deadlines.correctionNotice.date ? action.lateReason!.trim() : null,
      originalItems: null,
    },
  }),
  receive_correction: (a, action) => {
    const items = action.items?.map((i) => ({
      description: i.description.trim(),
      documentNumber: i.documentNumber?.trim() || null,
    }));
    return {
      correction: { ...a.correction!, receivedOn: action.receivedOn, originalItems: items ? a.items : null },
      ...(items ? { items } : {}),
    };
  },
  // the application is abandoned when the period ran out, whenever staff record it (Art. 30)
  deem_abandoned_no_correction: (a) => ({
    outcome: 'other_no_correction',
    closedOn: a.deadlines.correctionResponse!.date,
  }),
  start_consultation: (a, action, { today }) => ({
    consultations: [
      ...a.consultations,
      {
        kind: action.kind,
        party: action.party.trim(),
        sentOn: today,
        receivedOn: null,
        endedOn: null,
        answered: null,
      },
    ],
  }),
  end_consultation: (a, action, { today }) => ({
    consultations: a.consultations.map((c) =>
      c.endedOn === null
        ? {
            ...c,
            endedOn: action.answered === false ? today : (action.answeredOn ?? today),
            answered: action.answered !== false,
          }
        : c,
    ),
  }),
  record_service: (a, { letter, service }, { today, actor }) => {
    const issued = a.letters[letter]!;
    const record = {
      method: service.method,
      servedOn: service.servedOn,
      proof: service.proof?.trim() || SERVICE_PROOF_HINT[service.method],
      trackingNumber: service.trackingNumber?.trim() || null,
      recordedBy: actor.id,
      recordedOn: today,
    };
    const served = service.servedOn;
    const letters = a.letters.map((l, i) => (i === letter ? { ...l, service: record } : l));
    switch (issued.kind) {
      case 'correction':
        return { letters, correction: { ...a.correction!, servedOn: a.correction!.servedOn ?? served } };
      case 'fee':
        return { letters, fee: { ...a.fee!, servedOn: a.fee!.servedOn ?? served } };
      case 'reasons':
        return {
          letters,
          reasonsRequest: { ...a.reasonsRequest!, servedOn: a.reasonsRequest!.servedOn ?? served },
        };
      case 'consultation':
        return {
          letters,
          consultations: a.consultations.map((c, i) =>
            i === issued.consultation ? { ...c, receivedOn: c.receivedOn ?? served } : c,
          ),
        };
      case 'reply':
      case 'extension':
      case 'reasonable_deadline':
        return { letters };
    }
  },
  request_reasons: (_, action, { today }) => ({
    reasonsRequest: {
      requestedOn: today,
      points: action.points.trim(),
      periodDays: action.periodDays,
      servedOn: null,
      receivedOn: null,
      reasons: null,
      later: null,
    },
  }),
  receive_reasons: (a, action) => ({
    reasonsRequest: { ...a.reasonsRequest!, receivedOn: action.receivedOn, reasons: action.reasons.trim() },
  }),
  set_reasonable_deadline: (a, action, { today, actor }) => ({
    reasonsRequest: {
      ...a.reasonsRequest!,
      later: { dueOn: action.dueOn, reason: action.reason.trim(), decidedOn: today, decidedBy: actor.id },
    },
  }),
  request_extension: (_, action, { today, actor }) => ({
    extensionRequest: {
      days: action.days,
      reason: action.reason.trim(),
      requestedBy: actor.id,
      requestedOn: today,
    },
  }),
  extend: (a, action, { today, actor }) => ({
    extension: {
      days: action.days,
      reason: action.reason.trim(),
      approvedOn: today,
      approvedBy: actor.id,
      requestedBy: a.extensionRequest?.requestedBy ?? actor.id,
      requestedOn: a.extensionRequest?.requestedOn ?? today,
    },
    extensionRequest: null,
  }),
  issue_fee_notice: (_, action, { today, policy }) => ({
    fee: {
      assessment: action.assessment,
      issuedOn: today,
      servedOn: null,
      paidOn: null,
      pausesClock: policy?.feePausesReplyClock ?? DEFAULT_CLOCK_POLICY.feePausesReplyClock,
    },
  }),
  record_payment: (a, _, { today }) => ({ fee: { ...a.fee!, paidOn: today } }),
  deem_abandoned_no_fee: (a) => ({ outcome: 'other_no_fee', closedOn: a.deadlines.feePayment!.date }),
  submit_decision: (_, { decision }, { today, actor }) => ({
    decision: {
      outcome: decision.outcome,
      replyType: decision.replyType,
      exemption: decision.exemption?.trim() || null,
      reasons: decision.reasons?.trim() || null,
      responsibleAgency: decision.responsibleAgency?.trim() || null,
      draftedBy: actor.id,
      draftedOn: today,
      reviewedBy: null,
      reviewedOn: null,
      reviewOpinion: null,
      approvedBy: null,
      approvedOn: null,
      approvalOpinion: null,
      selfSignOff: false,
    },
  }),
  return_decision: () => ({}),
  review_decision: (a, { opinion }, { today, actor }) => ({
    decision: {
      ...a.decision!,
      reviewedBy: actor.id,
      reviewedOn: today,
      reviewOpinion: opinion?.trim() || DEFAULT_OPINION,
      selfSignOff: a.decision!.selfSignOff === true || a.decision!.draftedBy === actor.id,
    },
  }),
  approve_decision: (a, { opinion }, { today, actor }) => ({
    decision: {
      ...a.decision!,
      approvedBy: actor.id,
      approvedOn: today,
      approvalOpinion: opinion?.trim() || DEFAULT_OPINION,
      selfSignOff: a.decision!.selfSignOff === true || a.decision!.draftedBy === actor.id,
    },
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
  record_service: 'letter_served',
  request_reasons: null,
  receive_reasons: null,
  set_reasonable_deadline: 'reasonable_deadline_set',
  request_extension: null,
  extend: 'extended',
  issue_fee_notice: 'fee_notice_served',
  record_payment: 'fee_paid',
  deem_abandoned_no_fee: null,
  submit_decision: null,
  return_decision: null,
  review_decision: null,
  approve_decision: null,
  send_reply: null,
  withdraw: null,
  archive: null,
};

/** The letters with the one the action sends appended (IssuedLetter, not yet served). */
function withLetterOf(a: Application, action: Action, ctx: ActionContext): Application['letters'] {
  const kind = LETTER_OF_ACTION[action.type];
  if (!kind) return a.letters;
  const outcome = a.outcome ?? a.decision?.outcome ?? null;
  const policy = { ...DEFAULT_CLOCK_POLICY, ...ctx.policy };
  return [
    ...a.letters,
    {
      kind,
      issuedOn: ctx.today,
      consultation: kind === 'consultation' ? a.consultations.length - 1 : null,
      service: null,
      ...(kind === 'reply' && outcome
        ? { reconsiderationFirst: reconsiderationFirstFor(outcome, policy.needsCreationReconsiderationFirst) }
        : {}),
    },
  ];
}

/**
 * Separation of duties: nobody reviews or signs off a decision they drafted, unless the agency allows it (a
 * one-person office, `allowSelfSignOff`), and then the decision records it (selfSignOff).
 */
function ownDraftRefusal(application: Application, type: ActionType, ctx: ActionContext): string | null {
  if (type !== 'review_decision' && type !== 'approve_decision') return null;
  if (application.decision?.draftedBy !== ctx.actor.id) return null;
  if (ctx.policy?.allowSelfSignOff ?? DEFAULT_CLOCK_POLICY.allowSelfSignOff) return null;
  return `不能${type === 'review_decision' ? '审核' : '签发'}本人起草的答复意见（职责分离）；本机关设置允许一人办公室自行签发时除外`;
}

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
  const ownDraft = ownDraftRefusal(application, action.type, ctx);
  if (ownDraft) return fail('precondition', ownDraft);
  const problems = checkActionInput(action, application, ctx.today);
  if (problems.length > 0) return fail('input', problems[0]!.message, problems[0]!.field, problems);

  const effect = EFFECTS[action.type] as Effect<ActionType>;
  const changed = { ...application, ...effect(application, action, ctx) };
  const state = transition.to === 'same' ? application.state : transition.to;
  const facts = { ...changed, state, letters: withLetterOf(changed, action, ctx) };
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
