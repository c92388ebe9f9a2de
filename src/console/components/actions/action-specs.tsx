import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { Form, Input, InputNumber, Radio } from 'antd';
import type { ReactNode } from 'react';
import type { ServiceMethod } from '../../../domain/application/service.ts';
import { FIELD_LIMITS } from '../../../domain/application/limits.ts';
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
import { ServiceFields } from './ServiceFields.tsx';

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
  /** a change to the applicant's particulars sent with the action (a 补正's new address) */
  applicant?: (values: Values) => { address: string } | undefined;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const orNull = (v: unknown) => text(v) || null;
const confirm = (what: string) => () => <p style={{ margin: 0 }}>{what}</p>;
const lines = (v: unknown) =>
  text(v)
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);

/** Every action of the state machine (domain/application/transitions.ts) and its form. */
export const ACTION_SPECS: Record<ActionType, ActionSpec> = {
  accept: {
    forward: true,
    body: confirm('申请内容明确，开始办理。答复期限自收到申请之日起计算。'),
    toAction: () => ({ type: 'accept' }),
  },
  request_correction: {
    body: (_, view) => (
      <>
        <CorrectionFields />
        {view.availableActions.includes('request_correction') &&
          view.today > view.application.deadlines.correctionNotice.date && (
            <Form.Item
              label={`已超过补正告知期限（${view.application.deadlines.correctionNotice.date}，条例第三十条）：确需告知的理由`}
              name="lateReason"
              extra="逾期告知的，答复期限不重新计算。"
              rules={[{ required: true, whitespace: true, message: '请写明逾期仍告知补正的理由' }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
            </Form.Item>
          )}
      </>
    ),
    initialValues: { periodDays: DEFAULT_CORRECTION_PERIOD_DAYS },
    toAction: (v) => ({
      type: 'request_correction',
      points: text(v.points)
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean),
      periodDays: Number(v.periodDays),
      ...(text(v.lateReason) ? { lateReason: text(v.lateReason) } : {}),
    }),
  },
  receive_correction: {
    forward: true,
    body: () => (
      <>
        <DateField
          name="receivedOn"
          label="收到补正后的申请之日"
          extra="答复期限自该日起重新计算（条例第三十条）；日期按条例第三十一条确定。"
        />
        <Form.Item label="补正后的申请内容（每行一项；不变的留空）" name="items">
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={FIELD_LIMITS.description}
            showCount
          />
        </Form.Item>
        <Form.Item label="新的通信地址（不变的留空）" name="address">
          <Input maxLength={FIELD_LIMITS['applicant.address']} showCount />
        </Form.Item>
      </>
    ),
    toAction: (v) => {
      const items = lines(v.items).map((description) => ({ description, documentNumber: null }));
      return {
        type: 'receive_correction',
        receivedOn: (v.receivedOn as Dayjs).format('YYYY-MM-DD'),
        ...(items.length > 0 ? { items } : {}),
      };
    },
    applicant: (v) => (text(v.address) ? { address: text(v.address) } : undefined),
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
    body: () => (
      <Form.Item label="被征求意见方" name="answered" rules={[{ required: true, message: '请选择' }]}>
        <Radio.Group
          options={[
            { value: true, label: '已提出意见（以今天为收到意见之日）' },
            { value: false, label: '逾期未提出意见，由本机关依法决定（条例第三十二条）' },
          ]}
        />
      </Form.Item>
    ),
    initialValues: { answered: true },
    toAction: (v) => ({ type: 'end_consultation', answered: v.answered !== false }),
  },
  record_service: {
    body: (_, view) => <ServiceFields application={view.application} />,
    initialValues: { method: 'in_person' },
    toAction: (v) => ({
      type: 'record_service',
      letter: Number(v.letter),
      service: {
        method: v.method as ServiceMethod,
        servedOn: (v.servedOn as Dayjs).format('YYYY-MM-DD'),
        proof: orNull(v.proof),
        trackingNumber: orNull(v.trackingNumber),
      },
    }),
  },
  request_reasons: {
    body: () => (
      <>
        <p style={{ marginTop: 0 }}>
          申请公开政府信息的数量、频次明显超过合理范围的，可以要求申请人说明理由（条例第三十五条）；期限自说明理由通知书送达之次日起计算。
        </p>
        <Form.Item
          label="要求说明的事项"
          name="points"
          rules={[{ required: true, whitespace: true, message: '请写明要求说明的事项' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item label="说明理由的期限（工作日）" name="periodDays" rules={[{ required: true }]}>
          <InputNumber min={1} max={60} />
        </Form.Item>
      </>
    ),
    initialValues: { periodDays: PERIODS.reasons.days },
    toAction: (v) => ({ type: 'request_reasons', points: text(v.points), periodDays: Number(v.periodDays) }),
  },
  receive_reasons: {
    forward: true,
    body: () => (
      <>
        <DateField name="receivedOn" label="收到理由说明之日" />
        <Form.Item
          label="申请人说明的理由"
          name="reasons"
          rules={[{ required: true, whitespace: true, message: '请记录申请人说明的理由' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
        </Form.Item>
      </>
    ),
    toAction: (v) => ({
      type: 'receive_reasons',
      receivedOn: (v.receivedOn as Dayjs).format('YYYY-MM-DD'),
      reasons: text(v.reasons),
    }),
  },
  set_reasonable_deadline: {
    body: () => (
      <>
        <p style={{ marginTop: 0 }}>
          申请理由合理，但无法在条例第三十三条规定的期限内答复的，确定延迟答复的合理期限并告知申请人（条例第三十五条）。理由不合理的，请以“（五）4
          无正当理由大量反复申请”提交答复意见。
        </p>
        <DateField name="dueOn" label="确定的答复期限" />
        <ReasonField label="不能按期答复的理由" required />
      </>
    ),
    toAction: (v) => ({
      type: 'set_reasonable_deadline',
      dueOn: (v.dueOn as Dayjs).format('YYYY-MM-DD'),
      reason: text(v.reason),
    }),
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
