import { Alert, App, Button, Form, Input, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { letterFillKeys } from '../../../domain/letters/fill-keys.ts';
import type { LetterKind } from '../../../domain/letters/kinds.ts';
import { LETTER_KIND_LABEL, LETTER_KINDS } from '../../../domain/letters/kinds.ts';
import { api } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import { useApi } from '../../use-api.ts';
import { LoadError } from '../LoadError.tsx';
import type { Agency } from './AgencySettingsForm.tsx';

type Templates = Partial<Record<LetterKind, Record<string, string>>>;

/** Keeps only the fill-ins written (a blank one falls back to the statutory default text). */
function written(values: Templates): Templates {
  const out: Templates = {};
  for (const kind of LETTER_KINDS) {
    const fills = Object.entries(values[kind] ?? {}).filter(([, v]) => typeof v === 'string' && v.trim());
    if (fills.length) out[kind] = Object.fromEntries(fills.map(([k, v]) => [k, v.trim()]));
  }
  return out;
}

/**
 * 文书模板: the agency's own copy of each letter's fill-ins (联系方式, 缴费方式, 结束语 …). The statutory text of
 * the letters is locked; only these parts can be adjusted, and each letter can still change them when sent.
 */
export function LetterTemplates() {
  const { message } = App.useApp();
  const agency = useApi<Agency>('/api/admin/agency');
  const [form] = Form.useForm<Templates>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (agency.data)
      form.setFieldsValue((agency.data.settings.letterTemplates as Templates | undefined) ?? {});
  }, [agency.data, form]);
  if (agency.error) return <LoadError message={agency.error} onRetry={agency.reload} />;
  const save = async (values: Templates) => {
    setBusy(true);
    setError(null);
    try {
      agency.set(
        await api<Agency>('PATCH', '/api/admin/agency', { settings: { letterTemplates: written(values) } }),
      );
      void message.success('文书模板已保存');
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={save} disabled={!agency.data}>
      <Typography.Paragraph>
        告知书的法定文字（决定、依据、救济途径）不能修改；下列填写项可按本机关情况预先填写，留空则使用系统默认文字。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Tabs
        tabPlacement="start"
        items={LETTER_KINDS.map((kind) => ({
          key: kind,
          label: LETTER_KIND_LABEL[kind],
          forceRender: true,
          children: letterFillKeys(kind).map((spec) => (
            <Form.Item key={spec.key} label={spec.label} name={[kind, spec.key]} extra={spec.hint}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={2000} />
            </Form.Item>
          )),
        }))}
      />
      <Button type="primary" htmlType="submit" loading={busy}>
        保存文书模板
      </Button>
    </Form>
  );
}
