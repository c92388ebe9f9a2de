import type { LocalDate } from '../calendar/local-date.ts';
import { isLocalDate } from '../calendar/local-date.ts';
import type { Application } from './application.ts';
import type { ConsultationKind } from './deadlines.ts';
import { CONSULTATION_KINDS, PERIODS } from './deadlines.ts';
import type { Decision, DecisionProblem } from './decisions.ts';
import { checkDecision } from './decisions.ts';
import type { FeeAssessment } from './fees.ts';
import { FEE_METHODS } from './fees.ts';

/**
 * What staff do to an application. Each action happens on `context.today`; the only other date an action
 * carries is the receipt date of a corrected application, which Art. 31 fixes and which may be earlier.
 */
export type Action =
  | { type: 'accept' }
  | { type: 'request_correction'; points: string[]; periodDays: number }
  | { type: 'receive_correction'; receivedOn: LocalDate }
  | { type: 'deem_abandoned_no_correction' }
  | { type: 'start_consultation'; kind: ConsultationKind; party: string }
  | { type: 'end_consultation' }
  | { type: 'extend'; days: number; reason: string }
  | { type: 'issue_fee_notice'; assessment: FeeAssessment }
  | { type: 'record_payment' }
  | { type: 'deem_abandoned_no_fee' }
  | { type: 'submit_decision'; decision: Decision }
  | { type: 'return_decision'; reason: string }
  | { type: 'approve_decision' }
  | { type: 'send_reply' }
  | { type: 'withdraw'; reason: string | null }
  | { type: 'archive' };
export type ActionType = Action['type'];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

export const ACTION_LABEL: Record<ActionType, string> = {
  accept: '受理办理',
  request_correction: '告知补正',
  receive_correction: '登记补正后的申请',
  deem_abandoned_no_correction: '逾期未补正，视为放弃申请',
  start_consultation: '征求意见',
  end_consultation: '结束征求意见',
  extend: '延长答复期限',
  issue_fee_notice: '送达收费通知',
  record_payment: '登记缴费',
  deem_abandoned_no_fee: '逾期未缴费，视为放弃申请',
  submit_decision: '提交答复意见送审',
  return_decision: '退回答复意见',
  approve_decision: '审核通过答复意见',
  send_reply: '答复申请人',
  withdraw: '申请人撤回申请',
  archive: '归档',
};

/** The longest correction period the system accepts, in working days (the law says only "reasonable"). */
export const MAX_CORRECTION_PERIOD_DAYS = 60;
/** A common correction period (practice), for forms to suggest. */
export const DEFAULT_CORRECTION_PERIOD_DAYS = 15;

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';
const wholeIn = (n: unknown, min: number, max: number) =>
  typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

/** The problems with an action's own data (not its preconditions), each naming its field. */
export function checkActionInput(
  action: Action,
  application: Application,
  today: LocalDate,
): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  switch (action.type) {
    case 'request_correction':
      if (!Array.isArray(action.points) || action.points.length === 0 || action.points.some(blank))
        problem('points', '须一次性列明需要补正的全部事项（条例第三十条），且每一项不能为空白');
      if (!wholeIn(action.periodDays, 1, MAX_CORRECTION_PERIOD_DAYS))
        problem('periodDays', `补正期限应为 1–${MAX_CORRECTION_PERIOD_DAYS} 个工作日`);
      break;
    case 'receive_correction': {
      const requestedOn = application.correction?.requestedOn;
      if (!isLocalDate(action.receivedOn)) problem('receivedOn', '收到补正申请的日期无效，应为 YYYY-MM-DD');
      else if (action.receivedOn > today) problem('receivedOn', '收到补正申请的日期不能晚于今天');
      else if (requestedOn && action.receivedOn < requestedOn)
        problem('receivedOn', `收到补正申请的日期不能早于告知补正之日（${requestedOn}）`);
      break;
    }
    case 'start_consultation':
      if (!(CONSULTATION_KINDS as readonly string[]).includes(action.kind))
        problem('kind', '征求意见对象应为第三方或其他行政机关');
      if (blank(action.party)) problem('party', '须写明征求意见的第三方或行政机关');
      break;
    case 'extend':
      if (!wholeIn(action.days, 1, PERIODS.extensionMax.days))
        problem('days', `延长的期限应为 1–${PERIODS.extensionMax.days} 个工作日（条例第三十三条第二款）`);
      if (blank(action.reason)) problem('reason', '须写明延长答复期限的理由');
      break;
    case 'issue_fee_notice': {
      const a = action.assessment;
      const sum = Array.isArray(a?.bands) ? a.bands.reduce((s, b) => s + b.amount, 0) : NaN;
      if (!a || !(FEE_METHODS as readonly string[]).includes(a.method))
        problem('assessment.method', '收费方式无效');
      else if (!wholeIn(a.amount, 1, Number.MAX_SAFE_INTEGER) || sum !== a.amount)
        problem('assessment.amount', '收费金额应为正整数（元），且等于各档金额之和；不收费时不发收费通知');
      break;
    }
    case 'submit_decision':
      problems.push(...checkDecision(action.decision));
      break;
    case 'return_decision':
      if (blank(action.reason)) problem('reason', '须写明退回的理由');
      break;
    case 'withdraw':
      if (action.reason !== null && typeof action.reason !== 'string') problem('reason', '撤回理由应为文字');
      break;
    case 'accept':
    case 'deem_abandoned_no_correction':
    case 'end_consultation':
    case 'record_payment':
    case 'deem_abandoned_no_fee':
    case 'approve_decision':
    case 'send_reply':
    case 'archive':
      break;
  }
  return problems;
}
