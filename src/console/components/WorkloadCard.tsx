import { Button, Card, Table, Typography } from 'antd';
import { useEffect } from 'react';
import type { Workload } from '../types.ts';
import { useApi } from '../use-api.ts';

type Line = { key: string; assignee: string; name: string; open: number; overdue: number; dueSoon: number };

/** 各承办人在办情况 (issue 12 point 1): each handler's open, overdue and due-soon applications, and the unassigned. */
export function WorkloadCard({ refresh, onPick }: { refresh: number; onPick: (assignee: string) => void }) {
  const load = useApi<Workload>('/api/workload');
  const { reload } = load;
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);
  if (!load.data) return null;
  const lines: Line[] = load.data.handlers.map((h) => ({
    key: String(h.handlerId),
    assignee: String(h.handlerId),
    ...h,
  }));
  if (load.data.unassigned)
    lines.push({ key: 'none', assignee: 'none', name: '未分办', ...load.data.unassigned });
  return (
    <Card size="small" title="各承办人在办情况" style={{ marginBottom: 12 }} data-testid="workload">
      <Table<Line>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={lines}
        columns={[
          {
            title: '承办人',
            dataIndex: 'name',
            render: (name: string, row) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPick(row.assignee)}>
                {name}
              </Button>
            ),
          },
          { title: '在办', dataIndex: 'open', width: 80, align: 'right' },
          {
            title: '临近到期',
            dataIndex: 'dueSoon',
            width: 90,
            align: 'right',
          },
          {
            title: '逾期',
            dataIndex: 'overdue',
            width: 80,
            align: 'right',
            render: (n: number) =>
              n > 0 ? (
                <Typography.Text type="danger" strong>
                  {n}
                </Typography.Text>
              ) : (
                n
              ),
          },
        ]}
      />
    </Card>
  );
}
