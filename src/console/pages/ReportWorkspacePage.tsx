import { App, Col, Row, Skeleton, Space, Tabs, Tag } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import type { CellRef } from '../../domain/report/cell.ts';
import { FORMAT_DOCUMENT } from '../../domain/report/format.ts';
import { reportTitle } from '../../domain/report/format.ts';
import { withQuery } from '../api.ts';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { CellDrawer } from '../components/report/CellDrawer.tsx';
import { ChangesTable } from '../components/report/ChangesTable.tsx';
import { DeadlineBanner } from '../components/report/DeadlineBanner.tsx';
import { ExportMenu } from '../components/report/ExportMenu.tsx';
import { FigureDialog } from '../components/report/FigureDialog.tsx';
import { FindingsPanel } from '../components/report/FindingsPanel.tsx';
import { MissingPanel } from '../components/report/MissingPanel.tsx';
import { NarrativeEditor } from '../components/report/NarrativeEditor.tsx';
import { ReportActionBar } from '../components/report/ReportActionBar.tsx';
import { ReportHistory } from '../components/report/ReportHistory.tsx';
import { WorkspaceTables } from '../components/report/WorkspaceTables.tsx';
import type { PageProps } from '../routes.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import type { WorkspaceView } from '../types-report.ts';
import { useApi } from '../use-api.ts';

/** ECharts is large: the charts tab loads it only when opened. */
const ReportCharts = lazy(() =>
  import('../components/report/ReportCharts.tsx').then((m) => ({ default: m.ReportCharts })),
);

/** 年度报告工作台: one agency-year — tables with drill-down, narrative with findings, last year, charts, export, steps. */
export function ReportWorkspacePage({ params }: PageProps) {
  const year = Number(params.year);
  const { query } = useLocation();
  const { message } = App.useApp();
  const agencyId = Number(query.get('agencyId')) || null;
  const tab = query.get('tab') ?? 'tables';
  const view = useApi<WorkspaceView>(withQuery(`/api/reports/${year}`, { agencyId }));
  const [drill, setDrill] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ ref: CellRef; path: string } | null>(null);
  const { set, data: v } = view;
  const changed = useCallback(
    (next: WorkspaceView) => {
      set(next);
      void message.success(`已保存，报告状态：${next.statusLabel}`);
    },
    [set, message],
  );
  if (view.error && !v)
    return (
      <>
        <PageHeader title={`${year}年度报告`} />
        <LoadError message={view.error} onRetry={view.reload} />
      </>
    );
  if (!v) return <Skeleton active paragraph={{ rows: 12 }} />;
  const editable = v.live && v.actions.some((a) => a.action === 'edit' && a.allowed);
  const go = (key: string) =>
    navigate(withQuery(`/reports/${year}`, { agencyId, tab: key }), { replace: true });
  return (
    <>
      <PageHeader
        title={reportTitle(v.agency.name, year)}
        sub={
          <Space size={4} wrap>
            <Tag data-testid="report-status">{v.statusLabel}</Tag>
            <span>
              {v.format} 年版格式（{FORMAT_DOCUMENT[v.format]}）
              {v.live ? ' · 表格随办理记录实时统计' : ' · 已冻结'}
            </span>
            <Link to="/reports">全部年度</Link>
          </Space>
        }
        extra={
          <Space wrap>
            <ExportMenu year={year} agencyId={agencyId} />
            <ReportActionBar view={v} agencyId={agencyId} onChanged={changed} />
          </Space>
        }
      />
      <DeadlineBanner view={v} />
      {v.live && <MissingPanel missing={v.missing} />}
      {v.record?.comment && v.status === 'returned' && (
        <LoadError message={`上级退回意见：${v.record.comment}`} />
      )}
      <Tabs
        activeKey={tab}
        onChange={go}
        destroyOnHidden
        items={[
          {
            key: 'tables',
            label: '表格',
            children: (
              <Row gutter={12}>
                <Col xs={24} xl={17}>
                  <WorkspaceTables
                    view={v}
                    editable={editable}
                    onDrill={(_, path) => setDrill(path)}
                    onEdit={(ref, path) => setEditing({ ref, path })}
                  />
                </Col>
                <Col xs={24} xl={7}>
                  <FindingsPanel findings={v.findings} blocking={v.blockingErrors} />
                </Col>
              </Row>
            ),
          },
          {
            key: 'narrative',
            label: '正文',
            children: <NarrativeEditor view={v} agencyId={agencyId} editable={editable} onSaved={set} />,
          },
          {
            key: 'compare',
            label: '与上年对比',
            children: <ChangesTable view={v} agencyId={agencyId} onImported={view.reload} />,
          },
          {
            key: 'charts',
            label: '图表',
            children: (
              <Suspense fallback={<Skeleton active />}>
                <ReportCharts year={year} agencyId={agencyId} />
              </Suspense>
            ),
          },
          {
            key: 'history',
            label: '记录与版本',
            children: <ReportHistory view={v} agencyId={agencyId} onChanged={changed} />,
          },
        ]}
      />
      <CellDrawer year={year} agencyId={agencyId} path={drill} onClose={() => setDrill(null)} />
      {editing && (
        <FigureDialog
          view={v}
          agencyId={agencyId}
          cell={editing}
          onClose={() => setEditing(null)}
          onSaved={(next) => {
            setEditing(null);
            changed(next);
          }}
        />
      )}
    </>
  );
}
