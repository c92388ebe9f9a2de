import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import type { HitView, ItemView } from '../../types-catalog.ts';

/** A reviewer clears one scanner hit with a note saying why it may be published. */
export function ClearHitForm({ hit, onCleared }: { hit: HitView; onCleared: (item: ItemView) => void }) {
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const clear = async ({ note }: { note: string }) => {
    setBusy(true);
    try {
      onCleared(await api<ItemView>('POST', `/api/catalog/hits/${hit.id}/clear`, { note }));
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={clear} style={{ width: 320 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Form.Item
        label="确认说明"
        name="note"
        rules={[{ required: true, whitespace: true, message: '请填写确认说明' }]}
      >
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} placeholder="例如：办公电话，可以公开" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        确认可以公开
      </Button>
    </Form>
  );
}
