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
import type { ItemView, MatterView } from '../../types-catalog.ts';
import { useApi } from '../../use-api.ts';
import type { ItemKind } from '../../../domain/catalog/item-kind.ts';
import {
  INTERPRETATION_FORM_LABEL,
  INTERPRETATION_FORMS,
  ITEM_KIND_LABEL,
  ITEM_KINDS,
} from '../../../domain/catalog/item-kind.ts';
import { categoryTree } from './category-options.ts';
import { useCatalogConfig } from './use-catalog-config.ts';

const DATES = ['writtenOn', 'changedOn', 'effectiveOn', 'concernRaisedOn'] as const;
type Values = Record<string, unknown> & Partial<Record<(typeof DATES)[number], Dayjs | null>>;

const FIELDS = [
  'title',
  'publisher',
  'docNumber',
  'categoryCode',
  'matterId',
  'kind',
  'interpretsItemId',
  'interpretationForm',
  'mediaUrl',
  'concernSource',
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
  out.kind ??= 'information';
  for (const key of ['interpretsItemId', 'interpretationForm', 'mediaUrl'])
    if (out.kind !== 'interpretation') out[key] = null;
  for (const key of ['concernSource', 'concernRaisedOn']) if (out.kind !== 'response') out[key] = null;
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
  const kind = (Form.useWatch('kind', form) as ItemKind | undefined) ?? item?.kind ?? 'information';
  const matters = useApi<{ matters: MatterView[] }>(
    open ? `/api/catalog/agencies/${user.agencyId}/matters` : null,
  );
  const documents = useApi<{ items: { id: number; title: string; docNumber: string | null }[] }>(
    open && kind === 'interpretation' ? `/api/catalog/agencies/${user.agencyId}/items?pageSize=100` : null,
  );
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
          item
            ? toValues(item)
            : { publisher: user.agencyName ?? '', method: 'proactive', scope: 'full', kind: 'information' }
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
          <Col span={16}>
            <Form.Item
              label="公开事项（标准目录）"
              name="matterId"
              extra="所归入事项的公开时限决定本信息的公开期限；未归入的按条例第二十六条 20 个工作日计。"
            >
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={matters.data?.matters.length === 0 ? '本机关尚未建立标准目录' : '请选择'}
                options={(matters.data?.matters ?? []).map((m) => ({
                  value: m.id,
                  label: `${m.name}（${m.timeLimit}）`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="信息类型" name="kind">
              <Select options={ITEM_KINDS.map((k) => ({ value: k, label: ITEM_KIND_LABEL[k] }))} />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'interpretation' && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                label="所解读的文件"
                name="interpretsItemId"
                rules={[{ required: true, message: '请选择所解读的文件' }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={(documents.data?.items ?? [])
                    .filter((d) => d.id !== item?.id)
                    .map((d) => ({
                      value: d.id,
                      label: d.docNumber ? `${d.title}（${d.docNumber}）` : d.title,
                    }))}
                />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item
                label="解读形式"
                name="interpretationForm"
                rules={[{ required: true, message: '请选择解读形式' }]}
              >
                <Select
                  options={INTERPRETATION_FORMS.map((f) => ({
                    value: f,
                    label: INTERPRETATION_FORM_LABEL[f],
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item label="视频链接（视频解读）" name="mediaUrl">
                <Input maxLength={500} placeholder="https://…" />
              </Form.Item>
            </Col>
          </Row>
        )}
        {kind === 'response' && (
          <Row gutter={12}>
            <Col span={16}>
              <Form.Item
                label="关切来源"
                name="concernSource"
                rules={[{ required: true, whitespace: true, message: '请填写关切来源' }]}
              >
                <Input maxLength={200} placeholder="如 12345 热线、网民留言、媒体报道" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                label="关切提出日期"
                name="concernRaisedOn"
                rules={[{ required: true, message: '请选择关切提出日期' }]}
              >
                <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
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
