import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, errorMessage, withQuery } from '../../api.ts';
import type { CollectionRow } from './types.ts';

/** 退回修改 with the comment that says what to change (the workspace's `return` transition). */
export function ReturnDialog({
  row,
  year,
  onDone,
  onCancel,
}: {
  row: CollectionRow;
  year: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<{ comment: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ comment }: { comment: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', withQuery(`/api/reports/${year}/actions`, { agencyId: row.agency.id }), {
        action: 'return',
        comment,
        ...(row.report ? { version: row.report.version } : {}),
      });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`退回修改：${row.agency.name}`}
      okText="退回修改"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="comment"
          label="退回意见"
          rules={[{ required: true, whitespace: true, message: '请写明需要修改的内容' }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder="如：表三“二、上年结转”与上年度报告不一致"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
