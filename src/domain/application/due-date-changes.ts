import type { LocalDate } from '../calendar/local-date.ts';
import type { Deadlines, DueDate } from './deadlines.ts';
import { CONSULTATION, PERIODS } from './deadlines.ts';

/** The due dates an application carries; each change of one is recorded with its reason and article. */
export const DUE_KINDS = [
  'correction_notice',
  'correction_response',
  'reply',
  'consultation',
  'fee_payment',
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export const DUE_KIND_LABEL: Record<DueKind, string> = {
  correction_notice: '补正告知期限',
  correction_response: '补正期限',
  reply: '答复期限',
  consultation: '征求意见期限',
  fee_payment: '缴费期限',
};

export const DUE_DATE_REASONS = [
  'registered',
  'correction_requested',
  'correction_received',
  'consultation_started',
  'consultation_ended',
  'extended',
  'fee_notice_served',
  'fee_paid',
  'letter_served',
  'reasonable_deadline_set',
  'schedule_updated',
] as const;
export type DueDateReason = (typeof DUE_DATE_REASONS)[number];

export const DUE_DATE_REASON_LABEL: Record<DueDateReason, string> = {
  registered: '登记收到申请',
  correction_requested: '告知补正，答复期限自收到补正申请之日起重新计算',
  correction_received: '收到补正后的申请',
  consultation_started: '开始征求意见',
  consultation_ended: '征求意见结束，所需时间不计入答复期限',
  extended: '经负责人同意延长答复期限',
  fee_notice_served: '送达收费通知',
  fee_paid: '缴纳信息处理费，缴费期间不计入答复期限',
  letter_served: '文书送达，期限自送达之次日起计算',
  reasonable_deadline_set: '申请数量、频次明显超过合理范围，确定延迟答复的合理期限',
  schedule_updated: '放假安排更新，重新计算工作日',
};

/** One change of one due date. `from` null: first fixed; `to` null: no longer running. */
export interface DueDateChange {
  due: DueKind;
  from: LocalDate | null;
  to: LocalDate | null;
  /** the new date depends on a year without a published schedule */
  provisional: boolean;
  reason: DueDateReason;
  /** short citation (citations.ts) */
  article: string;
  /** the day of the change */
  on: LocalDate;
}

const DUE_ARTICLE: Record<Exclude<DueKind, 'consultation'>, string> = {
  correction_notice: PERIODS.correctionNotice.article,
  correction_response: PERIODS.correctionNotice.article,
  reply: PERIODS.reply.article,
  fee_payment: PERIODS.feePayment.article,
};

const REASON_ARTICLE: Partial<Record<DueDateReason, string>> = {
  correction_requested: '条例第三十条',
  correction_received: '条例第三十条',
  consultation_ended: '条例第三十三条第三款',
  extended: PERIODS.extensionMax.article,
  fee_paid: PERIODS.feePayment.article,
  reasonable_deadline_set: '条例第三十五条',
  schedule_updated: '国务院办公厅节假日安排通知',
};

const pick = (d: Deadlines | null, due: DueKind): DueDate | null => {
  if (!d) return null;
  switch (due) {
    case 'correction_notice':
      return d.correctionNotice;
    case 'correction_response':
      return d.correctionResponse;
    case 'reply':
      return d.reply;
    case 'consultation':
      return d.consultation;
    case 'fee_payment':
      return d.feePayment;
  }
};

/** The changes between two derivations of an application's deadlines (before = null: first registration). */
export function dueDateChanges(
  before: Deadlines | null,
  after: Deadlines,
  reason: DueDateReason,
  on: LocalDate,
): DueDateChange[] {
  const changes: DueDateChange[] = [];
  for (const due of DUE_KINDS) {
    const [a, b] = [pick(before, due), pick(after, due)];
    if (a?.date === b?.date && (a?.provisional ?? false) === (b?.provisional ?? false)) continue;
    const kind = after.consultation?.kind ?? before?.consultation?.kind ?? 'third_party';
    const article =
      due === 'consultation' ? CONSULTATION[kind].article : (REASON_ARTICLE[reason] ?? DUE_ARTICLE[due]);
    changes.push({
      due,
      from: a?.date ?? null,
      to: b?.date ?? null,
      provisional: b?.provisional ?? false,
      reason,
      article,
      on,
    });
  }
  return changes;
}
