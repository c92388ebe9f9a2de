import type { Role } from '../access/roles.ts';
import { bundledCalendar } from '../calendar/index.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import { addDays } from '../calendar/local-date.ts';
import { lastActivityOn } from './action-checks.ts';
import type { Action, ActionType } from './actions.ts';
import type { Application } from './application.ts';
import type { ActionContext, ActionResult, ClockPolicy } from './apply-action.ts';
import { applyAction } from './apply-action.ts';
import type { Actor } from './event.ts';
import { perApplicationFee } from './fees.ts';
import type { RegistrationInput } from './register.ts';
import { registerApplication } from './register.ts';
import type { ApplicationState } from './states.ts';

/** Test support for the application domain (not imported by production code). */
export const calendar = bundledCalendar();

export const EVERY_ROLE: Actor = {
  id: 'user:1',
  roles: ['registrar', 'handler', 'reviewer', 'head', 'admin'],
};
export const actorWith = (role: Role): Actor => ({ id: `user:${role}`, roles: [role] });

/**
 * The context of an action. EVERY_ROLE stands for a one-person office, which signs off its own drafts: unless
 * a policy is given, it acts with `allowSelfSignOff` (issue 12 point 3).
 */
export function context(
  today: LocalDate,
  actor: Actor = EVERY_ROLE,
  policy?: Partial<ClockPolicy>,
): ActionContext {
  const given = policy ?? (actor === EVERY_ROLE ? { allowSelfSignOff: true } : undefined);
  return { today, calendar, actor, ...(given ? { policy: given } : {}) };
}

export function must(result: ActionResult) {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result;
}

export function registrationInput(receivedOn: LocalDate): RegistrationInput {
  return {
    applicantType: 'natural',
    receipt: { channel: 'in_person', submittedOn: receivedOn },
    items: [{ description: '2025年某项目环境影响评价批复', documentNumber: null }],
    form: 'electronic',
    delivery: 'email',
  };
}

export function registered(receivedOn: LocalDate = '2026-09-24'): Application {
  return must(registerApplication(registrationInput(receivedOn), context(receivedOn))).application;
}

/** Data for an action that passes its input checks on this application. */
export function samplePayload(type: ActionType, a: Application): Action {
  switch (type) {
    case 'request_correction':
      return { type, points: ['请写明所需信息的名称或文号'], periodDays: 10 };
    case 'receive_correction':
      return { type, receivedOn: a.correction?.requestedOn ?? a.receivedOn };
    case 'start_consultation':
      return { type, kind: 'third_party', party: '某科技有限公司' };
    case 'end_consultation':
      return { type };
    case 'record_service': {
      const letter = Math.max(
        0,
        a.letters.findIndex((l) => l.service === null),
      );
      const servedOn = a.letters[letter]?.issuedOn ?? lastActivityOn(a);
      return { type, letter, service: { method: 'in_person', servedOn, proof: '送达回证（申请人签收）' } };
    }
    case 'request_reasons':
      return { type, points: '请说明短期内大量提出申请的理由和用途', periodDays: 10 };
    case 'receive_reasons':
      return { type, receivedOn: lastActivityOn(a), reasons: '用于课题研究，需要逐年数据' };
    case 'set_reasonable_deadline':
      return {
        type,
        dueOn: addDays(a.deadlines.reply?.date ?? lastActivityOn(a), 20),
        reason: '所涉信息数量较大',
      };
    case 'request_extension':
    case 'extend':
      return { type, days: 20, reason: '需要调取档案' };
    case 'issue_fee_notice':
      return { type, assessment: perApplicationFee(12) };
    case 'submit_decision':
      return {
        type,
        decision: {
          outcome: 'granted',
          replyType: 'disclosed',
          exemption: null,
          reasons: null,
          responsibleAgency: null,
        },
      };
    case 'return_decision':
      return { type, reason: '请补充检索情况' };
    case 'withdraw':
      return { type, reason: null };
    case 'accept':
    case 'deem_abandoned_no_correction':
    case 'record_payment':
    case 'deem_abandoned_no_fee':
    case 'review_decision':
    case 'approve_decision':
      return { type, opinion: '同意' };
    case 'send_reply':
    case 'archive':
      return { type };
  }
}

/**
 * The application with what an action needs besides its state: a letter to serve, reasons asked for and
 * received (Art. 35), a 补正 or fee notice served (their periods run from service).
 */
export function prepared(type: ActionType, a: Application): Application {
  const at = (x: Application, action: Action) =>
    must(applyAction(x, action, context(lastActivityOn(x)))).application;
  if (type === 'record_service' && !a.letters.some((l) => l.service === null))
    return {
      ...a,
      letters: [
        ...a.letters,
        { kind: 'extension', issuedOn: lastActivityOn(a), consultation: null, service: null },
      ],
    };
  if (type === 'receive_reasons') return at(a, samplePayload('request_reasons', a));
  if (type === 'set_reasonable_deadline') {
    const asked = at(a, samplePayload('request_reasons', a));
    return at(asked, samplePayload('receive_reasons', asked));
  }
  if (type === 'deem_abandoned_no_correction' || type === 'deem_abandoned_no_fee') return served(a);
  return a;
}

/** Every letter of the application served on the day it was issued, in person. */
export function served(a: Application): Application {
  return a.letters.reduce(
    (x, l, letter) =>
      l.service
        ? x
        : must(
            applyAction(
              x,
              {
                type: 'record_service',
                letter,
                service: { method: 'in_person', servedOn: l.issuedOn, proof: '送达回证' },
              },
              context(lastActivityOn(x)),
            ),
          ).application,
    a,
  );
}

/** A day on which the action's date-dependent preconditions hold. */
export function sampleToday(type: ActionType, a: Application): LocalDate {
  const { correctionResponse, feePayment } = a.deadlines;
  if (type === 'deem_abandoned_no_correction' && correctionResponse)
    return addDays(correctionResponse.date, 1);
  if (type === 'deem_abandoned_no_fee' && feePayment) return addDays(feePayment.date, 1);
  return lastActivityOn(a);
}

export function act(a: Application, type: ActionType, actor: Actor = EVERY_ROLE): Application {
  const before = prepared(type, a);
  return must(applyAction(before, samplePayload(type, before), context(sampleToday(type, before), actor)))
    .application;
}

const PATHS: Record<ApplicationState, readonly ActionType[]> = {
  registered: [],
  correction_requested: ['request_correction'],
  in_progress: ['accept'],
  consulting: ['accept', 'start_consultation'],
  fee_pending: ['accept', 'issue_fee_notice'],
  under_review: ['accept', 'submit_decision'],
  reviewed: ['accept', 'submit_decision', 'review_decision'],
  approved: ['accept', 'submit_decision', 'review_decision', 'approve_decision'],
  replied: ['accept', 'submit_decision', 'review_decision', 'approve_decision', 'send_reply'],
  abandoned: ['request_correction', 'deem_abandoned_no_correction'],
  withdrawn: ['withdraw'],
  archived: ['withdraw', 'archive'],
};

/** An application brought to a state by a typical path. */
export function inState(state: ApplicationState, receivedOn: LocalDate = '2026-09-24'): Application {
  return PATHS[state].reduce((a, type) => act(a, type), registered(receivedOn));
}
