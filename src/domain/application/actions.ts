import type { LocalDate } from '../calendar/local-date.ts';
import { isLocalDate } from '../calendar/local-date.ts';
import type { Application, RequestedItem } from './application.ts';
import type { ConsultationKind } from './deadlines.ts';
import { CONSULTATION_KINDS, PERIODS } from './deadlines.ts';
import type { Decision, DecisionProblem } from './decisions.ts';
import { checkDecision } from './decisions.ts';
import type { FeeAssessment } from './fees.ts';
import { FEE_METHODS } from './fees.ts';
import type { ServiceInput } from './service.ts';
import { checkService } from './service.ts';
import { FIELD_LIMITS, overLimit } from './limits.ts';

/**
 * What staff do to an application. Each action happens on `context.today`; the other dates an action may carry
 * are facts that happened earlier and are recorded now: the receipt of a corrected application (Art. 31), of
 * the reasons asked for (Art. 35) or of a consulted party's answer, and the day a letter was served.
 */
export type Action =
  | { type: 'accept' }
  | {
      type: 'request_correction';
      points: string[];
      periodDays: number;
      /** only past the 7 WD of Art. 30: why the office still sends it (the reply period then does not restart) */
      lateReason?: string | null;
    }
  | {
      type: 'receive_correction';
      receivedOn: LocalDate;
      /** the clarified request, replacing the items asked for (the first request is kept on the correction) */
      items?: RequestedItem[] | null;
    }
  | { type: 'deem_abandoned_no_correction' }
  | { type: 'start_consultation'; kind: ConsultationKind; party: string }
  | {
      type: 'end_consultation';
      /** whether the party answered (default: yes); no answer → the agency decides on its own (Art. 32) */
      answered?: boolean;
      /** the day the answer was received (default: today) */
      answeredOn?: LocalDate | null;
    }
  | { type: 'record_service'; letter: number; service: ServiceInput }
  | { type: 'request_reasons'; points: string; periodDays: number }
  | { type: 'receive_reasons'; receivedOn: LocalDate; reasons: string }
  | { type: 'set_reasonable_deadline'; dueOn: LocalDate; reason: string }
  | { type: 'request_extension'; days: number; reason: string }
  | { type: 'extend'; days: number; reason: string }
  | { type: 'issue_fee_notice'; assessment: FeeAssessment }
  | { type: 'record_payment' }
  | { type: 'deem_abandoned_no_fee' }
  | { type: 'submit_decision'; decision: Decision }
  | { type: 'return_decision'; reason: string }
  | { type: 'review_decision'; opinion?: string }
  | { type: 'approve_decision'; opinion?: string }
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
  record_service: '登记送达',
  request_reasons: '要求说明理由（条例第三十五条）',
  receive_reasons: '登记申请人说明的理由',
  set_reasonable_deadline: '确定延迟答复的合理期限',
  request_extension: '申请延长答复期限',
  extend: '批准延长答复期限',
  issue_fee_notice: '送达收费通知',
  record_payment: '登记缴费',
  deem_abandoned_no_fee: '逾期未缴费，视为放弃申请',
  submit_decision: '提交答复意见送审',
  return_decision: '退回答复意见',
  review_decision: '审核答复意见',
  approve_decision: '签发答复意见',
  send_reply: '答复申请人',
  withdraw: '申请人撤回申请',
  archive: '归档',
};

/** The longest 审核意见 / 签发意见 the system accepts. */
export const OPINION_MAX_LENGTH = 2000;
/** What a 审核意见 / 签发意见 left blank records: the reviewer's or signatory's agreement. */
export const DEFAULT_OPINION = '同意';

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
      if (action.lateReason != null && typeof action.lateReason !== 'string')
        problem('lateReason', '逾期告知补正的理由应为文字');
      break;
    case 'receive_correction': {
      if (action.items != null) {
        if (!Array.isArray(action.items) || action.items.length === 0)
          problem('items', '补正后的申请内容不能为空');
        else
          action.items.forEach((item, i) => {
            if (blank(item?.description))
              problem(`items.${i}.description`, `补正后的第 ${i + 1} 项申请内容不能为空白`);
            const long =
              typeof item?.description === 'string' && overLimit(item.description, FIELD_LIMITS.description);
            if (long) problem(`items.${i}.description`, `补正后的第 ${i + 1} 项申请内容${long}`);
          });
      }
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
    case 'end_consultation': {
      const open = application.consultations.find((c) => c.endedOn === null);
      const on = action.answeredOn;
      if (on != null) {
        if (!isLocalDate(on)) problem('answeredOn', '收到意见的日期无效，应为 YYYY-MM-DD');
        else if (on > today) problem('answeredOn', '收到意见的日期不能晚于今天');
        else if (open && on < open.sentOn)
          problem('answeredOn', `收到意见的日期不能早于发出征求意见函之日（${open.sentOn}）`);
      }
      break;
    }
    case 'record_service':
      problems.push(...checkService(action.service, application.letters[action.letter], today));
      break;
    case 'request_reasons':
      if (blank(action.points)) problem('points', '须写明要求申请人说明的事项（条例第三十五条）');
      if (!wholeIn(action.periodDays, 1, MAX_CORRECTION_PERIOD_DAYS))
        problem('periodDays', `说明理由的期限应为 1–${MAX_CORRECTION_PERIOD_DAYS} 个工作日`);
      break;
    case 'receive_reasons': {
      const requestedOn = application.reasonsRequest?.requestedOn;
      if (!isLocalDate(action.receivedOn)) problem('receivedOn', '收到理由说明的日期无效，应为 YYYY-MM-DD');
      else if (action.receivedOn > today) problem('receivedOn', '收到理由说明的日期不能晚于今天');
      else if (requestedOn && action.receivedOn < requestedOn)
        problem('receivedOn', `收到理由说明的日期不能早于要求说明理由之日（${requestedOn}）`);
      if (blank(action.reasons)) problem('reasons', '须记录申请人说明的理由');
      break;
    }
    case 'set_reasonable_deadline': {
      const due = application.deadlines.reply?.date;
      if (!isLocalDate(action.dueOn)) problem('dueOn', '答复期限无效，应为 YYYY-MM-DD');
      else if (due && action.dueOn <= due)
        problem('dueOn', `确定的答复期限应晚于现在的答复期限（${due}），否则无须另行确定`);
      if (blank(action.reason)) problem('reason', '须写明不能在法定期限内答复的理由（条例第三十五条）');
      break;
    }
    case 'request_extension':
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
    case 'review_decision':
    case 'approve_decision':
      if (action.opinion != null && typeof action.opinion !== 'string')
        problem('opinion', action.type === 'review_decision' ? '审核意见应为文字' : '签发意见应为文字');
      else if (action.opinion != null && action.opinion.length > OPINION_MAX_LENGTH)
        problem(
          'opinion',
          `${action.type === 'review_decision' ? '审核意见' : '签发意见'}不能超过 ${OPINION_MAX_LENGTH} 字（现有 ${action.opinion.length} 字）`,
        );
      break;
    case 'withdraw':
      if (action.reason !== null && typeof action.reason !== 'string') problem('reason', '撤回理由应为文字');
      break;
    case 'accept':
    case 'deem_abandoned_no_correction':
    case 'record_payment':
    case 'deem_abandoned_no_fee':
    case 'send_reply':
    case 'archive':
      break;
  }
  return problems;
}
