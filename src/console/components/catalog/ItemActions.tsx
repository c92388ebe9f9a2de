import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewAction } from '../../../domain/catalog/review.ts';
import { TRANSITIONS } from '../../../domain/catalog/review.ts';
import { ITEM_STATE_LABEL } from '../../../domain/catalog/states.ts';
import { api } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import type { ItemActionView, ItemView } from '../../types-catalog.ts';

const FORWARD: ReviewAction[] = ['submit', 'approve', 'pass_secrecy', 'sign', 'publish'];
const DANGER: ReviewAction[] = ['expire', 'repeal', 'withdraw'];

/** The review chain's next steps for this user (the server's list), each a button and a short confirmation. */
export function ItemActions({
  item,
  onChanged,
  onEdit,
}: {
  item: ItemView;
  onChanged: (item: ItemView) => void;
  onEdit: (() => void) | null;
}) {
  const [open, setOpen] = useState<ItemActionView | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const primary = item.actions.find((a) => FORWARD.includes(a.action));
  const run = async ({ reason }: { reason?: string }) => {
    if (!open) return;
    setBusy(true);
    setError(null);
    try {
      onChanged(
        await api<ItemView>('POST', `/api/catalog/items/${item.id}/actions`, {
          action: open.action,
          reason: reason?.trim() || null,
        }),
      );
      setOpen(null);
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Space wrap aria-label="办理操作">
        {onEdit && <Button onClick={onEdit}>修改草稿</Button>}
        {item.actions.map((a) => (
          <Button
            key={a.action}
            type={a === primary ? 'primary' : 'default'}
            danger={DANGER.includes(a.action)}
            onClick={() => {
              form.resetFields();
              setError(null);
              setOpen(a);
            }}
          >
            {a.label}
          </Button>
        ))}
      </Space>
      {open && (
        <Modal
          open
          title={open.label}
          okText={open.label}
          cancelText="取消"
          okButtonProps={{ loading: busy, danger: DANGER.includes(open.action) }}
          onOk={() => form.submit()}
          onCancel={() => setOpen(null)}
        >
          <Form form={form} layout="vertical" onFinish={run}>
            {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
            <Typography.Paragraph>
              {ITEM_STATE_LABEL[item.state]} → {ITEM_STATE_LABEL[TRANSITIONS[open.action].to]}
              {open.action === 'publish' && '：发布时生成索引号，信息即在门户网站公开。'}
            </Typography.Paragraph>
            {open.needsReason && (
              <Form.Item
                label="理由"
                name="reason"
                rules={[{ required: true, whitespace: true, message: `“${open.label}”须填写理由` }]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
              </Form.Item>
            )}
          </Form>
        </Modal>
      )}
    </>
  );
}
