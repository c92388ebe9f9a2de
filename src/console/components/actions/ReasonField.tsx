import { Form, Input } from 'antd';

/** A written reason (退回、撤回). */
export function ReasonField({ label, required }: { label: string; required: boolean }) {
  return (
    <Form.Item
      label={label}
      name="reason"
      rules={required ? [{ required: true, whitespace: true, message: `须写明${label}` }] : []}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
    </Form.Item>
  );
}
