import { Form, Input, Radio } from 'antd';
import { CONSULTATION, CONSULTATION_KINDS, PERIODS } from '../../../domain/application/deadlines.ts';

/** 征求意见 (条例第三十二条、第三十四条): whom, in writing; the time is not counted in the reply period. */
export function ConsultationFields() {
  return (
    <>
      <Form.Item label="征求意见对象" name="kind" rules={[{ required: true, message: '请选择征求意见对象' }]}>
        <Radio.Group
          options={CONSULTATION_KINDS.map((k) => ({
            value: k,
            label: `${CONSULTATION[k].label}（${CONSULTATION[k].article}）`,
          }))}
        />
      </Form.Item>
      <Form.Item
        label="第三方或行政机关名称"
        name="party"
        rules={[{ required: true, whitespace: true, message: '须写明征求意见的第三方或行政机关' }]}
        extra={`对方应在 ${PERIODS.consultation.days} 个工作日内提出意见；征求意见所需时间不计入答复期限（条例第三十三条第三款）。`}
      >
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}
