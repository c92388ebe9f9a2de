import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  DEFAULT_INDEX_SCHEME,
  formatIndexNumber,
  parseIndexScheme,
} from '../../../domain/catalog/index-number.ts';
import { api } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import { LoadError } from '../LoadError.tsx';
import { useApi } from '../../use-api.ts';
import type { SealMeta } from './SealSettings.tsx';
import { SealSettings } from './SealSettings.tsx';

export interface Agency {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  settings: Record<string, unknown>;
}

/** The settings this form edits; others in `settings` are kept as they are (the server merges). */
const OFFICE_FIELDS = [
  ['name', '政府信息公开工作机构名称'],
  ['address', '办公地址'],
  ['postcode', '邮政编码'],
  ['hours', '办公时间'],
  ['phone', '咨询电话'],
  ['fax', '传真'],
  ['email', '电子邮箱'],
  ['website', '网站'],
] as const;

/** The portal footer's site identification (政府网站发展指引): settings.site. */
const SITE_FIELDS = [
  ['sponsor', '主办单位', '留空使用机关名称'],
  ['siteCode', '网站标识码', '10 位，如 3301000001'],
  ['icpNumber', 'ICP备案号', '如 浙ICP备05070602号-1'],
  ['policeNumber', '公安机关备案号', '如 浙公网安备 33010602000123号'],
] as const;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
/** The letters read address and phone at the top of the settings; the 公开指南 reads the office block first. */
const SHARED = { address: 'address', hours: 'officeHours', phone: 'phone' } as const;

function schemeCheck(_: unknown, value: string | undefined) {
  const parsed = parseIndexScheme(value?.trim() || DEFAULT_INDEX_SCHEME);
  return parsed.ok ? Promise.resolve() : Promise.reject(new Error(parsed.error));
}

