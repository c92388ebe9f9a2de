import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AppealKind, DecidedResult } from '../../../domain/appeals/appeal-case.ts';
import {
  APPEAL_BODY_LABEL,
  APPEAL_KIND_LABEL,
  APPEAL_KINDS,
  APPEAL_RESULT_LABEL,
  DECIDED_RESULTS,
} from '../../../domain/appeals/appeal-case.ts';
import { api, ApiError, withQuery } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import type { InboxRow, Page } from '../../types.ts';
import type { AppealCaseView } from './appeal-types.ts';

interface Values {
  kind: AppealKind;
  body: string;
  caseNumber: string;
  filedOn: Dayjs;
  decidedOn?: Dayjs | null;
  result?: DecidedResult | null;
  trackingCode?: string;
  note?: string;
}

const day = (d: string | null) => (d ? dayjs(d) : null);

/** 登记或修改案件: kind (table 四 group), body, 案号, dates and result; linked to an application by its 查询码. */
export function AppealDialog({
  appeal,
  onClose,
  onSaved,
}: {
  appeal: AppealCaseView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) as AppealKind | undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** the application a 查询码 names, or null for none */
  const applicationId = async (code: string | undefined): Promise<number | null> => {
    const q = code?.trim().toUpperCase();
    if (!q) return null;
    const found = await api<Page<InboxRow>>('GET', withQuery('/api/applications', { q, pageSize: 5 }));
    const hit = found.rows.find((r) => r.trackingCode === q);
    if (!hit) throw new ApiError(400, `没有查询码为 ${q} 的申请`, 'trackingCode');
    return hit.id;
  };
  const save = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body = {
        applicationId: await applicationId(v.trackingCode),
        kind: v.kind,
        body: v.body.trim(),
        caseNumber: v.caseNumber.trim(),
        filedOn: v.filedOn.format('YYYY-MM-DD'),
        decidedOn: v.decidedOn ? v.decidedOn.format('YYYY-MM-DD') : null,
        result: v.result ?? null,
        note: v.note?.trim() || null,
        ...(appeal ? { version: appeal.version } : {}),
      };
      if (appeal) await api('PUT', `/api/appeals/${appeal.id}`, body);
      else await api('POST', '/api/appeals', body);
      onSaved();
    } catch (e) {
      setError(showServerErrors(form, e, { applicationId: 'trackingCode' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={appeal ? `修改案件 ${appeal.caseNumber}` : '登记行政复议、行政诉讼案件'}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={
          appeal
            ? {
                ...appeal,
                filedOn: day(appeal.filedOn),
                decidedOn: day(appeal.decidedOn),
                trackingCode: appeal.applicationTrackingCode ?? '',
              }
            : { kind: 'reconsideration' }
        }
      >
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="案件类型" name="kind" rules={[{ required: true, message: '请选择案件类型' }]}>
              <Select options={APPEAL_KINDS.map((k) => ({ value: k, label: APPEAL_KIND_LABEL[k] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label={kind ? APPEAL_BODY_LABEL[kind] : '复议机关或法院'}
              name="body"
              rules={[{ required: true, whitespace: true, message: '请填写复议机关或法院' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              label="案号"
              name="caseNumber"
              rules={[{ required: true, whitespace: true, message: '请填写案号' }]}
            >
              <Input maxLength={60} placeholder="如 某区府复〔2026〕12号" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="涉及的申请（查询码，可不填）" name="trackingCode">
              <Input maxLength={30} className="mono" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              label="受理（立案）日期"
              name="filedOn"
              rules={[{ required: true, message: '请选择受理（立案）日期' }]}
            >
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="审结日期" name="decidedOn">
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="审结结果" name="result">
              <Select
                allowClear
                placeholder={APPEAL_RESULT_LABEL.pending}
                options={DECIDED_RESULTS.map((r) => ({ value: r, label: APPEAL_RESULT_LABEL[r] }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="案由或备注" name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
