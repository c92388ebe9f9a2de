import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import type { CellRef } from '../../../domain/report/cell.ts';
import { cellName } from '../../../domain/report/validate/labels.ts';
import { api, withQuery } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import type { WorkspaceView } from '../../types-report.ts';

/** 填报: a table 二 figure from another system (行政许可、处罚、强制决定数，收费金额 …), with a note on its source. */
export function FigureDialog({
  view,
  agencyId,
  cell,
  onClose,
  onSaved,
}: {
  view: WorkspaceView;
  agencyId: number | null;
  cell: { ref: CellRef; path: string };
  onClose: () => void;
  onSaved: (view: WorkspaceView) => void;
}) {
  const [form] = Form.useForm<{ value: number; note?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { ref, path } = cell;
  const save = async (v: { value: number; note?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const figures = [{ key: `${ref.row}.${ref.column}`, value: v.value, note: v.note?.trim() || null }];
      onSaved(
        await api<WorkspaceView>('PUT', withQuery(`/api/reports/${view.year}/figures`, { agencyId }), {
          figures,
        }),
      );
    } catch (e) {
      setError(showServerErrors(form, e, { 'figures.0.value': 'value', 'figures.0.note': 'note' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`填报：${cellName(view.format, ref)}`}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          value: view.report.active[ref.row]?.[ref.column] ?? undefined,
          note: view.cells[path]?.note ?? '',
        }}
      >
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Form.Item label="数值" name="value" rules={[{ required: true, message: '请填写数值' }]}>
          <InputNumber style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="说明（数据来源）" name="note" extra="如：据区行政审批服务平台统计">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
