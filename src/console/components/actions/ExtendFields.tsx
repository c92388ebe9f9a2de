import { Form, Input, InputNumber } from 'antd';
import { PERIODS } from '../../../domain/application/deadlines.ts';

/** 延长答复期限 (条例第三十三条第二款): once, at most 20 working days, with the reason told to the applicant. */
export function ExtendFields() {
  const max = PERIODS.extensionMax.days;
  return (
    <>
      <Form.Item
        label="延长的期限（工作日）"
        name="days"
        rules={[{ required: true, message: '请填写延长的工作日数' }]}
        extra={`只能延长一次，最长不超过 ${max} 个工作日；系统将生成延期答复告知书。`}
      >
        <InputNumber min={1} max={max} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item
        label="延期理由"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '须写明延长答复期限的理由' }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
      </Form.Item>
    </>
  );
}
