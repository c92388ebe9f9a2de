import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { NormativeKind } from '../../../domain/catalog/categories.ts';
import { NORMATIVE_KIND_LABEL } from '../../../domain/catalog/categories.ts';
import { api } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import { useSession } from '../../session.tsx';

interface Values {
  kind: NormativeKind;
  title: string;
  docNumber?: string;
  issuedOn: Dayjs;
  effectiveOn?: Dayjs | null;
  expiresOn?: Dayjs | null;
  publishedOn?: Dayjs | null;
}

const d = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

/** 登记 a 规章 or 行政规范性文件 not published through the catalog (they count in table 二 all the same). */
export function NormativeDialog({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/api/catalog/agencies/${user.agencyId}/normative-documents`, {
        kind: v.kind,
        title: v.title.trim(),
        docNumber: v.docNumber?.trim() || null,
        issuedOn: d(v.issuedOn),
        effectiveOn: d(v.effectiveOn),
        expiresOn: d(v.expiresOn),
        publishedOn: d(v.publishedOn),
      });
      onSaved();
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={680}
      title="登记规章、行政规范性文件"
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ kind: 'normative_documents' }}>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="类别" name="kind">
              <Select
                options={(['rules', 'normative_documents'] as const).map((k) => ({
                  value: k,
                  label: NORMATIVE_KIND_LABEL[k],
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label="文号" name="docNumber">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="名称"
          name="title"
          rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          {(
            [
              ['issuedOn', '制发日期', true],
              ['effectiveOn', '施行日期', false],
              ['expiresOn', '有效期至', false],
              ['publishedOn', '公开日期', false],
            ] as const
          ).map(([name, label, required]) => (
            <Col span={6} key={name}>
              <Form.Item
                label={label}
                name={name}
                rules={required ? [{ required: true, message: `请选择${label}` }] : []}
              >
                <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
