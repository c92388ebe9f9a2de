import type { Role } from '../access/roles.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import type { Action, ActionType } from './actions.ts';
import type { Application } from './application.ts';
import { PERIODS } from './deadlines.ts';
import type { ApplicationState } from './states.ts';
import { APPLICATION_STATES } from './states.ts';

/**
 * The state machine as data: for each action, the states it may be taken from, the state it leads to, the
 * roles that may take it and the named preconditions that must hold. applyAction (apply-action.ts) reads this
 * table; nothing else decides what is allowed.
 */
export interface Transition {
  action: ActionType;
  from: readonly ApplicationState[];
  /** the state it leads to; 'same': the action records a fact and leaves the state as it was */
  to: ApplicationState | 'same';
  roles: readonly Role[];
  guards: readonly GuardName[];
}

const OPEN: readonly ApplicationState[] = [
  'registered',
  'correction_requested',
  'in_progress',
  'consulting',
  'fee_pending',
  'under_review',
  'reviewed',
  'approved',
];
const FRONT_DESK: readonly Role[] = ['registrar', 'handler'];

/** Registration creates an application (registerApplication): who may do it. */
export const REGISTRATION = { to: 'registered', roles: FRONT_DESK } as const;

export const TRANSITIONS: readonly Transition[] = [
  { action: 'accept', from: ['registered'], to: 'in_progress', roles: FRONT_DESK, guards: [] },
  {
    action: 'request_correction',
    from: ['registered', 'in_progress'],
    to: 'correction_requested',
    roles: FRONT_DESK,
    guards: ['correction_not_yet_requested', 'correction_in_time'],
  },
  {
    action: 'receive_correction',
    from: ['correction_requested'],
    to: 'in_progress',
    roles: FRONT_DESK,
    guards: [],
  },
  {
    action: 'deem_abandoned_no_correction',
    from: ['correction_requested'],
    to: 'abandoned',
    roles: ['handler'],
    guards: ['correction_period_expired'],
  },
  { action: 'start_consultation', from: ['in_progress'], to: 'consulting', roles: ['handler'], guards: [] },
  {
    action: 'record_service',
    from: APPLICATION_STATES,
    to: 'same',
    roles: FRONT_DESK,
    guards: ['letter_not_yet_served'],
  },
  {
    action: 'request_reasons',
    from: ['registered', 'in_progress'],
    to: 'in_progress',
    roles: ['handler'],
    guards: ['reasons_not_yet_requested'],
  },
  {
    action: 'receive_reasons',
    from: ['in_progress'],
    to: 'same',
    roles: FRONT_DESK,
    guards: ['reasons_awaited'],
  },
  {
    action: 'set_reasonable_deadline',
    from: ['in_progress'],
    to: 'same',
    roles: ['head'],
    guards: ['reasons_received', 'reply_not_overdue'],
  },
  { action: 'end_consultation', from: ['consulting'], to: 'in_progress', roles: ['handler'], guards: [] },
  {
    action: 'request_extension',
    from: ['in_progress'],
    to: 'same',
    roles: FRONT_DESK,
    guards: ['not_yet_extended', 'no_extension_request', 'reply_not_overdue'],
  },
  {
    action: 'extend',
    from: ['in_progress'],
    to: 'in_progress',
    roles: ['head'],
    guards: ['not_yet_extended', 'reply_not_overdue'],
  },
  {
    action: 'issue_fee_notice',
    from: ['in_progress'],
    to: 'fee_pending',
    roles: ['handler'],
    guards: ['no_fee_notice_yet', 'fee_within_reply_period'],
  },
  { action: 'record_payment', from: ['fee_pending'], to: 'in_progress', roles: FRONT_DESK, guards: [] },
  {
    action: 'deem_abandoned_no_fee',
    from: ['fee_pending'],
    to: 'abandoned',
    roles: ['handler'],
    guards: ['payment_period_expired'],
  },
  {
    action: 'submit_decision',
    from: ['registered', 'in_progress'],
    to: 'under_review',
    roles: ['handler'],
    guards: ['unclear_only_after_correction', 'massive_only_after_reasons'],
  },
  {
    action: 'return_decision',
    from: ['under_review', 'reviewed'],
    to: 'in_progress',
    roles: ['reviewer', 'head'],
    guards: [],
  },
  {
    action: 'review_decision',
    from: ['under_review'],
    to: 'reviewed',
    roles: ['reviewer', 'head'],
    guards: [],
  },
  {
    action: 'approve_decision',
    from: ['reviewed'],
    to: 'approved',
    roles: ['head'],
    guards: [],
  },
  { action: 'send_reply', from: ['approved'], to: 'replied', roles: FRONT_DESK, guards: [] },
  { action: 'withdraw', from: OPEN, to: 'withdrawn', roles: FRONT_DESK, guards: [] },
  {
    action: 'archive',
    from: ['replied', 'abandoned', 'withdrawn'],
    to: 'archived',
    roles: FRONT_DESK,
    guards: [],
  },
];

export function transitionOf(action: ActionType): Transition {
  return TRANSITIONS.find((t) => t.action === action)!;
}

