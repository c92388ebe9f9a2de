import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { NarrativeSection } from '../../../domain/report-workspace/assemble.ts';
import { NARRATIVE_SECTIONS } from '../../../domain/report-workspace/assemble.ts';
import { api, withQuery } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import type { WorkspaceView } from '../../types-report.ts';
import { FindingsPanel } from './FindingsPanel.tsx';

type Texts = Record<NarrativeSection, string>;

/**
 * Sections 一, 五 and 六: pre-filled from the template with the year's figures, edited here, checked against the
 * tables on every save — the narrative's findings stand beside the text.
 */
export function NarrativeEditor({
  view,
  agencyId,
  editable,
  onSaved,
}: {
  view: WorkspaceView;
  agencyId: number | null;
  editable: boolean;
  onSaved: (view: WorkspaceView) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Texts>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const texts = Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s, view.narrative[s].text])) as Texts;
  useEffect(() => form.setFieldsValue(texts), [form, view]);
  const send = async (sections: Partial<Record<NarrativeSection, string | null>>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api<WorkspaceView>(
        'PUT',
        withQuery(`/api/reports/${view.year}/narrative`, { agencyId }),
        {
          sections,
          ...(view.record ? { version: view.record.version } : {}),
        },
      );
      onSaved(next);
      void message.success('正文已保存并重新核对');
    } catch (e) {
      setError(
        showServerErrors(form, e, Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [`sections.${s}`, s]))),
      );
    } finally {
      setBusy(false);
    }
  };
  const save = (v: Texts) => {
    const changed = NARRATIVE_SECTIONS.filter((s) => v[s] !== texts[s]);
    if (changed.length === 0) return void message.info('正文没有改动');
    void send(Object.fromEntries(changed.map((s) => [s, v[s]])));
  };
  return (
    <Row gutter={12}>
      <Col span={15}>
        <Form form={form} layout="vertical" onFinish={save} disabled={!editable || busy}>
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
          {!editable && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title="报告当前状态下不能修改正文" />
          )}
          {NARRATIVE_SECTIONS.map((s) => (
            <Card
              key={s}
              size="small"
              style={{ marginBottom: 12 }}
              title={view.narrative[s].label}
              extra={
                <Space>
                  <Tag>{view.narrative[s].edited ? '已修改' : '按模板预填'}</Tag>
                  {editable && view.narrative[s].edited && (
                    <Button size="small" onClick={() => void send({ [s]: null })}>
                      恢复模板
                    </Button>
                  )}
                </Space>
              }
            >
              <Form.Item name={s} noStyle>
                <Input.TextArea
                  aria-label={view.narrative[s].label}
                  autoSize={{ minRows: 4, maxRows: 18 }}
                  maxLength={20000}
                />
              </Form.Item>
            </Card>
          ))}
          {editable && (
            <Button type="primary" htmlType="submit" loading={busy}>
              保存正文并核对
            </Button>
          )}
        </Form>
      </Col>
      <Col span={9}>
        <div style={{ position: 'sticky', top: 12 }}>
          <FindingsPanel findings={view.findings} blocking={view.blockingErrors} only="narrative" />
        </div>
      </Col>
    </Row>
  );
}
