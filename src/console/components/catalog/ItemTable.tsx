import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { Category } from '../../../domain/catalog/categories.ts';
import { Link } from '../../router.tsx';
import type { ItemRow } from '../../types-catalog.ts';
import { ItemStateTag } from './ItemStateTag.tsx';
import { TimelinessTag } from './TimelinessTag.tsx';
import { EmptyText } from '../EmptyText.tsx';

function columns(categories: readonly Category[]): TableColumnsType<ItemRow> {
  const name = (code: string) => categories.find((c) => c.code === code)?.name ?? code;
  return [
    {
      title: '标题',
      dataIndex: 'title',
      render: (title: string, r) => (
        <>
          <Link to={`/catalog/items/${r.id}`}>{title}</Link>
          {r.docNumber && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {r.docNumber}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: '分类', dataIndex: 'categoryCode', width: 120, render: name },
    {
      title: '状态',
      dataIndex: 'state',
      width: 120,
      render: (s: ItemRow['state']) => <ItemStateTag state={s} />,
    },
    {
      title: '敏感信息',
      dataIndex: 'unclearedHits',
      width: 110,
      render: (n: number) =>
        n > 0 ? (
          <Tag style={{ color: '#fff', background: '#a8071a', borderColor: '#a8071a' }}>{n} 处待确认</Tag>
        ) : (
          '—'
        ),
    },
    { title: '成文日期', dataIndex: 'writtenOn', width: 106, render: (d: string | null) => d ?? '—' },
    { title: '发布日期', dataIndex: 'publishedOn', width: 106, render: (d: string | null) => d ?? '—' },
    {
      title: '公开时限',
      key: 'timeliness',
      width: 170,
      render: (_, r) => <TimelinessTag timeliness={r.timeliness} dueOn={r.publicationDueOn} />,
    },
    {
      title: '索引号',
      dataIndex: 'indexNumber',
      width: 150,
      render: (n: string | null) => <span className="mono">{n ?? '—'}</span>,
    },
  ];
}

/** Items of the catalog: state, sensitive-content hits still to clear, and the Art. 26 flag. */
export function ItemTable({
  rows,
  categories,
  loading,
  pagination,
  empty,
}: {
  rows: ItemRow[];
  categories: readonly Category[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  empty: string;
}) {
  return (
    <Table<ItemRow>
      rowKey="id"
      size="middle"
      columns={columns(categories)}
      dataSource={rows}
      loading={loading}
      pagination={pagination}
      rowClassName={(r) =>
        r.timeliness === 'overdue' ? 'row-overdue' : r.unclearedHits > 0 ? 'row-due_soon' : ''
      }
      locale={{ emptyText: <EmptyText>{empty}</EmptyText> }}
    />
  );
}
