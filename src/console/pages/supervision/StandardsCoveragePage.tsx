import { Flex, InputNumber, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useApi } from '../../use-api.ts';

interface AgencyCoverage {
  agency: { id: number; code: string; name: string; depth: number };
  totals: {
    matters: number;
    covered: number;
    late: number;
    gaps: number;
    published: number;
    lateItems: number;
  };
  gaps: string[];
}

/** The supervising office's view of the standard catalog: each agency below it, its gaps and late items. */
export function StandardsCoveragePage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const data = useApi<{ period: { from: string; to: string }; agencies: AgencyCoverage[] }>(
    `/api/supervision/coverage?year=${year}`,
  );
  return (
    <>
      <PageHeader
        title="所辖机关标准目录落实情况"
        sub="每个机关的政务公开事项：缺项（本年未公开且无仍有效的信息）、超期公开"
      />
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <label htmlFor="standards-year">年度</label>
        <InputNumber
          id="standards-year"
          min={2008}
          max={2100}
          value={year}
          onChange={(y) => typeof y === 'number' && setYear(y)}
        />
        {data.data && (
          <Typography.Text type="secondary">
            {data.data.period.from} 至 {data.data.period.to}
          </Typography.Text>
        )}
      </Flex>
      {data.error ? (
        <LoadError message={data.error} onRetry={data.reload} />
      ) : (
        <Table<AgencyCoverage>
          rowKey={(r) => r.agency.id}
          size="small"
          loading={data.loading}
          dataSource={data.data?.agencies ?? []}
          pagination={false}
          columns={[
            { title: '机关', render: (_, r) => `${'　'.repeat(r.agency.depth - 1)}${r.agency.name}` },
            {
              title: '事项数',
              align: 'right',
              render: (_, r) => r.totals.matters || <Tag>未建立标准目录</Tag>,
            },
            { title: '已公开', align: 'right', render: (_, r) => r.totals.covered },
            { title: '有超期', align: 'right', render: (_, r) => r.totals.late },
            {
              title: '缺项',
              align: 'right',
              render: (_, r) => (r.totals.gaps > 0 ? <Tag color="red">{r.totals.gaps}</Tag> : 0),
            },
            { title: '本年公开信息', align: 'right', render: (_, r) => r.totals.published },
            {
              title: '缺少的事项',
              render: (_, r) => (r.gaps.length > 0 ? r.gaps.join('；') : '—'),
            },
          ]}
        />
      )}
    </>
  );
}
