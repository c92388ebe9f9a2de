import { Space, Tag, Typography } from 'antd';
import type { InboxRow } from '../types.ts';
import { DueTag } from './DueTag.tsx';
import { BLUE, ORANGE, RED } from './tones.ts';

/**
 * The inbox's 答复期限 column: the date, and the working days left in words and colour ('剩余 3 个工作日',
 * '已逾期 2 个工作日'); why there is no count otherwise (closed, awaiting a 补正, the clock paused).
 */
export function ReplyDueCell({ row }: { row: InboxRow }) {
  const extra = (
    <>
      {row.consultationOverdue && (
        <Tag style={RED}>征求意见逾期（{row.consultationDue}），由本机关依法决定</Tag>
      )}
      {row.servicePending && <Tag style={ORANGE}>文书待送达</Tag>}
      {row.cosignsOverdue > 0 && <Tag style={RED}>会签逾期 {row.cosignsOverdue}</Tag>}
      {row.cosignsOpen > row.cosignsOverdue && (
        <Tag style={BLUE}>会签待答复 {row.cosignsOpen - row.cosignsOverdue}</Tag>
      )}
    </>
  );
  if (row.closedOn) return <Typography.Text type="secondary">{row.closedOn} 办结</Typography.Text>;
  if (!row.replyDue)
    return (
      <Typography.Text type="secondary">
        {row.state === 'correction_requested' ? '待补正，收到补正后重新计算' : '—'}
      </Typography.Text>
    );
  if (row.dueStatus && row.workingDaysLeft === null)
    return (
      <Space orientation="vertical" size={0}>
        <span>{row.replyDue}</span>
        <Typography.Text type="secondary">{row.stateLabel}，暂停计时</Typography.Text>
        {extra}
      </Space>
    );
  return (
    <Space orientation="vertical" size={0}>
      <span>{row.replyDue}</span>
      {row.dueStatus && (
        <DueTag status={row.dueStatus} workingDaysLeft={row.workingDaysLeft} provisional={row.provisional} />
      )}
      {extra}
    </Space>
  );
}
