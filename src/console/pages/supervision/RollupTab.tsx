import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, List, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ReportStatus } from '../../../domain/report-workspace/status.ts';
import { REPORT_STATUS_LABEL } from '../../../domain/report-workspace/status.ts';
import type { CellRef } from '../../../domain/report/cell.ts';
import { cellPath } from '../../../domain/report/cell.ts';
import type { ReportFormat } from '../../../domain/report/format.ts';
import { FORMAT_DOCUMENT } from '../../../domain/report/format.ts';
import type { AnnualReport } from '../../../domain/report/model.ts';
import { cellName } from '../../../domain/report/validate/labels.ts';
import { cellText, cellValue, reportLayouts } from '../../../render/report/layout/index.ts';
import { api, errorMessage, withQuery } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { ReportTable } from '../../components/ReportTable.tsx';
import { useApi } from '../../use-api.ts';
import type { RollupCellView, RollupView } from './types.ts';

const STATUS_CHOICES: ReportStatus[] = ['submitted', 'cleared', 'published'];

/**
 * The consolidated tables 二/三/四 of every report that reached the supervisor (of one layout): each cell opens its
 * breakdown by agency; the agencies left out are listed with the reason; DOCX / XLSX exports; and the 本级人民政府's
 * own report drafted from it.
 */
export function RollupTab({ year }: { year: number }) {
  const { message } = App.useApp();
  const [format, setFormat] = useState<ReportFormat>(year <= 2020 ? '2019' : '2021');
  const [statuses, setStatuses] = useState<ReportStatus[]>(STATUS_CHOICES);
  const [cell, setCell] = useState<CellRef | null>(null);
  const [drafting, setDrafting] = useState(false);
  const query = { year, format, status: statuses };
  const view = useApi<RollupView>(withQuery('/api/supervision/rollup', query));
  const breakdown = useApi<RollupCellView>(
    cell ? withQuery('/api/supervision/rollup/cell', { ...query, path: cellPath(cell) }) : null,
  );
  const report = view.data?.report as unknown as AnnualReport | undefined;
  const draft = async () => {
    setDrafting(true);
    try {
      const r = await api<{ included: number }>('POST', '/api/supervision/rollup/draft', {
        year,
        format,
        status: statuses,
      });
      void message.success(`已用 ${r.included} 个机关的报告生成本机关${year}年度报告草稿`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setDrafting(false);
    }
  };
  return (
    <>
      <Flex gap={8} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select
            aria-label="报告格式"
            value={format}
            onChange={setFormat}
            style={{ width: 330 }}
            options={(['2021', '2019'] as const).map((f) => ({
              value: f,
              label: `${f} 年版（${FORMAT_DOCUMENT[f]}）`,
            }))}
          />
          <Select
            mode="multiple"
            aria-label="汇总范围"
            value={statuses}
            onChange={(v) => setStatuses(v.length > 0 ? v : STATUS_CHOICES)}
            style={{ minWidth: 320 }}
            options={STATUS_CHOICES.map((s) => ({ value: s, label: REPORT_STATUS_LABEL[s] }))}
          />
        </Space>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={withQuery('/api/supervision/rollup/export', { ...query, to: 'docx' })}
            download
          >
            导出 DOCX
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={withQuery('/api/supervision/rollup/export', { ...query, to: 'xlsx' })}
            download
          >
            导出 XLSX（含分机关明细）
          </Button>
          <Button type="primary" loading={drafting} onClick={() => void draft()}>
            生成本级人民政府年度报告草稿
          </Button>
        </Space>
      </Flex>
      {view.error && <LoadError message={view.error} onRetry={view.reload} />}
      {view.data && report && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${view.data.root.name}：已汇总 ${view.data.included.length} 个机关的年度报告，${view.data.excluded.length} 个机关未计入`}
            description="点击表格中的数字，可查看该单元格各机关的数值。"
          />
          {reportLayouts(view.data.format).map((layout) => (
            <ReportTable
              key={layout.table}
              layout={layout}
              caption={layout.heading}
              renderCell={({ ref }) => {
                const value = cellValue(report, ref);
                return (
                  <Button
                    type="link"
                    className="cell-button"
                    aria-label={`${cellName(view.data!.format, ref)}：${cellText(value) || '空'}，查看分机关明细`}
                    onClick={() => setCell(ref)}
                  >
                    {cellText(value) || '空'}
                  </Button>
                );
              }}
            />
          ))}
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            未计入汇总的机关（{view.data.excluded.length}）
          </Typography.Title>
          <Table
            rowKey="agencyId"
            size="small"
            pagination={{ defaultPageSize: 20 }}
            dataSource={view.data.excluded}
            columns={[
              { title: '机关', dataIndex: 'name' },
              { title: '状态', dataIndex: 'statusLabel', width: 150 },
              { title: '原因', dataIndex: 'message' },
            ]}
          />
        </>
      )}
      <Drawer
        open={cell !== null}
        onClose={() => setCell(null)}
        size={640}
        title={breakdown.data ? `${breakdown.data.label}：分机关明细` : '分机关明细'}
      >
        {breakdown.error && <LoadError message={breakdown.error} onRetry={breakdown.reload} />}
        {breakdown.data && (
          <>
            <Typography.Paragraph>合计：{breakdown.data.sum ?? '空'}</Typography.Paragraph>
            <List
              size="small"
              dataSource={breakdown.data.agencies}
              renderItem={(a) => (
                <List.Item extra={a.value ?? '空'}>
                  <span>{a.name}</span>
                </List.Item>
              )}
            />
          </>
        )}
      </Drawer>
    </>
  );
}
