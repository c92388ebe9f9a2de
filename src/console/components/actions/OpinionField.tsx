import { Form, Input } from 'antd';
import { DEFAULT_OPINION, OPINION_MAX_LENGTH } from '../../../domain/application/actions.ts';

/** 审核意见 / 签发意见: recorded with the step; left blank it records “同意”. */
export function OpinionField({ label }: { label: string }) {
  return (
    <Form.Item
      label={label}
      name="opinion"
      style={{ marginTop: 12 }}
      extra={`留空记为“${DEFAULT_OPINION}”。`}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={OPINION_MAX_LENGTH} showCount />
    </Form.Item>
  );
}
