import { Form, Input, InputNumber } from 'antd';
import { MAX_CORRECTION_PERIOD_DAYS } from '../../../domain/application/actions.ts';

/** 告知补正 (条例第三十条): every point at once, one per line, and a reasonable period. */
export function CorrectionFields() {
  return (
    <>
      <Form.Item
        label="需要补正的事项（每行一项，须一次性列明全部事项）"
        name="points"
        rules={[{ required: true, whitespace: true, message: '请列明需要补正的事项' }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Form.Item
        label="补正期限（工作日）"
        name="periodDays"
        rules={[{ required: true, message: '请填写补正期限' }]}
        extra="自申请人收到补正告知之日起计算；逾期无正当理由不补正的，视为放弃申请。"
      >
        <InputNumber min={1} max={MAX_CORRECTION_PERIOD_DAYS} precision={0} style={{ width: 120 }} />
      </Form.Item>
    </>
  );
}
