import { Alert, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  DISCLOSURE_METHOD_LABEL,
  DISCLOSURE_METHODS,
  DISCLOSURE_SCOPE_LABEL,
  DISCLOSURE_SCOPES,
} from '../../../domain/catalog/item.ts';
import { PUBLICATION_PERIOD_WORKING_DAYS } from '../../../domain/catalog/lateness.ts';
import { api } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import { useSession } from '../../session.tsx';
import type { ItemView } from '../../types-catalog.ts';
import { categoryTree } from './category-options.ts';
import { useCatalogConfig } from './use-catalog-config.ts';

const DATES = ['writtenOn', 'changedOn', 'effectiveOn'] as const;
type Values = Record<string, unknown> & Partial<Record<(typeof DATES)[number], Dayjs | null>>;

const FIELDS = [
  'title',
  'publisher',
  'docNumber',
  'categoryCode',
  'topic',
  'method',
  'scope',
  'summary',
  'body',
] as const;

const toValues = (item: ItemView): Values => ({
  ...Object.fromEntries(FIELDS.map((f) => [f, item[f]])),
  ...Object.fromEntries(DATES.map((d) => [d, item[d] ? dayjs(item[d]) : null])),
});

function toBody(v: Values) {
  const out: Record<string, unknown> = {};
  for (const key of FIELDS) out[key] = typeof v[key] === 'string' ? v[key] : (v[key] ?? null);
  for (const d of DATES) out[d] = v[d] ? v[d].format('YYYY-MM-DD') : null;
  for (const key of ['title', 'publisher', 'categoryCode', 'summary', 'body']) out[key] ??= '';
  return out;
}

/** 起草 or 修改草稿: the metadata Chinese government sites publish with every item, and the body. */
export function ItemEditor({
  item,
  open,
  onClose,
  onSaved,
}: {
  item: ItemView | null;
  open: boolean;
  onClose: () => void;
  onSaved: (item: ItemView) => void;
}) {
  const { user } = useSession();
  const config = useCatalogConfig();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const saved = item
        ? await api<ItemView>('PATCH', `/api/catalog/items/${item.id}`, toBody(v))
        : await api<ItemView>('POST', `/api/catalog/agencies/${user.agencyId}/items`, toBody(v));
      onSaved(saved);
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      title={item ? `修改草稿：${item.title}` : '起草政府信息'}
      size={820}
      open={open}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            保存草稿
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        scrollToFirstError
        initialValues={
          item ? toValues(item) : { publisher: user.agencyName ?? '', method: 'proactive', scope: 'full' }
        }
      >
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Form.Item
          label="标题"
          name="title"
          rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              label="发布机构"
              name="publisher"
              rules={[{ required: true, whitespace: true, message: '请填写发布机构' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="文号" name="docNumber">
              <Input maxLength={100} placeholder="如 某卫健发〔2026〕3号" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              label="成文日期"
              name="writtenOn"
              extra={`条例第二十六条：自形成之日起 ${PUBLICATION_PERIOD_WORKING_DAYS} 个工作日内公开`}
            >
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="变更日期（如有）" name="changedOn">
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="施行日期（规章、规范性文件）" name="effectiveOn">
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              label="目录分类"
              name="categoryCode"
              rules={[{ required: true, message: '请选择目录分类' }]}
            >
              <TreeSelect
                treeData={config.data ? categoryTree(config.data.categories, true) : []}
                disabled={!config.data}
                placeholder={config.data ? '请选择' : '正在加载分类…'}
                treeDefaultExpandAll
                showSearch
                treeNodeFilterProp="title"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="主题分类" name="topic">
              <Input maxLength={60} placeholder="如 卫生、体育/医药管理" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="公开方式" name="method">
              <Select
                options={DISCLOSURE_METHODS.map((m) => ({ value: m, label: DISCLOSURE_METHOD_LABEL[m] }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="公开范围" name="scope">
              <Select
                options={DISCLOSURE_SCOPES.map((s) => ({ value: s, label: DISCLOSURE_SCOPE_LABEL[s] }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="内容概述" name="summary">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        <Form.Item
          label="正文"
          name="body"
          extra="保存后自动检查身份证号码、手机号码、银行卡号、电子邮箱和密级标识，须经审核人逐项确认后才能发布。"
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={1_000_000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
