import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { applicantTypeLabel } from '../../domain/application/applicant.ts';
import { CHANNEL_LABEL } from '../../domain/application/channel.ts';
import { Link } from '../router.tsx';
import type { InboxRow } from '../types.ts';
import { ReplyDueCell } from './ReplyDueCell.tsx';
import { StateTag } from './StateTag.tsx';
import { EmptyText } from './EmptyText.tsx';

const columns: TableColumnsType<InboxRow> = [
  {
    title: '查询码',
    dataIndex: 'trackingCode',
    width: 158,
    render: (code: string, row) => (
      <Link to={`/applications/${row.id}`} className="mono nowrap">
        {code}
      </Link>
    ),
  },
  {
    title: '申请人',
    key: 'applicant',
    width: 190,
    render: (_, row) => (
      <>
        <div>{row.applicantName}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {applicantTypeLabel(row.applicantType)}
        </Typography.Text>
      </>
    ),
  },
  {
    title: '申请公开的信息',
    dataIndex: 'summary',
    ellipsis: { showTitle: true },
  },
  { title: '方式', dataIndex: 'channel', width: 64, render: (c: InboxRow['channel']) => CHANNEL_LABEL[c] },
  { title: '收到申请日期', dataIndex: 'receivedOn', width: 112 },
  {
    title: '承办人',
    dataIndex: 'handlerName',
    width: 110,
    render: (name: string | null) => name ?? <Typography.Text type="secondary">未分办</Typography.Text>,
  },
  { title: '状态', dataIndex: 'state', width: 112, render: (s: InboxRow['state']) => <StateTag state={s} /> },
  { title: '答复期限', key: 'due', width: 230, render: (_, row) => <ReplyDueCell row={row} /> },
];

/** The register's rows: due-soon and overdue rows tinted, with the status in words in the 答复期限 column. */
export function InboxTable({
  rows,
  total,
  page,
  pageSize,
  loading,
  onPage,
}: {
  rows: InboxRow[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}) {
  return (
    <Table<InboxRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      rowClassName={(row) => (row.dueStatus && row.dueStatus !== 'on_track' ? `row-${row.dueStatus}` : '')}
      locale={{ emptyText: <EmptyText>没有符合条件的申请</EmptyText> }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (n) => `共 ${n} 件`,
        onChange: onPage,
      }}
    />
  );
}
