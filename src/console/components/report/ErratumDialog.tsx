import { Alert, Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { NARRATIVE_SECTIONS } from '../../../domain/report-workspace/assemble.ts';
import type { NarrativeSection } from '../../../domain/report-workspace/assemble.ts';
import { api, withQuery } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import type { WorkspaceView } from '../../types-report.ts';

interface Values {
  reason: string;
  recompute: boolean;
  narrative: Record<NarrativeSection, string>;
}

/** 发布更正: a published report is frozen; a correction is a new version with its reason, the old ones kept. */
export function ErratumDialog({
  view,
  agencyId,
  onClose,
  onPublished,
}: {
  view: WorkspaceView;
  agencyId: number | null;
  onClose: () => void;
  onPublished: (view: WorkspaceView) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const original = Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s, view.narrative[s].text])) as Record<
    NarrativeSection,
    string
  >;
  const publish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const narrative = Object.fromEntries(
        NARRATIVE_SECTIONS.filter((s) => v.narrative[s] !== original[s]).map((s) => [s, v.narrative[s]]),
      );
      onPublished(
        await api<WorkspaceView>('POST', withQuery(`/api/reports/${view.year}/erratum`, { agencyId }), {
          reason: v.reason.trim(),
          recompute: v.recompute,
          ...(Object.keys(narrative).length ? { narrative } : {}),
          ...(view.record ? { version: view.record.version } : {}),
        }),
      );
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={760}
      title="发布更正"
      okText="发布更正"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={publish}
        initialValues={{ reason: '', recompute: false, narrative: original }}
      >
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Form.Item
          label="更正理由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '发布更正须写明更正理由' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
        <Form.Item label="按当前办理记录重新统计表格" name="recompute" valuePropName="checked">
          <Switch />
        </Form.Item>
        {NARRATIVE_SECTIONS.map((s) => (
          <Form.Item key={s} label={view.narrative[s].label} name={['narrative', s]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
