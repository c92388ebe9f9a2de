import { Alert, Flex, InputNumber, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CoverageStatus } from '../../../domain/catalog/coverage.ts';
import { href } from '../../router.tsx';
import type { MatterView } from '../../types-catalog.ts';
import { useApi } from '../../use-api.ts';
import { LoadError } from '../LoadError.tsx';

interface CoverageRow {
  matter: MatterView;
  status: CoverageStatus;
  statusLabel: string;
  published: number;
  late: number;
  standing: number;
  overdue: number;
  items: {
    id: number;
    title: string;
    publishedOn: string | null;
    publicationDueOn: string | null;
    flag: string;
  }[];
}
interface Coverage {
  period: { from: string; to: string };
  rows: CoverageRow[];
  totals: { matters: number; covered: number; late: number; gaps: number; onRequest: number };
  explained: { interpretation: number; interpretationsWithDocument: number; response: number };
}

/** Tag colours with enough contrast (WCAG AA), as TimelinessTag's. */
export const STATUS_STYLE: Record<
  CoverageStatus,
  { color: string; background: string; borderColor: string }
> = {
  covered: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  late: { color: '#fff', background: '#ad4e00', borderColor: '#ad4e00' },
  gap: { color: '#fff', background: '#a8071a', borderColor: '#a8071a' },
  on_request: { color: '#434343', background: '#f5f5f5', borderColor: '#d9d9d9' },
};
const FLAG: Record<string, string> = {
  on_time: '按时',
  late: '超期公开',
  overdue: '已超期未公开',
  unknown: '未填成文日期',
};

/** 标准目录落实情况 of one agency in a year: each 事项 with what was published, late, overdue, or missing. */
export function CoverageTable({ agencyId }: { agencyId: number }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const data = useApi<Coverage>(`/api/catalog/agencies/${agencyId}/coverage?year=${year}`);
  if (data.error) return <LoadError message={data.error} onRetry={data.reload} />;
  const c = data.data;
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <label htmlFor="coverage-year">年度</label>
        <InputNumber
          id="coverage-year"
          min={2008}
          max={2100}
          value={year}
          onChange={(y) => typeof y === 'number' && setYear(y)}
        />
        {c && (
          <Typography.Text data-testid="coverage-totals">
            {c.period.from} 至 {c.period.to}：共 {c.totals.matters} 个事项，已公开 {c.totals.covered}{' '}
            个，有超期 {c.totals.late} 个，缺项 {c.totals.gaps} 个，依申请公开 {c.totals.onRequest} 个
          </Typography.Text>
        )}
      </Flex>
      {c && c.totals.gaps > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本年度有 ${c.totals.gaps} 个主动公开事项没有公开信息，也没有仍有效的往年信息`}
        />
      )}
      <Table<CoverageRow>
        rowKey={(r) => r.matter.id}
        size="small"
        loading={data.loading}
        dataSource={c?.rows ?? []}
        pagination={false}
        locale={{ emptyText: '尚未建立标准目录' }}
        expandable={{
          rowExpandable: (r) => r.items.length > 0,
          expandedRowRender: (r) => (
            <ul style={{ margin: 0 }}>
              {r.items.map((i) => (
                <li key={i.id}>
                  <a href={href(`/catalog/items/${i.id}`)}>{i.title}</a>（{FLAG[i.flag]}
                  {i.publishedOn ? `，${i.publishedOn} 发布` : ''}
                  {i.publicationDueOn ? `，期限 ${i.publicationDueOn}` : ''}）
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: '一级事项', render: (_, r) => r.matter.level1 },
          { title: '二级事项', render: (_, r) => r.matter.level2 },
          { title: '公开时限', render: (_, r) => r.matter.timeLimit },
          { title: '状态', render: (_, r) => <Tag style={STATUS_STYLE[r.status]}>{r.statusLabel}</Tag> },
          { title: '本年公开', dataIndex: 'published', align: 'right' },
          { title: '其中超期', dataIndex: 'late', align: 'right' },
          { title: '往年仍有效', dataIndex: 'standing', align: 'right' },
          { title: '已超期未公开', dataIndex: 'overdue', align: 'right' },
        ]}
      />
    </>
  );
}
