import { Alert, Drawer, List, Spin, Typography } from 'antd';
import type { Finding } from '../../../domain/report/finding.ts';
import type { ReportFormat } from '../../../domain/report/format.ts';
import { cellValue, cellText, reportLayouts } from '../../../render/report/layout/index.ts';
import type { AnnualReport } from '../../../domain/report/model.ts';
import { withQuery } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { ReportTable } from '../../components/ReportTable.tsx';
import { useApi } from '../../use-api.ts';
import { SeverityTag } from './tags.tsx';
import type { CollectionRow } from './types.ts';

interface Workspace {
  format: ReportFormat;
  statusLabel: string;
  live: boolean;
  report: Record<string, unknown>;
  findings: Finding[];
  record: { comment: string | null } | null;
}

/** One agency's report as the supervisor sees it: its tables in the official layout and the findings. */
export function ReportDrawer({
  row,
  year,
  onClose,
}: {
  row: CollectionRow;
  year: number;
  onClose: () => void;
}) {
  const view = useApi<Workspace>(withQuery(`/api/reports/${year}`, { agencyId: row.agency.id }));
  const report = view.data?.report as unknown as AnnualReport | undefined;
  const marked = new Map<string, 'error' | 'warning'>();
  for (const f of view.data?.findings ?? [])
    if (f.location.row && f.location.column)
      marked.set(`${f.location.table}.${f.location.row}.${f.location.column}`, f.severity);
  return (
    <Drawer open size={1000} title={`${row.agency.name} ${year}年度报告`} onClose={onClose}>
      {view.error && <LoadError message={view.error} onRetry={view.reload} />}
      {view.loading && <Spin />}
      {view.data && report && (
        <>
          <Typography.Paragraph>
            状态：{view.data.statusLabel}
            {view.data.live && '（表格按该机关的实时记录计算）'}
          </Typography.Paragraph>
          {view.data.record?.comment && (
            <Alert
              type="warning"
              showIcon
              title={`退回意见：${view.data.record.comment}`}
              style={{ marginBottom: 12 }}
            />
          )}
          {reportLayouts(view.data.format).map((layout) => (
            <ReportTable
              key={layout.table}
              layout={layout}
              caption={layout.heading}
              cellClass={(ref) => {
                const severity = marked.get(`${ref.table}.${ref.row}.${ref.column}`);
                return severity ? `cell-${severity}` : undefined;
              }}
              renderCell={({ ref }) => cellText(cellValue(report, ref))}
            />
          ))}
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            核对结果（{view.data.findings.length}）
          </Typography.Title>
          <List
            size="small"
            dataSource={view.data.findings}
            locale={{ emptyText: '未发现问题' }}
            renderItem={(f) => (
              <List.Item>
                <SeverityTag severity={f.severity} />
                {f.message}
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
