import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { STATUTORY_COLUMNS } from '../../../domain/supervision/columns.ts';
import { SCORE_MEASURE, SCORE_MEASURES } from '../../../domain/supervision/score.ts';
import { api, errorMessage } from '../../api.ts';
import { EmptyText } from '../../components/EmptyText.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { showServerErrors } from '../../form-errors.ts';
import { hasRole, useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import type { ApiToken, SupervisionSettings } from './types.ts';

const MONTH_DAY = /^\d{2}-\d{2}$/;
const FIELD_MAP = Object.fromEntries(
  [
    'departmentDue',
    'governmentDue',
    'jumpFactor',
    'jumpMinimum',
    'manyItems',
    'rankMinimum',
    ...SCORE_MEASURES.map((m) => `scoreWeights.${m}`),
    ...STATUTORY_COLUMNS.map((c) => `columnStaleMonths.${c.key}`),
  ].map((k) => [`supervision.${k}`, k]),
);

type FormValues = Record<string, unknown> & {
  scoreWeights?: Record<string, number | null>;
  columnStaleMonths?: Record<string, number | null>;
};

/** The supervising agency's internal collection dates and outlier thresholds. */
function SettingsForm() {
  const { message } = App.useApp();
  const settings = useApi<SupervisionSettings>('/api/supervision/settings');
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const weights = Form.useWatch('scoreWeights', form) as Record<string, number | null> | undefined;
  const weightSum = SCORE_MEASURES.reduce((t, m) => t + (Number(weights?.[m]) || 0), 0);
  useEffect(() => {
    if (settings.data)
      form.setFieldsValue({
        ...settings.data,
        columnStaleMonths: Object.fromEntries(
          STATUTORY_COLUMNS.map((c) => [c.key, settings.data!.columnStaleMonths[c.key] ?? null]),
        ),
      });
  }, [settings.data, form]);
  const save = async (values: FormValues) => {
    setBusy(true);
    setFormError(null);
    try {
      const { scoreWeights, columnStaleMonths, ...rest } = values;
      const body = {
        ...Object.fromEntries(
          Object.entries(rest).map(([k, v]) => [k, v === '' || v === undefined ? null : v]),
        ),
        scoreWeights: Object.fromEntries(SCORE_MEASURES.map((m) => [m, scoreWeights?.[m] ?? null])),
        // a column left empty keeps its default period
        columnStaleMonths: Object.fromEntries(
          Object.entries(columnStaleMonths ?? {}).filter(([, v]) => v !== null && v !== undefined),
        ),
      };
      settings.set(await api<SupervisionSettings>('PUT', '/api/supervision/settings', body));
      void message.success('监督参数已保存');
    } catch (e) {
      const rest = showServerErrors(form, e, FIELD_MAP);
      if (rest) setFormError(rest);
    } finally {
      setBusy(false);
    }
  };
  const date = { pattern: MONTH_DAY, message: '应为“月-日”，如 01-20' };
  return (
    <Card title="内部报送日期、核查阈值、排名和考核" style={{ marginBottom: 16 }}>
      {settings.error && <LoadError message={settings.error} onRetry={settings.reload} />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 560 }}>
        <Form.Item name="departmentDue" label="部门年度报告内部报送日期（次年，不晚于 01-31）" rules={[date]}>
          <Input placeholder="如 01-20；空则为法定的 1 月 31 日" />
        </Form.Item>
        <Form.Item
          name="governmentDue"
          label="下级人民政府年度报告内部报送日期（次年，不晚于 03-31）"
          rules={[date]}
        >
          <Input placeholder="如 03-15；空则为法定的 3 月 31 日" />
        </Form.Item>
        <Form.Item name="jumpFactor" label="突增突减倍数">
          <InputNumber min={1.1} max={100} step={0.5} />
        </Form.Item>
        <Form.Item name="jumpMinimum" label="突增突减的最小数量">
          <InputNumber min={1} />
        </Form.Item>
        <Form.Item name="manyItems" label="“零申请”核查：表二处理决定数量至少">
          <InputNumber min={1} />
        </Form.Item>
        <Typography.Title level={5}>工作绩效排名和考核</Typography.Title>
        <Form.Item
          name="rankMinimum"
          label="参与排名的最低申请量（年度收到申请少于此数的机关单列，不参与排名；0 为不设下限）"
        >
          <InputNumber min={0} />
        </Form.Item>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>
            考核权重（非负整数，合计 100）：当前合计{' '}
            <strong data-testid="weight-sum" style={{ color: weightSum === 100 ? undefined : '#b1201d' }}>
              {weightSum}
            </strong>
          </legend>
          {SCORE_MEASURES.map((m) => (
            <Form.Item
              key={m}
              name={['scoreWeights', m]}
              label={`${SCORE_MEASURE[m].label}`}
              extra={SCORE_MEASURE[m].definition}
            >
              <InputNumber />
            </Form.Item>
          ))}
        </fieldset>
        <Typography.Title level={5}>法定栏目更新周期（月；空为默认）</Typography.Title>
        <Flex wrap gap={12}>
          {STATUTORY_COLUMNS.filter((c) => !c.generated).map((c) => (
            <Form.Item key={c.key} name={['columnStaleMonths', c.key]} label={c.label} style={{ width: 160 }}>
              <InputNumber placeholder={`默认 ${c.staleMonths}`} style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </Flex>
        {formError && (
          <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 12 }} />
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
      </Form>
    </Card>
  );
}

/** Read-only API tokens for the provincial platform (administrators). */
function Tokens() {
  const { message } = App.useApp();
  const tokens = useApi<{ tokens: ApiToken[] }>('/api/supervision/tokens');
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const create = async () => {
    try {
      const r = await api<{ token: string }>('POST', '/api/supervision/tokens', { name });
      setCreated(r.token);
      setCreating(false);
      setName('');
      tokens.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const revoke = async (id: number) => {
    try {
      await api('DELETE', `/api/supervision/tokens/${id}`);
      tokens.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Card
      title="数据接口令牌（只读）"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建令牌
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        上级平台以请求头 <code>Authorization: Bearer 令牌</code> 调用 /api/supervision/
        下的查询接口，可读取本机关及所辖机关的汇总数据；每次调用均记入审计日志。
      </Typography.Paragraph>
      {created && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setCreated(null)}
          title="令牌已创建，只显示这一次，请立即复制保存"
          description={
            <Typography.Text copyable className="mono">
              {created}
            </Typography.Text>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {tokens.error && <LoadError message={tokens.error} onRetry={tokens.reload} />}
      <Table<ApiToken>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={tokens.data?.tokens ?? []}
        locale={{ emptyText: <EmptyText>尚无令牌</EmptyText> }}
        columns={[
          { title: '用途', dataIndex: 'name' },
          { title: '末四位', dataIndex: 'hint', className: 'mono', width: 80 },
          { title: '创建时间', key: 'created', render: (_, t) => t.createdAt.slice(0, 16).replace('T', ' ') },
          {
            title: '最近使用',
            key: 'used',
            render: (_, t) => (t.lastUsedAt ? t.lastUsedAt.slice(0, 16).replace('T', ' ') : '从未使用'),
          },
          {
            title: '状态',
            key: 'state',
            render: (_, t) =>
              t.revokedAt ? (
                '已撤销'
              ) : (
                <Popconfirm title="撤销后该令牌立即失效，确定撤销？" onConfirm={() => void revoke(t.id)}>
                  <Button size="small" danger aria-label={`撤销令牌 ${t.name}`}>
                    撤销
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title="新建数据接口令牌"
        okText="创建"
        cancelText="取消"
        okButtonProps={{ disabled: name.trim() === '' }}
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
      >
        <Form layout="vertical">
          <Form.Item label="用途" htmlFor="token-name">
            <Input
              id="token-name"
              value={name}
              maxLength={100}
              onChange={(e) => setName(e.target.value)}
              placeholder="如：省政务公开平台"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

export function SettingsTab() {
  const { user } = useSession();
  return (
    <>
      <SettingsForm />
      {hasRole(user, 'admin') && <Tokens />}
    </>
  );
}
