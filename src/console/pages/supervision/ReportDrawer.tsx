import { Alert, Button, Col, Drawer, List, Row, Space, Spin, Typography } from 'antd';
import type { ReportGap } from '../../../domain/report-workspace/completeness.ts';
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
  narrative: Record<string, { label: string; text: string }>;
  findings: Finding[];
  missing: ReportGap[];
  submittedEarly: boolean;
  record: { comment: string | null; submittedAt: string | null } | null;
}

/**
 * One agency's report as the supervisor reviews it (issue 12 points 7, 9): the narrative (一、五、六) beside the
 * tables in the official layout, what is still missing, the findings, an early submission flagged, and the
 * review (审核) itself.
 */
export function ReportDrawer({
  row,
  year,
  onClose,
  onReview,
}: {
  row: CollectionRow;
  year: number;
  onClose: () => void;
  onReview?: (decision: 'clear' | 'return') => void;
}) {
  const view = useApi<Workspace>(withQuery(`/api/reports/${year}`, { agencyId: row.agency.id }));
  const report = view.data?.report as unknown as AnnualReport | undefined;
  const marked = new Map<string, 'error' | 'warning'>();
  for (const f of view.data?.findings ?? [])
    if (f.location.row && f.location.column)
      marked.set(`${f.location.table}.${f.location.row}.${f.location.column}`, f.severity);
  const can = (a: string) => row.actions.some((o) => o.action === a && o.allowed);
  return (
    <Drawer
      open
      size="min(1280px, 100vw)"
      title={`${row.agency.name} ${year}年度报告`}
      onClose={onClose}
      extra={
        onReview && (
          <Space wrap>
            {can('return') && <Button onClick={() => onReview('return')}>退回修改</Button>}
            {can('clear') && (
              <Button type="primary" onClick={() => onReview('clear')}>
                审核通过
              </Button>
            )}
          </Space>
        )
      }
    >
      {view.error && <LoadError message={view.error} onRetry={view.reload} />}
      {view.loading && <Spin />}
      {view.data && report && (
        <>
          <Typography.Paragraph>
            状态：{view.data.statusLabel}
            {view.data.live && '（表格按该机关的实时记录计算）'}
          </Typography.Paragraph>
          {view.data.submittedEarly && (
            <Alert
              type="warning"
              showIcon
              data-testid="drawer-early"
              title={`提前报送：报告于 ${year} 年度结束前报送，未包含年底前的申请和案件`}
              style={{ marginBottom: 12 }}
            />
          )}
          {view.data.record?.comment && (
            <Alert
              type={view.data.statusLabel === '已退回修改' ? 'warning' : 'info'}
              showIcon
              title={`审核意见：${view.data.record.comment}`}
              style={{ marginBottom: 12 }}
            />
          )}
          {view.data.missing.length > 0 && (
            <Alert
              type="error"
              showIcon
              title={`尚未完成（${view.data.missing.length} 项），不能审核通过`}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {view.data.missing.map((g, i) => (
                    <li key={i}>{g.message}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          <Row gutter={16}>
            <Col xs={24} xl={14}>
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
            </Col>
            <Col xs={24} xl={10}>
              <section aria-label="报告正文" data-testid="drawer-narrative" className="drawer-narrative">
                {Object.entries(view.data.narrative).map(([key, section]) => (
                  <div key={key}>
                    <Typography.Title level={3} style={{ fontSize: 15 }}>
                      {section.label}
                    </Typography.Title>
                    {section.text.trim() ? (
                      section.text.split('\n').map((p, i) => (
                        <Typography.Paragraph key={i} style={{ textIndent: '2em', marginBottom: 6 }}>
                          {p}
                        </Typography.Paragraph>
                      ))
                    ) : (
                      <Typography.Text type="danger">（未填写）</Typography.Text>
                    )}
                  </div>
                ))}
              </section>
            </Col>
          </Row>
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
