import { Table } from 'antd';
import type { ApplicantType } from '../../../domain/application/applicant.ts';
import { applicantTypeLabel } from '../../../domain/application/applicant.ts';
import { isOutcome, outcomeShortLabel } from '../../../domain/application/decisions.ts';
import { Link } from '../../router.tsx';
import type { CountedApplication } from '../../types-report.ts';
import { EmptyText } from '../EmptyText.tsx';
import { StateTag } from '../StateTag.tsx';

/** The applications a cell counts, each a link to its page. */
export function CountedApplications({ rows }: { rows: CountedApplication[] }) {
  return (
    <Table<CountedApplication>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: <EmptyText>没有申请计入本单元格</EmptyText> }}
      columns={[
        {
          title: '查询码',
          dataIndex: 'trackingCode',
          width: 150,
          render: (code: string, r) => (
            <Link to={`/applications/${r.id}`} className="mono nowrap">
              {code}
            </Link>
          ),
        },
        { title: '申请人', dataIndex: 'applicantName', width: 120 },
        {
          title: '类型',
          dataIndex: 'applicantType',
          width: 150,
          render: (t: ApplicantType) => applicantTypeLabel(t),
        },
        { title: '收到', dataIndex: 'receivedOn', width: 100 },
        { title: '办结', dataIndex: 'closedOn', width: 100, render: (d: string | null) => d ?? '—' },
        {
          title: '办理结果',
          key: 'outcome',
          render: (_, r) =>
            isOutcome(r.outcome) ? outcomeShortLabel(r.outcome) : <StateTag state={r.state} />,
        },
      ]}
    />
  );
}
