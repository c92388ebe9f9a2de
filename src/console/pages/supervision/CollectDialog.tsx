import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { api, errorMessage, upload } from '../../api.ts';
import type { CollectionRow } from './types.ts';

/**
 * Collecting the report of an agency not on Gongkai: upload the document it sent (Word, PDF, web page, text or
 * JSON — read by the importer) or paste the report JSON, with the day it was received.
 */
export function CollectDialog({
  row,
  year,
  onDone,
  onCancel,
}: {
  row: CollectionRow;
  year: number;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [mode, setMode] = useState<'file' | 'json'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [json, setJson] = useState('');
  const [receivedOn, setReceivedOn] = useState<Dayjs | null>(dayjs());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const day = receivedOn ? receivedOn.format('YYYY-MM-DD') : undefined;
      const base = `/api/supervision/reports/${row.agency.id}/${year}`;
      const result =
        mode === 'file'
          ? await upload<{ findings: { severity: string }[] }>(
              `${base}/upload`,
              file ?? new File([], ''),
              day ? { receivedOn: day } : {},
            )
          : await api<{ findings: { severity: string }[] }>('PUT', `${base}/entry`, {
              json,
              ...(day ? { receivedOn: day } : {}),
            });
      const errors = result.findings.filter((f) => f.severity === 'error').length;
      onDone(`已收集${row.agency.name}的年度报告${errors > 0 ? `，核对发现 ${errors} 个错误` : ''}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`收集年度报告：${row.agency.name}`}
      okText="收集"
      cancelText="取消"
      confirmLoading={busy}
      okButtonProps={{ disabled: mode === 'file' ? !file : json.trim() === '' }}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        该机关未使用本系统，由上级政务公开办代为收集其报送的年度报告。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label="收集方式">
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'file' | 'json')}>
            <Radio value="file">上传报告文件</Radio>
            <Radio value="json">粘贴报告 JSON</Radio>
          </Radio.Group>
        </Form.Item>
        {mode === 'file' ? (
          <Form.Item label="报告文件（Word、PDF、网页、文本或 JSON）">
            <Space>
              <input
                ref={input}
                type="file"
                aria-label="报告文件"
                accept=".docx,.pdf,.html,.htm,.txt,.md,.json"
                style={{ display: 'none' }}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
              <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>
                选择文件
              </Button>
              <span>{file?.name ?? '未选择'}</span>
            </Space>
          </Form.Item>
        ) : (
          <Form.Item label="报告 JSON（gongkai.annual-report/1）" htmlFor="collect-json">
            <Input.TextArea
              id="collect-json"
              rows={8}
              value={json}
              onChange={(e) => setJson(e.target.value)}
            />
          </Form.Item>
        )}
        <Form.Item label="收到日期" htmlFor="collect-received">
          <DatePicker id="collect-received" value={receivedOn} onChange={setReceivedOn} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
