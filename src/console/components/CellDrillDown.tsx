import { Drawer, Table, Typography } from 'antd';
import { applicantTypeLabel } from '../../domain/application/applicant.ts';
import type { ApplicantType } from '../../domain/application/applicant.ts';
import { isOutcome, outcomeShortLabel } from '../../domain/application/decisions.ts';
import type { ApplicationState } from '../../domain/application/states.ts';
import type { CellRef } from '../../domain/report/cell.ts';
import type { ReportFormat } from '../../domain/report/format.ts';
import { cellName } from '../../domain/report/validate/labels.ts';
import { withQuery } from '../api.ts';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { LoadError } from './LoadError.tsx';
import { StateTag } from './StateTag.tsx';

export interface CountedApplication {
  id: number;
  trackingCode: string;
  applicantType: ApplicantType;
  applicantName: string;
  receivedOn: string;
  closedOn: string | null;
  outcome: string | null;
  state: ApplicationState;
  summary: string;
}

/** The applications a cell of table 三 counts (GET /api/table3/cell), each a link to its page. */
export function CellDrillDown({
  year,
  format,
  cell,
  onClose,
}: {
  year: number;
  format: ReportFormat;
  cell: CellRef | null;
  onClose: () => void;
}) {
  const path = cell ? withQuery('/api/table3/cell', { year, row: cell.row, column: cell.column, format }) : null;
  const { data, error, loading } = useApi<{ rows: CountedApplication[] }>(path);
  return (
    <Drawer open={cell !== null} onClose={onClose} size={860} title={cell ? `${year}年 ${cellName(format, cell)}` : ''}>
      {error && <LoadError message={error} />}
      <Typography.Paragraph>本单元格统计了以下 {data?.rows.length ?? '…'} 件申请：</Typography.Paragraph>
      <Table<CountedApplication>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: '没有申请计入本单元格' }}
        columns={[
          {
            title: '查询码',
            dataIndex: 'trackingCode',
            width: 130,
            render: (code: string, r) => (
              <Link to={`/applications/${r.id}`} className="mono">
                {code}
              </Link>
            ),
          },
          { title: '申请人', dataIndex: 'applicantName', width: 110 },
          { title: '类型', dataIndex: 'applicantType', width: 150, render: (t: ApplicantType) => applicantTypeLabel(t) },
          { title: '收到', dataIndex: 'receivedOn', width: 100 },
          { title: '办结', dataIndex: 'closedOn', width: 100, render: (d: string | null) => d ?? '—' },
          {
            title: '办理结果',
            key: 'outcome',
            render: (_, r) => (isOutcome(r.outcome) ? outcomeShortLabel(r.outcome) : <StateTag state={r.state} />),
          },
        ]}
      />
    </Drawer>
  );
}
