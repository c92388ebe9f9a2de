import { DatePicker, Form } from 'antd';

/** One date, sent as YYYY-MM-DD (see action-specs.tsx). */
export function DateField({ name, label, extra }: { name: string; label: string; extra?: string }) {
  return (
    <Form.Item
      label={label}
      name={name}
      rules={[{ required: true, message: `请选择${label}` }]}
      extra={extra}
    >
      <DatePicker format="YYYY-MM-DD" style={{ width: 180 }} />
    </Form.Item>
  );
}
