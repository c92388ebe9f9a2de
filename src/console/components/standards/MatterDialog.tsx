import { Alert, Checkbox, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { DISCLOSURE_METHOD_LABEL, DISCLOSURE_METHODS } from '../../../domain/catalog/item.ts';
import { MATTER_AUDIENCE_LABEL, MATTER_AUDIENCES, MATTER_LIMITS } from '../../../domain/catalog/matters.ts';
import type { MatterInput } from '../../../domain/catalog/matters.ts';
import { api } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import { useSession } from '../../session.tsx';
import type { MatterView } from '../../types-catalog.ts';

type Values = Omit<MatterInput, 'county' | 'township'> & { tiers: ('county' | 'township')[] };

/** 新增 or 修改 one 公开事项, with the guideline's columns. */
export function MatterDialog({
  matter,
  open,
  onClose,
  onSaved,
}: {
  matter: MatterView | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (v: Values) => {
    setBusy(true);
    setError(null);
    const { tiers, ...rest } = v;
    const body: MatterInput = {
      ...rest,
      content: rest.content ?? '',
      basis: rest.basis ?? '',
      subject: rest.subject ?? '',
      channels: rest.channels ?? '',
      county: tiers.includes('county'),
      township: tiers.includes('township'),
    };
    try {
      if (matter) await api('PUT', `/api/catalog/matters/${matter.id}`, body);
      else await api('POST', `/api/catalog/agencies/${user.agencyId}/matters`, body);
      onSaved();
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  const initial: Partial<Values> = matter
    ? {
        ...matter,
        tiers: [
          ...(matter.county ? ['county' as const] : []),
          ...(matter.township ? ['township' as const] : []),
        ],
      }
    : { audience: 'public', method: 'proactive', tiers: ['county'] };
  const area = (name: keyof typeof MATTER_LIMITS, label: string, rows = 2) => (
    <Form.Item label={label} name={name}>
      <Input.TextArea autoSize={{ minRows: rows, maxRows: 6 }} maxLength={MATTER_LIMITS[name]} />
    </Form.Item>
  );
  return (
    <Modal
      title={matter ? `修改公开事项：${matter.name}` : '新增公开事项'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={busy}
      width={760}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={save} initialValues={initial} preserve={false}>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              label="一级事项"
              name="level1"
              rules={[{ required: true, whitespace: true, message: '请填写一级事项' }]}
            >
              <Input maxLength={MATTER_LIMITS.level1} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              label="二级事项"
              name="level2"
              rules={[{ required: true, whitespace: true, message: '请填写二级事项' }]}
            >
              <Input maxLength={MATTER_LIMITS.level2} />
            </Form.Item>
          </Col>
        </Row>
        {area('content', '公开内容（要素）')}
        {area('basis', '公开依据')}
        <Form.Item
          label="公开时限"
          name="timeLimit"
          rules={[{ required: true, whitespace: true, message: '请填写公开时限' }]}
          extra="写明期限（如“信息形成或变更之日起20个工作日内”“批复后20日内”）时按它检查是否超期；未写期限按条例第二十六条 20 个工作日。"
        >
          <Input maxLength={MATTER_LIMITS.timeLimit} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>{area('subject', '公开主体', 1)}</Col>
          <Col span={12}>{area('channels', '公开渠道和载体', 1)}</Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="公开对象" name="audience">
              <Select
                options={MATTER_AUDIENCES.map((a) => ({ value: a, label: MATTER_AUDIENCE_LABEL[a] }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="公开方式" name="method">
              <Select
                options={DISCLOSURE_METHODS.map((m) => ({ value: m, label: DISCLOSURE_METHOD_LABEL[m] }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="公开层级" name="tiers">
              <Checkbox.Group
                options={[
                  { value: 'county', label: '县级' },
                  { value: 'township', label: '乡级' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