export interface Guard {
  /**
   * whether the precondition holds; `action` is absent when listing the actions available (a guard on the
   * action's data then holds)
   */
  holds(application: Application, today: LocalDate, action?: Action): boolean;
  /** why not, in Chinese */
  message(application: Application): string;
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

const GUARD_TABLE = {
  correction_in_time: {
    holds: (a, today, action) =>
      action?.type !== 'request_correction' ||
      today <= a.deadlines.correctionNotice.date ||
      !blank(action.lateReason),
    message: (a) =>
      `补正告知期限（${a.deadlines.correctionNotice.date}）已过：条例第三十条规定，应当自收到申请之日起${PERIODS.correctionNotice.days}个工作日内一次性作出补正通知，逾期告知不能使答复期限重新计算。确需告知的，请写明理由，答复期限仍自收到申请之日起计算`,
  },
  fee_within_reply_period: {
    holds: (a, today) => a.deadlines.reply !== null && today <= a.deadlines.reply.date,
    message: (a) =>
      `答复期限（${a.deadlines.reply?.date ?? '未开始计算'}）已届满：收费通知应当在答复期限内发出（国办函〔2020〕109号），逾期发出不能使已届满的期限重新计算`,
  },
  letter_not_yet_served: {
    holds: (a, _, action) =>
      action === undefined
        ? a.letters.some((l) => l.service === null)
        : action.type !== 'record_service' ||
          (a.letters[action.letter] !== undefined && a.letters[action.letter]!.service === null),
    message: () => '该文书已登记送达，或没有这份文书',
  },
  reasons_not_yet_requested: {
    holds: (a) => a.reasonsRequest === null,
    message: () => '已要求申请人说明理由（条例第三十五条）',
  },
  reasons_awaited: {
    holds: (a) => a.reasonsRequest !== null && a.reasonsRequest.receivedOn === null,
    message: (a) =>
      a.reasonsRequest ? '已登记申请人说明的理由' : '尚未要求申请人说明理由（条例第三十五条）',
  },
  reasons_received: {
    holds: (a) => a.reasonsRequest?.receivedOn != null && a.reasonsRequest.later === null,
    message: (a) =>
      a.reasonsRequest?.later
        ? '已确定延迟答复的期限'
        : '须先要求申请人说明理由并收到其理由，认为理由合理的，方可确定延迟答复的期限（条例第三十五条）',
  },
  massive_only_after_reasons: {
    holds: (a, today, action) => {
      if (action?.type !== 'submit_decision' || action.decision.outcome !== 'not_handled_massive')
        return true;
      const r = a.reasonsRequest;
      const due = a.deadlines.reasonsResponse;
      return r !== null && (r.receivedOn !== null || (!!due && today > due.date));
    },
    message: () =>
      '“无正当理由大量反复申请”须先要求申请人说明理由（条例第三十五条），在收到理由或说明理由的期限届满后方可作出',
  },
  correction_not_yet_requested: {
    holds: (a) => a.correction === null,
    message: () => '补正只能告知一次，且应一次性告知全部需要补正的事项（条例第三十条）',
  },
  correction_period_expired: {
    holds: (a, today) =>
      a.deadlines.correctionResponse !== null && today > a.deadlines.correctionResponse.date,
    message: (a) =>
      a.deadlines.correctionResponse
        ? `补正期限（${a.deadlines.correctionResponse.date}）尚未届满，不能视为放弃申请`
        : '补正告知书尚未送达，补正期限尚未开始计算，不能视为放弃申请',
  },
  not_yet_extended: {
    holds: (a) => a.extension === null,
    message: () => '答复期限只能延长一次（条例第三十三条第二款）',
  },
  no_extension_request: {
    holds: (a) => !a.extensionRequest,
    message: () => '已申请延长答复期限，待负责人批准',
  },
  reply_not_overdue: {
    holds: (a, today) => a.deadlines.reply !== null && today <= a.deadlines.reply.date,
    message: (a) => `答复期限（${a.deadlines.reply?.date ?? '未开始计算'}）已届满，不能再延长`,
  },
  no_fee_notice_yet: {
    holds: (a) => a.fee === null,
    message: () => '本申请已发出过收费通知',
  },
  payment_period_expired: {
    holds: (a, today) => a.deadlines.feePayment !== null && today > a.deadlines.feePayment.date,
    message: (a) =>
      a.deadlines.feePayment
        ? `缴费期限（${a.deadlines.feePayment.date}）尚未届满，不能视为放弃申请`
        : '收费通知书尚未送达，缴费期限尚未开始计算，不能视为放弃申请',
  },
  unclear_only_after_correction: {
    holds: (a, _, action) =>
      action?.type !== 'submit_decision' ||
      action.decision.outcome !== 'unable_still_unclear' ||
      (a.correction !== null && a.correction.receivedOn !== null),
    message: () => '“补正后申请内容仍不明确”只适用于已告知补正并收到补正的申请（条例第三十条）',
  },
} satisfies Record<string, Guard>;

export type GuardName = keyof typeof GUARD_TABLE;
export const GUARDS: Record<GuardName, Guard> = GUARD_TABLE;
