import { Button, Form, InputNumber, Radio, Space } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import type { FeeAssessment, FeeMethod } from '../../../domain/application/fees.ts';
import { FEE_METHOD, FEE_METHODS } from '../../../domain/application/fees.ts';
import { api, errorMessage, withQuery } from '../../api.ts';
import { FeeQuote } from './FeeQuote.tsx';

/** 收费通知 (国办函〔2020〕109号): choose one method, have the server compute it, then serve the notice. */
export function FeeNoticeFields({ form, applicationId }: { form: FormInstance; applicationId: number }) {
  const method = Form.useWatch('method', form) as FeeMethod | undefined;
  const [busy, setBusy] = useState(false);
  const quote = async () => {
    const pages = form.getFieldValue('pages') as number | null | undefined;
    setBusy(true);
    try {
      const assessment = await api<FeeAssessment>(
        'GET',
        withQuery(`/api/applications/${applicationId}/fee-quote`, {
          method: method ?? 'per_application',
          pages: method === 'per_page' ? pages : null,
        }),
      );
      form.setFields([{ name: 'assessment', value: assessment, errors: [] }]);
    } catch (e) {
      form.setFields([{ name: method === 'per_page' ? 'pages' : 'assessment', errors: [errorMessage(e)] }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Form.Item
        label="收费方式（二者选一）"
        name="method"
        rules={[{ required: true, message: '请选择收费方式' }]}
      >
        <Radio.Group
          onChange={() => form.setFieldValue('assessment', null)}
          options={FEE_METHODS.map((m) => ({ value: m, label: FEE_METHOD[m].label }))}
        />
      </Form.Item>
      <Space align="start">
        {method === 'per_page' && (
          <Form.Item label="页数" name="pages" rules={[{ required: true, message: '按量计收须填写页数' }]}>
            <InputNumber min={0} precision={0} style={{ width: 120 }} />
          </Form.Item>
        )}
        <Form.Item label=" " colon={false}>
          <Button onClick={() => void quote()} loading={busy} disabled={!method}>
            测算金额
          </Button>
        </Form.Item>
      </Space>
      <Form.Item
        name="assessment"
        rules={[
          { required: true, message: '请先测算收费金额' },
          {
            validator: (_, v: FeeAssessment | null) =>
              !v || v.amount > 0 ? Promise.resolve() : Promise.reject(new Error('不收费时不发收费通知')),
          },
        ]}
      >
        <FeeQuote />
      </Form.Item>
    </>
  );
}
