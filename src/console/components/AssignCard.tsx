import { Alert, App, Button, Card, Form, Input, Modal, Select, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { isClosed } from '../../domain/application/states.ts';
import { api, ApiError, errorMessage } from '../api.ts';
import { hasRole, useSession } from '../session.tsx';
import type { ApplicationView, Assignee, AssignmentEntry } from '../types.ts';
import { useApi } from '../use-api.ts';

/**
 * 承办人 (issue 12 point 1): who handles the application, the 分办 / 转办 history, and — for the registrar and the
 * head — the step that gives it to a handler (a 转办 with its reason).
 */
export function AssignCard({
  view,
  onChanged,
}: {
  view: ApplicationView;
  onChanged: (v: ApplicationView) => void;
}) {
  const { user } = useSession();
  const { message } = App.useApp();
  const history = useApi<AssignmentEntry[]>(`/api/applications/${view.id}/assignments`);
  const assignees = useApi<Assignee[]>('/api/assignees');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ assigneeId: number; reason?: string }>();
  const current = view.handlerId === null ? null : (view.people[`user:${view.handlerId}`] ?? null);
  const reassign = view.handlerId !== null;
  const label = reassign ? '转办' : '分办';
  const may = hasRole(user, 'registrar', 'head') && !isClosed(view.application.state);
  const submit = async (values: { assigneeId: number; reason?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api<ApplicationView>('POST', `/api/applications/${view.id}/assign`, {
        assigneeId: values.assigneeId,
        reason: values.reason?.trim() || null,
      });
      setOpen(false);
      form.resetFields();
      history.reload();
      onChanged(next);
      void message.success(`已${label}给${next.people[`user:${next.handlerId}`] ?? '承办人'}`);
    } catch (e) {
      if (e instanceof ApiError && e.field)
        form.setFields([{ name: e.field as 'reason', errors: [e.message] }]);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title="承办人"
      data-testid="assign-card"
      extra={
        may && (
          <Button size="small" type={reassign ? 'default' : 'primary'} onClick={() => setOpen(true)}>
            {label}
          </Button>
        )
      }
    >
      <div data-testid="current-handler">
        {current ?? <Typography.Text type="secondary">未分办</Typography.Text>}
      </div>
      {(history.data?.length ?? 0) > 0 && (
        <Timeline
          style={{ marginTop: 12, marginBottom: 0 }}
          items={history.data!.map((h) => ({
            children: (
              <div>
                <div>
                  {h.at.slice(0, 10)} {h.by}
                  {h.previous ? `将本件由${h.previous}转办给${h.assignee}` : `分办给${h.assignee}`}
                </div>
                {h.reason && <Typography.Text type="secondary">理由：{h.reason}</Typography.Text>}
              </div>
            ),
          }))}
        />
      )}
      <Modal
        title={`${label}：指定承办人`}
        open={open}
        okText={label}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ loading: busy }}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
          <Form.Item label="承办人" name="assigneeId" rules={[{ required: true, message: '请选择承办人' }]}>
            <Select
              aria-label="承办人"
              options={(assignees.data ?? [])
                .filter((a) => a.id !== view.handlerId)
                .map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
          {reassign && (
            <Form.Item
              label="转办理由"
              name="reason"
              rules={[{ required: true, whitespace: true, message: '转办须写明理由' }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
