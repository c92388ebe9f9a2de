import { Space, Typography } from 'antd';
import type { InboxRow } from '../types.ts';
import { DueTag } from './DueTag.tsx';

/** The inbox's 答复期限 column: the date, and days left in words and colour; why there is none otherwise. */
export function ReplyDueCell({ row }: { row: InboxRow }) {
  if (row.closedOn) return <Typography.Text type="secondary">{row.closedOn} 办结</Typography.Text>;
  if (!row.replyDue)
    return (
      <Typography.Text type="secondary">
        {row.state === 'correction_requested' ? '待补正，收到补正后重新计算' : '—'}
      </Typography.Text>
    );
  return (
    <Space orientation="vertical" size={0}>
      <span>{row.replyDue}</span>
      {row.dueStatus && (
        <DueTag status={row.dueStatus} workingDaysLeft={row.workingDaysLeft} provisional={row.provisional} />
      )}
    </Space>
  );
}
