import { App, Button, Flex, Select, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage, withQuery } from '../../api.ts';
import { EmptyText } from '../../components/EmptyText.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useApi } from '../../use-api.ts';
import { CollectDialog } from './CollectDialog.tsx';
import { ReportDrawer } from './ReportDrawer.tsx';
import { ReviewDialog } from './ReviewDialog.tsx';
import { ReportStatusTag, TimelinessTag } from './tags.tsx';
import type { CollectionRow, CollectionView } from './types.ts';

/** Which rows to show: all, or those that need the supervisor. */
const FILTERS: { value: string; label: string; keep: (r: CollectionRow) => boolean }[] = [
  { value: 'all', label: '全部机关', keep: () => true },
  { value: 'submitted', label: '待审核', keep: (r) => r.status === 'submitted' },
  {
    value: 'late',
    label: '逾期（未报送或逾期报送）',
    keep: (r) => ['overdue', 'late'].includes(r.timeliness.state),
  },
  { value: 'returned', label: '已退回修改', keep: (r) => r.status === 'returned' },
  { value: 'collect', label: '待代为收集（未使用本系统）', keep: (r) => r.collectable },
];

const sourceText = (row: CollectionRow) => {
  const s = row.deadline.source;
  return s.kind === 'statutory'
    ? row.deadline.article
    : s.kind === 'own'
      ? '本机关自定期限'
      : `${s.agencyName}内部期限`;
};

/** The year's collection: every agency below, its report's status, deadline and timeliness; return, clear, collect. */
export function CollectionTab({ year }: { year: number }) {
  const { message } = App.useApp();
  const view = useApi<CollectionView>(withQuery('/api/supervision/collection', { year }));
  const [reviewing, setReviewing] = useState<{ row: CollectionRow; decision: 'clear' | 'return' } | null>(
    null,
  );
  const [collecting, setCollecting] = useState<CollectionRow | null>(null);
  const [viewing, setViewing] = useState<CollectionRow | null>(null);
  const [filter, setFilter] = useState('all');
  const keep = FILTERS.find((f) => f.value === filter)!.keep;
  const urge = async (row: CollectionRow) => {
    try {
      const r = await api<{ recipients: number }>(
        'POST',
        `/api/supervision/reports/${row.agency.id}/${year}/urge`,
        {},
      );
      void message.success(`已向${row.agency.name}催报（邮件 ${r.recipients} 人）`);
      view.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const s = view.data?.summary;
  return (
    <>
      {view.error && <LoadError message={view.error} onRetry={view.reload} />}
      {s && (
        <Flex gap={32} wrap style={{ marginBottom: 16 }}>
          <Statistic title="所辖机关" value={s.agencies} />
          <Statistic title="已报送待审核" value={s.byStatus.submitted} />
          <Statistic title="已退回修改" value={s.byStatus.returned} />
          <Statistic title="审核通过 / 已公开" value={s.byStatus.cleared + s.byStatus.published} />
          <Statistic title="逾期未报送" value={s.byTimeliness.overdue} />
          <Statistic title="逾期报送" value={s.byTimeliness.late} />
        </Flex>
      )}
      <Space style={{ marginBottom: 12 }} wrap>
        <Button href={withQuery('/api/supervision/notice/export', { year, to: 'xlsx' })} download>
          导出通报名单 XLSX
        </Button>
        <Button href={withQuery('/api/supervision/notice/export', { year, to: 'csv' })} download>
          导出通报名单 CSV
        </Button>
        <label htmlFor="collection-filter">显示</label>
        <Select
          id="collection-filter"
          value={filter}
          onChange={setFilter}
          style={{ width: 260 }}
          options={FILTERS.map(({ value, label }) => ({ value, label }))}
        />
      </Space>
      <Table<CollectionRow>
        rowKey={(r) => r.agency.id}
        size="small"
        loading={view.loading}
        dataSource={(view.data?.rows ?? []).filter(keep)}
        pagination={{ defaultPageSize: 50, showSizeChanger: true }}
        locale={{ emptyText: <EmptyText>没有所辖机关</EmptyText> }}
        rowClassName={(r) => (r.timeliness.state === 'overdue' ? 'row-overdue' : '')}
        columns={[
          {
            title: '机关',
            key: 'agency',
            render: (_, r) => (
              <div style={{ paddingLeft: r.agency.depth * 16 }}>
                <div>{r.agency.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.agency.kindLabel}
                  {!r.agency.onPlatform && ' · 未使用本系统'}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: '状态',
            key: 'status',
            width: 130,
            render: (_, r) => <ReportStatusTag status={r.status} />,
          },
          {
            title: '报送期限',
            key: 'due',
            width: 150,
            render: (_, r) => (
              <Tooltip title={sourceText(r)}>
                <span className="nowrap">{r.deadline.dueOn}</span>
                {r.deadline.local && <Typography.Text type="secondary">（内部）</Typography.Text>}
              </Tooltip>
            ),
          },
          {
            title: '是否按时',
            key: 'timeliness',
            width: 170,
            render: (_, r) => (
              <Space size={4}>
                <TimelinessTag state={r.timeliness.state} label={r.timeliness.label} />
                {r.timeliness.arrivedOn && <span className="nowrap">{r.timeliness.arrivedOn}</span>}
              </Space>
            ),
          },
          {
            title: '核对问题',
            key: 'findings',
            width: 110,
            render: (_, r) =>
              r.findings ? (
                `${r.findings.errors} 错误 / ${r.findings.warnings} 提示`
              ) : (
                <EmptyText>—</EmptyText>
              ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 260,
            render: (_, r) => {
              const can = (a: string) => r.actions.find((o) => o.action === a && o.allowed);
              return (
                <Space size={4} wrap>
                  {r.report && (
                    <Button size="small" onClick={() => setViewing(r)} aria-label={`查看：${r.agency.name}`}>
                      查看
                    </Button>
                  )}
                  {(can('clear') || can('return')) && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setReviewing({ row: r, decision: can('clear') ? 'clear' : 'return' })}
                      aria-label={`审核：${r.agency.name}`}
                    >
                      审核
                    </Button>
                  )}
                  {r.urgeable && ['overdue', 'due_today'].includes(r.timeliness.state) && (
                    <Button
                      size="small"
                      danger
                      onClick={() => void urge(r)}
                      aria-label={`催报：${r.agency.name}`}
                    >
                      催报{r.urges ? `（已 ${r.urges.count} 次）` : ''}
                    </Button>
                  )}
                  {r.collectable && (
                    <Button
                      size="small"
                      onClick={() => setCollecting(r)}
                      aria-label={`收集报告：${r.agency.name}`}
                    >
                      收集报告
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {reviewing && (
        <ReviewDialog
          row={reviewing.row}
          year={year}
          initial={reviewing.decision}
          onCancel={() => setReviewing(null)}
          onDone={(decision) => {
            void message.success(
              `${reviewing.row.agency.name}的年度报告已${decision === 'clear' ? '审核通过' : '退回修改'}`,
            );
            setReviewing(null);
            setViewing(null);
            view.reload();
          }}
        />
      )}
      {collecting && (
        <CollectDialog
          row={collecting}
          year={year}
          onCancel={() => setCollecting(null)}
          onDone={(text) => {
            void message.success(text);
            setCollecting(null);
            view.reload();
          }}
        />
      )}
      {viewing && (
        <ReportDrawer
          row={viewing}
          year={year}
          onClose={() => setViewing(null)}
          onReview={(decision) => setReviewing({ row: viewing, decision })}
        />
      )}
    </>
  );
}
