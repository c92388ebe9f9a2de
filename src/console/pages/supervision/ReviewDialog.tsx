import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { api, errorMessage, withQuery } from '../../api.ts';
import type { CollectionRow } from './types.ts';

type Decision = 'clear' | 'return';

/**
 * 审核 (issue 12 point 9): the supervisor decides — 通过 (the workspace's `clear`) or 退回修改 (`return`) — and writes
 * the 审核意见, which the agency sees; the dialog asks for confirmation before either is sent.
 */
export function ReviewDialog({
  row,
  year,
  initial,
  onDone,
  onCancel,
}: {
  row: CollectionRow;
  year: number;
  initial: Decision;
  onDone: (decision: Decision) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<{ decision: Decision; comment: string }>();
  const watched: Decision | undefined = Form.useWatch('decision', form);
  const decision = watched ?? initial;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ decision: Decision; comment: string } | null>(null);
  const send = async ({ decision, comment }: { decision: Decision; comment: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', withQuery(`/api/reports/${year}/actions`, { agencyId: row.agency.id }), {
        action: decision,
        comment,
        ...(row.report ? { version: row.report.version } : {}),
      });
      onDone(decision);
    } catch (e) {
      setConfirming(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const verb = (confirming?.decision ?? decision) === 'clear' ? '审核通过' : '退回修改';
  return (
    <Modal
      open
      title={`审核：${row.agency.name}${year}年度报告`}
      okText={confirming ? `确认${verb}` : verb}
      cancelText={confirming ? '返回修改意见' : '取消'}
      confirmLoading={busy}
      onOk={() => (confirming ? void send(confirming) : form.submit())}
      onCancel={() => (confirming ? setConfirming(null) : onCancel())}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {confirming ? (
        <Alert
          type={confirming.decision === 'clear' ? 'info' : 'warning'}
          showIcon
          data-testid="review-confirm"
          title={`确认${verb}${row.agency.name}的年度报告？`}
          description={`审核意见：${confirming.comment}`}
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ decision: initial, comment: initial === 'clear' ? '通过' : '' }}
          onFinish={(v) => setConfirming({ decision: v.decision, comment: v.comment.trim() })}
        >
          <Form.Item name="decision" label="审核结论">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'clear', label: '通过' },
                { value: 'return', label: '退回修改' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="comment"
            label={decision === 'clear' ? '审核意见' : '退回理由（须写明需要修改的内容）'}
            rules={[
              {
                required: true,
                whitespace: true,
                message: decision === 'clear' ? '请填写审核意见' : '请写明需要修改的内容',
              },
            ]}
          >
            <Input.TextArea
              rows={4}
              maxLength={2000}
              showCount
              placeholder={decision === 'clear' ? '通过' : '如：表三“二、上年结转”与上年度报告不一致'}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
