import { Form, Input, Select } from 'antd';
import type { Application } from '../../../domain/application/application.ts';
import {
  SERVICE_METHOD_LABEL,
  SERVICE_METHODS,
  SERVICE_PROOF_HINT,
} from '../../../domain/application/service.ts';
import type { ServiceMethod } from '../../../domain/application/service.ts';
import { LETTER_KIND_LABEL } from '../../../domain/letters/kinds.ts';
import { DateField } from './DateField.tsx';

/**
 * 登记送达: which letter (those not yet served), how, when and the proof; 邮寄 needs the tracking number. The
 * periods the letter starts (补正, 缴费, 说明理由) run from the day after the date entered.
 */
export function ServiceFields({ application }: { application: Application }) {
  const unserved = application.letters
    .map((l, index) => ({ l, index }))
    .filter(({ l }) => l.service === null);
  const method = Form.useWatch<ServiceMethod | undefined>('method');
  return (
    <>
      <Form.Item label="文书" name="letter" rules={[{ required: true, message: '请选择送达的文书' }]}>
        <Select
          options={unserved.map(({ l, index }) => ({
            value: index,
            label: `${LETTER_KIND_LABEL[l.kind]}（${l.issuedOn} 发出）`,
          }))}
        />
      </Form.Item>
      <Form.Item label="送达方式" name="method" rules={[{ required: true, message: '请选择送达方式' }]}>
        <Select options={SERVICE_METHODS.map((m) => ({ value: m, label: SERVICE_METHOD_LABEL[m] }))} />
      </Form.Item>
      <DateField name="servedOn" label="送达日期" extra="签收或送达之日；期限自次日起计算。" />
      {method === 'post' && (
        <Form.Item
          label="邮件号"
          name="trackingNumber"
          rules={[{ required: true, whitespace: true, message: '邮寄送达须填写邮件号' }]}
        >
          <Input maxLength={40} showCount />
        </Form.Item>
      )}
      <Form.Item
        label="送达凭证"
        name="proof"
        extra={method ? SERVICE_PROOF_HINT[method] : undefined}
        rules={[{ required: method !== 'online', whitespace: true, message: '请写明送达凭证' }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}
