import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Statistic, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { withQuery } from '../../api.ts';
import { EmptyText } from '../../components/EmptyText.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useApi } from '../../use-api.ts';
import { ColumnStateTag } from './tags.tsx';
import type { ColumnResultView, ColumnsRow, ColumnsView } from './types.ts';

/** One agency's statutory columns: state, period, counts (the drill-down). */
function AgencyColumns({ row }: { row: ColumnsRow }) {
  return (
    <Table<ColumnResultView>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={row.columns ?? []}
      scroll={{ x: 820 }}
      aria-label={`${row.agency.name}的法定栏目`}
      columns={[
        { title: '一级栏目', dataIndex: 'group', width: 140 },
        { title: '栏目', dataIndex: 'label', width: 180 },
        { title: '依据', dataIndex: 'basis', width: 200 },
        {
          title: '状态',
          key: 'state',
          width: 110,
          render: (_, c) => <ColumnStateTag state={c.state} label={c.stateLabel} />,
        },
        {
          title: '近期公开',
          key: 'recent',
          width: 150,
          render: (_, c) =>
            c.state === 'generated' ? '—' : `${c.recent} 条（${c.since} 起，${c.staleMonths} 个月）`,
        },
        {
          title: '已公开',
          key: 'total',
          width: 80,
          render: (_, c) => (c.state === 'generated' ? '—' : c.total),
        },
        { title: '最近发布', key: 'last', width: 110, render: (_, c) => c.lastOn ?? '—' },
      ]}
    />
  );
}

/**
 * 法定栏目检查: each subordinate portal's 政府信息公开 专栏 — which statutory columns are not set up, empty or not
 * updated within their period — with the counts behind each, and the export.
 */
export function ColumnsTab() {
  const view = useApi<ColumnsView>('/api/supervision/columns');
  const [onlyProblems, setOnlyProblems] = useState(true);
  const rows = (view.data?.rows ?? []).filter(
    (r) => r.agency.onPlatform && (!onlyProblems || (r.problems ?? 0) > 0),
  );
  const s = view.data?.summary;
  return (
    <>
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Switch id="columns-problems" checked={onlyProblems} onChange={setOnlyProblems} />
          <label htmlFor="columns-problems">只显示有需关注栏目的机关</label>
        </Space>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={withQuery('/api/supervision/columns/export', { to: 'csv' })}
            download
          >
            导出 CSV
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={withQuery('/api/supervision/columns/export', { to: 'xlsx' })}
            download
          >
            导出 XLSX
          </Button>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" data-testid="columns-definitions" style={{ fontSize: 12 }}>
        栏目依据：国办公开办函〔2019〕61号规定政府信息公开专栏（国办发〔2017〕47号《政府网站发展指引》要求各政府网站设置）设“政府信息公开指南”“政府信息公开制度”“法定主动公开内容”“政府信息公开年报”一级栏目，法定主动公开内容按条例第二十条各项设置。
        统计口径：各机关目录中依据该条款设置的分类（及其子分类）里已发布、已失效、已废止的信息，按发布日期计；年报另计门户公开的年度报告。
        “空栏目”为从未公开信息，“未及时更新”为统计起点（今天往前推更新周期的月数）以来没有新公开的信息，“未设栏目”为目录中没有对应分类；更新周期可在“设置”中按栏目调整。
        公开指南由本系统依机关设置生成。
      </Typography.Paragraph>
      {view.error && <LoadError message={view.error} onRetry={view.reload} />}
      {s && (
        <Flex gap={32} wrap style={{ marginBottom: 16 }}>
          <Statistic title="检查的门户（使用本系统的机关）" value={s.agencies} />
          <Statistic title="有需关注栏目的机关" value={s.withProblems} />
          <Statistic title="未使用本系统（未检查）" value={s.notOnPlatform} />
        </Flex>
      )}
      <Table<ColumnsRow>
        rowKey={(r) => r.agency.id}
        size="small"
        loading={view.loading}
        dataSource={rows}
        pagination={{ defaultPageSize: 50 }}
        scroll={{ x: 720 }}
        locale={{ emptyText: <EmptyText>{onlyProblems ? '没有需关注的栏目' : '没有所辖机关'}</EmptyText> }}
        expandable={{
          expandedRowRender: (r) => <AgencyColumns row={r} />,
          expandRowByClick: false,
        }}
        columns={[
          { title: '机关', key: 'name', width: 220, render: (_, r) => r.agency.name },
          { title: '需关注栏目', key: 'problems', width: 110, render: (_, r) => r.problems ?? '—' },
          { title: '未设栏目', key: 'missing', render: (_, r) => r.counts?.missing ?? '—' },
          { title: '空栏目', key: 'empty', render: (_, r) => r.counts?.empty ?? '—' },
          { title: '未及时更新', key: 'stale', render: (_, r) => r.counts?.stale ?? '—' },
          { title: '正常更新', key: 'current', render: (_, r) => r.counts?.current ?? '—' },
        ]}
      />
    </>
  );
}
