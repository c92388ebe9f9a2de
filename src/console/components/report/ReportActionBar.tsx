import { Alert, Button, Checkbox, Form, Input, Modal, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { ReportAction } from '../../../domain/report-workspace/transitions.ts';
import { api, withQuery } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import type { WorkspaceView } from '../../types-report.ts';

const FORWARD: ReportAction[] = ['start', 'submit', 'clear', 'publish'];
const HIDDEN: ReportAction[] = ['edit', 'erratum'];
const CONFIRM: Partial<Record<ReportAction, string>> = {
  start: '开始编制后，表格随办理记录实时统计，正文按模板预填，可以修改。',
  submit: '报送后报告冻结，等待上级政务公开办审核；审核期间不能修改。',
  recall: '撤回报送，报告回到起草状态。',
  clear: '审核通过后，该机关即可公开发布。请确认已核对表格和正文。',
  publish: '公开发布后报告冻结，在门户网站公布；此后的更正以“发布更正”留存历史版本。',
};

/** The report's next steps for this user: start, submit, recall, return (with a comment), clear, publish. */
export function ReportActionBar({
  view,
  agencyId,
  onChanged,
}: {
  view: WorkspaceView;
  agencyId: number | null;
  onChanged: (view: WorkspaceView) => void;
}) {
  const [open, setOpen] = useState<{ action: ReportAction; label: string; warning: string | null } | null>(
    null,
  );
  const [form] = Form.useForm<{ comment?: string; acknowledgeEarly?: boolean }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const q = (path: string) => withQuery(path, { agencyId });
  const shown = view.actions.filter((a) => !HIDDEN.includes(a.action));
  const run = async ({ comment, acknowledgeEarly }: { comment?: string; acknowledgeEarly?: boolean }) => {
    if (!open) return;
    setBusy(true);
    setError(null);
    try {
      const next =
        open.action === 'start'
          ? await api<WorkspaceView>('POST', q(`/api/reports/${view.year}/start`), {})
          : await api<WorkspaceView>('POST', q(`/api/reports/${view.year}/actions`), {
              action: open.action,
              comment: comment?.trim() || null,
              ...(acknowledgeEarly ? { acknowledgeEarly: true } : {}),
              ...(view.record ? { version: view.record.version } : {}),
            });
      setOpen(null);
      onChanged(next);
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Space wrap aria-label="报告操作">
        {shown.map((a) => (
          <Tooltip key={a.action} title={a.allowed ? undefined : a.reason}>
            <Button
              type={FORWARD.includes(a.action) ? 'primary' : 'default'}
              disabled={!a.allowed}
              onClick={() => {
                form.resetFields();
                setError(null);
                setOpen({ action: a.action, label: a.label, warning: a.warning ?? null });
              }}
            >
              {a.label}
            </Button>
          </Tooltip>
        ))}
      </Space>
      {open && (
        <Modal
          open
          title={open.label}
          okText={open.label}
          cancelText="取消"
          okButtonProps={{ loading: busy }}
          onOk={() => form.submit()}
          onCancel={() => setOpen(null)}
        >
          <Form form={form} layout="vertical" onFinish={run}>
            {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
            {CONFIRM[open.action] && <p>{CONFIRM[open.action]}</p>}
            {open.warning && (
              <>
                <Alert type="warning" showIcon title={open.warning} style={{ marginBottom: 12 }} />
                <Form.Item
                  name="acknowledgeEarly"
                  valuePropName="checked"
                  rules={[
                    {
                      validator: (_, v) =>
                        v ? Promise.resolve() : Promise.reject(new Error('请确认提前报送')),
                    },
                  ]}
                >
                  <Checkbox>我已知晓报告年度尚未结束，确认提前报送</Checkbox>
                </Form.Item>
              </>
            )}
            {open.action === 'clear' && (
              <Form.Item
                label="审核意见"
                name="comment"
                initialValue="通过"
                rules={[{ required: true, whitespace: true, message: '审核通过须填写审核意见' }]}
              >
                <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
              </Form.Item>
            )}
            {open.action === 'return' && (
              <Form.Item
                label="修改意见"
                name="comment"
                rules={[{ required: true, whitespace: true, message: '退回修改须写明意见' }]}
              >
                <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
              </Form.Item>
            )}
          </Form>
        </Modal>
      )}
    </>
  );
}
