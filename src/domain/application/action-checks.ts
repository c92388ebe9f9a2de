import type { Role } from '../access/roles.ts';
import { ROLE_LABEL } from '../access/roles.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import type { Action } from './actions.ts';
import type { Application } from './application.ts';

/** '登记员或承办人'. */
export function describeRoles(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABEL[r]).join('或');
}

/** The latest date recorded on an application: an action cannot be dated before it. */
export function lastActivityOn(a: Application): LocalDate {
  const dates = [
    a.receivedOn,
    a.correction?.requestedOn,
    a.correction?.receivedOn,
    ...a.consultations.flatMap((c) => [c.sentOn, c.endedOn]),
    a.extension?.approvedOn,
    a.fee?.issuedOn,
    a.fee?.servedOn,
    a.fee?.paidOn,
    a.reasonsRequest?.requestedOn,
    a.reasonsRequest?.receivedOn,
    a.reasonsRequest?.later?.decidedOn,
    ...a.letters.flatMap((l) => [l.issuedOn, l.service?.recordedOn]),
    a.decision?.draftedOn,
    a.decision?.approvedOn,
    a.closedOn,
    a.archivedOn,
  ].filter((d): d is LocalDate => typeof d === 'string');
  return dates.reduce((max, d) => (d > max ? d : max));
}

/**
 * Lawful but noteworthy circumstances of an action, recorded on its event: a late 补正 notice (Art. 30), a late
 * correction or payment accepted, a reply after its due date (Art. 33).
 */
export function warningsFor(a: Application, action: Action, today: LocalDate): string[] {
  const d = a.deadlines;
  switch (action.type) {
    case 'request_correction':
      return today > d.correctionNotice.date
        ? [
            `补正告知晚于法定期限 ${d.correctionNotice.date}（收到申请之日起 7 个工作日内，条例第三十条），` +
              `理由：${action.lateReason?.trim() ?? ''}；答复期限不重新计算，仍为 ${d.reply?.date ?? '—'}`,
          ]
        : [];
    case 'end_consultation': {
      const open = a.consultations.find((c) => c.endedOn === null);
      const due = d.consultation?.date;
      if (action.answered === false)
        return [
          `被征求意见方${due && today > due ? `逾期（${due}）` : ''}未提出意见，由本机关依照条例的规定决定是否公开（条例第三十二条）`,
        ];
      return open && due && (action.answeredOn ?? today) > due
        ? [`意见晚于征求意见期限 ${due} 收到；逾期部分已计入答复期限（条例第三十三条第三款）`]
        : [];
    }
    case 'receive_correction':
      return d.correctionResponse && action.receivedOn > d.correctionResponse.date
        ? [`补正晚于补正期限 ${d.correctionResponse.date}，已按有正当理由接收`]
        : [];
    case 'record_payment':
      return d.feePayment && today > d.feePayment.date ? [`缴费晚于缴费期限 ${d.feePayment.date}`] : [];
    case 'send_reply':
      return d.reply && today > d.reply.date ? [`答复晚于答复期限 ${d.reply.date}（条例第三十三条）`] : [];
    case 'accept':
    case 'deem_abandoned_no_correction':
    case 'start_consultation':
    case 'record_service':
    case 'request_reasons':
    case 'receive_reasons':
    case 'set_reasonable_deadline':
    case 'request_extension':
    case 'extend':
    case 'issue_fee_notice':
    case 'deem_abandoned_no_fee':
    case 'submit_decision':
    case 'return_decision':
    case 'review_decision':
    case 'approve_decision':
    case 'withdraw':
    case 'archive':
      return [];
  }
}
