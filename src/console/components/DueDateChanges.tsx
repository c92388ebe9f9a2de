import { Card, Table } from 'antd';
import { DUE_DATE_REASON_LABEL, DUE_KIND_LABEL } from '../../domain/application/due-date-changes.ts';
import type { TimelineDueDateChange } from '../types.ts';
import { EmptyText } from './EmptyText.tsx';

/** 期限变更记录: every change of every due date, with its reason and article. */
export function DueDateChanges({ changes }: { changes: TimelineDueDateChange[] }) {
  return (
    <Card title="期限变更记录" size="small">
      <Table<TimelineDueDateChange>
        size="small"
        pagination={false}
        rowKey={(c, i) => `${c.on}-${c.kind}-${i ?? 0}`}
        dataSource={changes}
        locale={{ emptyText: <EmptyText>暂无期限变更</EmptyText> }}
        columns={[
          { title: '日期', dataIndex: 'on', width: 96 },
          {
            title: '期限',
            dataIndex: 'kind',
            width: 100,
            render: (k: TimelineDueDateChange['kind']) => DUE_KIND_LABEL[k],
          },
          {
            title: '变更',
            key: 'change',
            width: 190,
            render: (_, c) => `${c.from ?? '（无）'} → ${c.to ?? '（停止计算）'}`,
          },
          {
            title: '原因与依据',
            key: 'reason',
            render: (_, c) => `${DUE_DATE_REASON_LABEL[c.reason] ?? c.reason}（${c.article}）`,
          },
        ]}
      />
    </Card>
  );
}
