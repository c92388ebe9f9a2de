import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import type { Action, ActionType } from '../../../domain/application/actions.ts';
import { DEFAULT_CORRECTION_PERIOD_DAYS } from '../../../domain/application/actions.ts';
import type { Decision } from '../../../domain/application/decisions.ts';
import { PERIODS } from '../../../domain/application/deadlines.ts';
import type { FeeAssessment } from '../../../domain/application/fees.ts';
import type { ApplicationView } from '../../types.ts';
import { DecisionSummary } from '../DecisionSummary.tsx';
import { ConsultationFields } from './ConsultationFields.tsx';
import { CorrectionFields } from './CorrectionFields.tsx';
import { DateField } from './DateField.tsx';
import { DecisionFields } from './DecisionFields.tsx';
import { ExtendFields } from './ExtendFields.tsx';
import { FeeNoticeFields } from './FeeNoticeFields.tsx';
import { ReasonField } from './ReasonField.tsx';

type Values = Record<string, unknown>;

export interface ActionSpec {
  /** the form's fields, or an explanation of what the step does */
  body: (form: FormInstance, view: ApplicationView) => ReactNode;
  toAction: (values: Values) => Action;
  initialValues?: Values;
  /** the step ends the application without a decision on the merits */
  danger?: boolean;
  /** the next step in the ordinary course: shown as the primary button */
  forward?: boolean;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const orNull = (v: unknown) => text(v) || null;
const confirm = (what: string) => () => <p style={{ margin: 0 }}>{what}</p>;

/** Every action of the state machine (domain/application/transitions.ts) and its form. */
export const ACTION_SPECS: Record<ActionType, ActionSpec> = {
  accept: {
    forward: true,
    body: confirm('申请内容明确，开始办理。答复期限自收到申请之日起计算。'),
    toAction: () => ({ type: 'accept' }),
  },
  request_correction: {
    body: () => <CorrectionFields />,
    initialValues: { periodDays: DEFAULT_CORRECTION_PERIOD_DAYS },
    toAction: (v) => ({
      type: 'request_correction',
      points: text(v.points)
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean),
      periodDays: Number(v.periodDays),
    }),
  },
  receive_correction: {
    forward: true,
    body: () => (
      <DateField
        name="receivedOn"
        label="收到补正后的申请之日"
        extra="答复期限自该日起重新计算（条例第三十条）；日期按条例第三十一条确定。"
      />
    ),
    toAction: (v) => ({
      type: 'receive_correction',
      receivedOn: (v.receivedOn as Dayjs).format('YYYY-MM-DD'),
    }),
  },
  deem_abandoned_no_correction: {
    danger: true,
    body: confirm(
      '申请人无正当理由逾期不补正，视为放弃申请，不再处理（条例第三十条）。本件计入表三（六）1。',
    ),
    toAction: () => ({ type: 'deem_abandoned_no_correction' }),
  },
  start_consultation: {
    body: () => <ConsultationFields />,
    initialValues: { kind: 'third_party' },
    toAction: (v) => ({ type: 'start_consultation', kind: v.kind as 'third_party', party: text(v.party) }),
  },
  end_consultation: {
    forward: true,
    body: confirm('已收到意见或意见期限届满，恢复计算答复期限。'),
    toAction: () => ({ type: 'end_consultation' }),
  },
  extend: {
    body: () => <ExtendFields />,
    initialValues: { days: PERIODS.extensionMax.days },
    toAction: (v) => ({ type: 'extend', days: Number(v.days), reason: text(v.reason) }),
  },
  issue_fee_notice: {
    body: (form, view) => <FeeNoticeFields form={form} applicationId={view.id} />,
    toAction: (v) => ({ type: 'issue_fee_notice', assessment: v.assessment as FeeAssessment }),
  },
  record_payment: {
    forward: true,
    body: confirm('申请人已缴纳信息处理费，恢复计算答复期限。'),
    toAction: () => ({ type: 'record_payment' }),
  },
  deem_abandoned_no_fee: {
    danger: true,
    body: confirm('申请人逾期未按收费通知要求缴纳费用，不再处理其申请。本件计入表三（六）2。'),
    toAction: () => ({ type: 'deem_abandoned_no_fee' }),
  },
  submit_decision: {
    forward: true,
    body: (form) => <DecisionFields form={form} />,
    toAction: (v) => {
      const d = (v.decision ?? {}) as Partial<Record<keyof Decision, unknown>>;
      return {
        type: 'submit_decision',
        decision: {
          outcome: d.outcome as Decision['outcome'],
          replyType: (d.replyType as Decision['replyType']) ?? null,
          exemption: orNull(d.exemption),
          reasons: orNull(d.reasons),
          responsibleAgency: orNull(d.responsibleAgency),
        },
      };
    },
  },
  return_decision: {
    body: () => <ReasonField label="退回的理由" required />,
    toAction: (v) => ({ type: 'return_decision', reason: text(v.reason) }),
  },
  approve_decision: {
    forward: true,
    body: (_, view) =>
      view.application.decision ? <DecisionSummary decision={view.application.decision} /> : null,
    toAction: () => ({ type: 'approve_decision' }),
  },
  send_reply: {
    forward: true,
    body: confirm('向申请人送达答复告知书，本件办结。'),
    toAction: () => ({ type: 'send_reply' }),
  },
  withdraw: {
    danger: true,
    body: () => <ReasonField label="撤回的理由（如申请人说明）" required={false} />,
    toAction: (v) => ({ type: 'withdraw', reason: orNull(v.reason) }),
  },
  archive: {
    forward: true,
    body: confirm('办理完毕，将本件材料归档（条例第四十五条）。'),
    toAction: () => ({ type: 'archive' }),
  },
};
