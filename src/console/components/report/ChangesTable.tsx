import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Switch, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { CellChange } from '../../../domain/report-workspace/compare.ts';
import { errorMessage, upload, withQuery } from '../../api.ts';
import type { WorkspaceView } from '../../types-report.ts';
import { EmptyText } from '../EmptyText.tsx';

const previousSource = (ref: { kind: string; [key: string]: unknown }) =>
  ref.kind === 'imported' ? `导入的上年报告（${String(ref.fileName)}）` : '本系统中的上年报告';

/** 与上年对比: every cell beside last year's, the changed ones first; import last year's report if missing. */
export function ChangesTable({
  view,
  agencyId,
  onImported,
}: {
  view: WorkspaceView;
  agencyId: number | null;
  onImported: () => void;
}) {
  const [all, setAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const importLast = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      await upload(withQuery('/api/reports/imports', { agencyId }), file, { year: String(view.year - 1) });
      onImported();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
    return false;
  };
  if (!view.previous || !view.changes)
    return (
      <Space orientation="vertical">
        <Alert
          type="info"
          showIcon
          title={`没有 ${view.year - 1} 年度报告可供对比`}
          description="可导入上年已公开的年度报告（Word、PDF、网页或文本），系统识别其中的表格后用于对比和勾稽核对。"
        />
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        <Upload
          showUploadList={false}
          beforeUpload={(f) => importLast(f)}
          accept=".docx,.pdf,.html,.htm,.txt,.json"
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            导入 {view.year - 1} 年度报告
          </Button>
        </Upload>
      </Space>
    );
  const rows = all ? view.changes.filter((c) => c.comparable) : view.changes.filter((c) => c.changed);
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text>
          对比对象：{previousSource(view.previous.ref)}；有变化的单元格{' '}
          {view.changes.filter((c) => c.changed).length} 个。
        </Typography.Text>
        <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
          <Switch size="small" checked={all} onChange={setAll} />
          显示全部单元格
        </label>
      </Space>
      <Table<CellChange>
        size="small"
        rowKey="path"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowClassName={(c) => (c.changed ? 'row-changed' : '')}
        locale={{ emptyText: <EmptyText>与上年相比没有变化</EmptyText> }}
        columns={[
          { title: '单元格', dataIndex: 'label' },
          {
            title: `${view.year - 1}年`,
            dataIndex: 'previous',
            width: 100,
            align: 'right',
            render: (v: number | null) => v ?? '空',
          },
          {
            title: `${view.year}年`,
            dataIndex: 'current',
            width: 100,
            align: 'right',
            render: (v: number | null) => v ?? '空',
          },
          {
            title: '增减',
            dataIndex: 'change',
            width: 100,
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : v > 0 ? `+${v}` : String(v)),
          },
        ]}
      />
    </>
  );
}