/** 机关设置: name, the OGI office (for the 公开指南), channels, 索引号 scheme, letter 文号, the fee clock rule. */
export function AgencySettingsForm() {
  const { message } = App.useApp();
  const { data, error, reload, set } = useApi<Agency>('/api/admin/agency');
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const scheme = Form.useWatch('indexScheme', form) as string | undefined;
  useEffect(() => {
    if (!data) return;
    const s = data.settings;
    form.setFieldsValue({
      name: data.name,
      office: {
        ...((s.office as Record<string, unknown> | undefined) ?? {}),
        ...Object.fromEntries(
          Object.entries(SHARED).map(([k, top]) => [
            k,
            str((s.office as Record<string, unknown> | undefined)?.[k]) || str(s[top]),
          ]),
        ),
      },
      site: Object.fromEntries(
        SITE_FIELDS.map(([k]) => [k, str((s.site as Record<string, unknown> | undefined)?.[k])]),
      ),
      searchSynonyms: Array.isArray(s.searchSynonyms)
        ? (s.searchSynonyms as unknown[]).join('\n')
        : str(s.searchSynonyms),
      letterhead: str(s.letterhead),
      reconsiderationBodyName: str(s.reconsiderationBodyName),
      channels: Array.isArray(s.channels) ? s.channels : [],
      readingRooms: Array.isArray(s.readingRooms) ? s.readingRooms : [],
      departments: Array.isArray(s.departments) ? s.departments : [],
      indexScheme: typeof s.indexScheme === 'string' ? s.indexScheme : '',
      letterNumberPrefix: typeof s.letterNumberPrefix === 'string' ? s.letterNumberPrefix : '',
      feePausesReplyClock: s.feePausesReplyClock !== false,
    });
  }, [data, form]);
  if (error) return <LoadError message={error} onRetry={reload} />;
  const parsed = parseIndexScheme(scheme?.trim() || DEFAULT_INDEX_SCHEME);
  const example =
    parsed.ok && data
      ? formatIndexNumber(parsed.scheme, {
          agencyCode: data.code,
          year: 2026,
          categoryCode: 'GK01',
          serial: 42,
        })
      : null;
  const save = async (v: Record<string, unknown>) => {
    setBusy(true);
    setFormError(null);
    try {
      const office = (v.office ?? {}) as Record<string, string | undefined>;
      const settings = {
        office,
        site: Object.fromEntries(
          SITE_FIELDS.map(([k]) => [
            k,
            String((v.site as Record<string, unknown> | undefined)?.[k] ?? '').trim() || null,
          ]),
        ),
        ...Object.fromEntries(Object.entries(SHARED).map(([k, top]) => [top, office[k]?.trim() || null])),
        searchSynonyms: String(v.searchSynonyms ?? '')
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l),
        letterhead: String(v.letterhead ?? '').trim() || null,
        reconsiderationBodyName: String(v.reconsiderationBodyName ?? '').trim() || null,
        channels: v.channels,
        readingRooms: v.readingRooms,
        departments: v.departments,
        indexScheme: String(v.indexScheme ?? '').trim() || DEFAULT_INDEX_SCHEME,
        letterNumberPrefix: String(v.letterNumberPrefix ?? '').trim() || null,
        feePausesReplyClock: v.feePausesReplyClock,
      };
      set(await api<Agency>('PATCH', '/api/admin/agency', { name: v.name, settings }));
      void message.success('机关设置已保存');
    } catch (e) {
      setFormError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={save} disabled={!data}>
      {formError && (
        <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 12 }} />
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Card size="small" title="机关" style={{ marginBottom: 12 }}>
            <Form.Item label="机关名称" name="name" rules={[{ required: true, message: '机关名称不能为空' }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Typography.Paragraph type="secondary">机构代码：{data?.code}</Typography.Paragraph>
            <Form.Item
              label="索引号规则"
              name="indexScheme"
              rules={[{ validator: schemeCheck }]}
              extra={`可用：{机构代码}、{年份}、{分类代码}、{流水号:N}。留空使用 ${DEFAULT_INDEX_SCHEME}。${example ? `示例：${example}` : ''}`}
            >
              <Input placeholder={DEFAULT_INDEX_SCHEME} className="mono" />
            </Form.Item>
            <Form.Item
              label="告知书文号前缀"
              name="letterNumberPrefix"
              extra="如“某卫依申”：答复书 某卫依申〔2026〕12号，补正告知书 某卫依申补〔2026〕3号，延期 …延、征求意见 …征、收费 …费、说明理由 …说、答复期限 …期；每种文书每年单独编号，号码不重复使用。"
            >
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item
              label="科室（内部会签的对象，每项回车确认）"
              name="departments"
              extra="承办人可就申请向这些科室发起内部会签；在“工作人员账号”中为每人选择所在科室。"
            >
              <Select mode="tags" open={false} suffixIcon={null} aria-label="科室" />
            </Form.Item>
            <Form.Item
              label="送达收费通知后暂停计算答复期限"
              name="feePausesReplyClock"
              valuePropName="checked"
              extra="国办函〔2020〕109号未明确缴费期间是否计入答复期限，默认暂停。"
            >
              <Switch />
            </Form.Item>
          </Card>
        </Col>
        <Col span={12}>
          <Card
            size="small"
            title="政府信息公开工作机构（用于公开指南和告知书）"
            style={{ marginBottom: 12 }}
          >
            <Row gutter={8}>
              {OFFICE_FIELDS.map(([key, label]) => (
                <Col span={key === 'name' || key === 'address' ? 24 : 12} key={key}>
                  <Form.Item label={label} name={['office', key]}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Form.Item label="受理渠道（每项回车确认）" name="channels">
              <Select mode="tags" open={false} suffixIcon={null} />
            </Form.Item>
            <Form.Item label="查阅场所" name="readingRooms">
              <Select mode="tags" open={false} suffixIcon={null} />
            </Form.Item>
          </Card>
          <SealSettings initial={(data?.settings.seal as SealMeta | undefined) ?? null} />
          <Card size="small" title="站内搜索同义词和简称" style={{ marginBottom: 12 }}>
            <Form.Item
              label="同义词表（每行一条）"
              name="searchSynonyms"
              extra="如“预决算 = 预算 决算”：搜索“预决算”时也找含“预算”或“决算”的信息。"
            >
              <Input.TextArea rows={4} />
            </Form.Item>
          </Card>
          <Card size="small" title="网站标识（公开网站页脚）" style={{ marginBottom: 12 }}>
            <Row gutter={8}>
              {SITE_FIELDS.map(([key, label, hint]) => (
                <Col span={12} key={key}>
                  <Form.Item label={label} name={['site', key]} extra={hint}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={busy}>
        保存设置
      </Button>
    </Form>
  );
}
