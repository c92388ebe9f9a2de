import { Alert, Button, Col, Divider, Drawer, Form, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { DeliveryMethod, InformationForm } from '../../domain/application/application.ts';
import {
  DELIVERY_METHOD_LABEL,
  DELIVERY_METHODS,
  INFORMATION_FORM_LABEL,
  INFORMATION_FORMS,
} from '../../domain/application/application.ts';
import type { Channel, MailKind } from '../../domain/application/channel.ts';
import { receiptRule } from '../../domain/application/channel.ts';
import { api } from '../api.ts';
import { showServerErrors } from '../form-errors.ts';
import type { Registered } from '../types.ts';
import { ApplicantFields } from './ApplicantFields.tsx';
import { ItemsFields } from './ItemsFields.tsx';
import { ReceiptFields } from './ReceiptFields.tsx';
import { RegisteredResult } from './RegisteredResult.tsx';

interface Values {
  applicant: Record<string, string | undefined>;
  receipt: { channel: Channel; mailKind?: MailKind; date: Dayjs };
  items: { description: string; documentNumber?: string }[];
  form: InformationForm;
  delivery: DeliveryMethod;
}

const orNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

function body(v: Values) {
  const mailKind = v.receipt.channel === 'mail' ? (v.receipt.mailKind ?? 'registered') : null;
  const field = receiptRule(v.receipt.channel, mailKind).field;
  return {
    applicant: Object.fromEntries(
      Object.entries(v.applicant).map(([k, s]) => [k, k === 'type' ? s : orNull(s)]),
    ),
    receipt: { channel: v.receipt.channel, mailKind, [field]: v.receipt.date.format('YYYY-MM-DD') },
    items: v.items.map((i) => ({
      description: i.description.trim(),
      documentNumber: orNull(i.documentNumber),
    })),
    form: v.form,
    delivery: v.delivery,
  };
}

/** 登记申请: a paper (counter, post, fax) application, checked by the server with messages at each field. */
export function RegisterDrawer({
  open,
  onClose,
  onRegistered,
}: {
  open: boolean;
  onClose: () => void;
  onRegistered: (r: Registered) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Registered | null>(null);
  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const registered = await api<Registered>('POST', '/api/applications', body(values));
      setDone(registered);
      onRegistered(registered);
    } catch (e) {
      const channel = values.receipt.channel;
      const field = receiptRule(channel, values.receipt.mailKind ?? null).field;
      setError(
        showServerErrors(form, e, { applicantType: 'applicant.type', [`receipt.${field}`]: 'receipt.date' }),
      );
    } finally {
      setBusy(false);
    }
  };
  const again = () => {
    setDone(null);
    form.resetFields();
  };
  return (
    <Drawer
      title="登记政府信息公开申请"
      size={780}
      open={open}
      onClose={() => {
        onClose();
        if (done) again();
      }}
      destroyOnHidden={false}
      footer={
        !done && (
          <Space style={{ float: 'right' }}>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()}>
              登记
            </Button>
          </Space>
        )
      }
    >
      {done ? (
        <RegisteredResult registered={done} onAgain={again} />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark
          onFinish={submit}
          scrollToFirstError
          initialValues={{
            applicant: { type: 'natural' },
            receipt: { channel: 'in_person' },
            form: 'paper',
            delivery: 'pickup',
          }}
        >
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
          <Divider titlePlacement="start">申请人</Divider>
          <ApplicantFields />
          <Divider titlePlacement="start">收到申请</Divider>
          <ReceiptFields />
          <Divider titlePlacement="start">申请公开的政府信息</Divider>
          <ItemsFields />
          <Divider titlePlacement="start">获取信息的方式</Divider>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                label="获取信息的形式"
                name="form"
                rules={[{ required: true, message: '请选择获取信息的形式' }]}
              >
                <Select
                  options={INFORMATION_FORMS.map((f) => ({ value: f, label: INFORMATION_FORM_LABEL[f] }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                label="获取信息的途径"
                name="delivery"
                rules={[{ required: true, message: '请选择获取信息的途径' }]}
              >
                <Select
                  options={DELIVERY_METHODS.map((d) => ({ value: d, label: DELIVERY_METHOD_LABEL[d] }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </Drawer>
  );
}
