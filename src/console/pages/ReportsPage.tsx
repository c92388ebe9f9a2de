import { Button, InputNumber, Space, Table } from 'antd';
import { useState } from 'react';
import type { DeadlineStatus } from '../../domain/report-workspace/deadline.ts';
import { DEADLINE_STATE_LABEL } from '../../domain/report-workspace/deadline.ts';
import type { ReportStatus } from '../../domain/report-workspace/status.ts';
import { REPORT_STATUS_LABEL } from '../../domain/report-workspace/status.ts';
import { EmptyText } from '../components/EmptyText.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Link, navigate } from '../router.tsx';
import { useApi } from '../use-api.ts';

interface ReportSummary {
  year: number;
  status: ReportStatus;
  deadline: DeadlineStatus;
  publishedAt: string | null;
}

/** 年度报告: the agency's reports by year with status and deadline; open any year's workspace. */
export function ReportsPage() {
  const list = useApi<{ reports: ReportSummary[] }>('/api/reports');
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  return (
    <>
      <PageHeader
        title="年度报告"
        sub="政府信息公开工作年度报告（条例第四十九条、第五十条）"
        extra={
          <Space>
            <label htmlFor="report-year">年度</label>
            <InputNumber
              id="report-year"
              min={2008}
              max={2100}
              value={year}
              onChange={(y) => typeof y === 'number' && setYear(y)}
            />
            <Button type="primary" onClick={() => navigate(`/reports/${year}`)}>
              打开 {year} 年度报告
            </Button>
          </Space>
        }
      />
      {list.error && <LoadError message={list.error} onRetry={list.reload} />}
      <Table<ReportSummary>
        rowKey="year"
        loading={list.loading}
        dataSource={list.data?.reports ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyText>尚未开始编制任何年度报告</EmptyText> }}
        columns={[
          {
            title: '年度',
            dataIndex: 'year',
            render: (y: number) => <Link to={`/reports/${y}`}>{y} 年度报告</Link>,
          },
          { title: '状态', dataIndex: 'status', render: (s: ReportStatus) => REPORT_STATUS_LABEL[s] },
          {
            title: '公开期限',
            key: 'due',
            render: (_, r) => `${r.deadline.dueOn}（${DEADLINE_STATE_LABEL[r.deadline.state]}）`,
          },
          {
            title: '公开时间',
            dataIndex: 'publishedAt',
            render: (d: string | null) => d?.slice(0, 10) ?? '—',
          },
        ]}
      />
    </>
  );
}
