import { Col, DatePicker, Form, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Channel, MailKind } from '../../domain/application/channel.ts';
import {
  CHANNEL_LABEL,
  CHANNELS,
  MAIL_KIND_LABEL,
  MAIL_KINDS,
  receiptRule,
} from '../../domain/application/channel.ts';
import { DeadlinePreview } from './DeadlinePreview.tsx';

const DATE_LABEL = { submittedOn: '提交日期', signedForOn: '签收日期', confirmedOn: '确认日期' } as const;

/**
 * How the application arrived and the date that Art. 31 makes the date of receipt for that channel, kept in
 * `receipt.date` and sent as the field the rule names (submittedOn / signedForOn / confirmedOn).
 */
export function ReceiptFields() {
  const channel = Form.useWatch(['receipt', 'channel']) as Channel | undefined;
  const mailKind = Form.useWatch(['receipt', 'mailKind']) as MailKind | null | undefined;
  const date = Form.useWatch(['receipt', 'date']) as Dayjs | null | undefined;
  const rule = channel ? receiptRule(channel, mailKind ?? null) : null;
  return (
    <>
      <Form.Item
        label="申请方式"
        name={['receipt', 'channel']}
        rules={[{ required: true, message: '请选择申请方式' }]}
      >
        <Radio.Group
          optionType="button"
          options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c] }))}
        />
      </Form.Item>
      {channel === 'mail' && (
        <Form.Item label="邮件种类" name={['receipt', 'mailKind']} initialValue="registered">
          <Radio.Group options={MAIL_KINDS.map((k) => ({ value: k, label: MAIL_KIND_LABEL[k] }))} />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            label={rule ? DATE_LABEL[rule.field] : '收到日期'}
            name={['receipt', 'date']}
            rules={[{ required: true, message: '请填写收到申请的日期' }]}
            extra={rule ? `${rule.rule}${rule.article ? `（${rule.article}）` : ''}` : undefined}
          >
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <DeadlinePreview
            received={date ? date.format('YYYY-MM-DD') : null}
            channel={channel}
            mailKind={mailKind}
          />
        </Col>
      </Row>
    </>
  );
}
