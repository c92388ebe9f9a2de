import { Button, Space } from 'antd';
import { useEffect } from 'react';
import { withQuery } from '../api.ts';
import { useApi } from '../use-api.ts';
import type { Page } from '../types.ts';
import type { DueStatus } from '../../domain/application/due-status.ts';
import { DUE_COLOUR } from './DueTag.tsx';

/** How many open applications are overdue and due soon — one click filters the inbox to them. */
export function DueCounters({ onPick, refresh }: { onPick: (due: DueStatus) => void; refresh: number }) {
  const overdue = useApi<Page<unknown>>(withQuery('/api/applications', { due: 'overdue', pageSize: 1 }));
  const soon = useApi<Page<unknown>>(withQuery('/api/applications', { due: 'due_soon', pageSize: 1 }));
  const [reloadOverdue, reloadSoon] = [overdue.reload, soon.reload];
  useEffect(() => {
    if (refresh === 0) return;
    reloadOverdue();
    reloadSoon();
  }, [refresh, reloadOverdue, reloadSoon]);
  const button = (due: DueStatus, label: string, n: number | undefined) => (
    <Button
      onClick={() => onPick(due)}
      style={
        n
          ? { background: DUE_COLOUR[due], borderColor: DUE_COLOUR[due], color: '#fff', transition: 'none' }
          : undefined
      }
    >
      {label} {n ?? '…'} 件
    </Button>
  );
  return (
    <Space aria-label="期限提醒">
      {button('overdue', '已逾期', overdue.data?.total)}
      {button('due_soon', '即将到期', soon.data?.total)}
    </Space>
  );
}
