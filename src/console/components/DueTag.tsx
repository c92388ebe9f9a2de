import { Tag, Tooltip } from 'antd';
import type { DueStatus } from '../../domain/application/due-status.ts';
import { DUE_STATUS_LABEL } from '../../domain/application/due-status.ts';

/** Solid colours with white text (contrast ≥ 4.5:1); the words say the same as the colour. */
export const DUE_COLOUR: Record<DueStatus, string> = {
  overdue: '#a8071a',
  due_soon: '#ad4e00',
  on_track: '#237804',
};

export const PROVISIONAL_HINT =
  '该年度国务院办公厅放假安排尚未公布，暂按周末和法定节假日计算，公布后自动重算';

/** '剩余 3 个工作日' / '今天到期' / '已逾期 2 个工作日'. */
export function daysLeftText(days: number): string {
  return days < 0 ? `已逾期 ${-days} 个工作日` : days === 0 ? '今天到期' : `剩余 ${days} 个工作日`;
}

/** The reply clock of an application at a glance: status in words and colour, days left, provisional. */
export function DueTag({
  status,
  workingDaysLeft,
  provisional,
}: {
  status: DueStatus;
  workingDaysLeft?: number | null;
  provisional?: boolean;
}) {
  const days = typeof workingDaysLeft === 'number' ? daysLeftText(workingDaysLeft) : null;
  const text =
    status === 'on_track'
      ? (days ?? DUE_STATUS_LABEL.on_track)
      : status === 'overdue' && days
        ? days
        : [DUE_STATUS_LABEL[status], days].filter(Boolean).join(' · ');
  return (
    <span>
      <Tag color={DUE_COLOUR[status]} style={{ marginInlineEnd: 4 }}>
        {text}
      </Tag>
      {provisional && (
        <Tooltip title={PROVISIONAL_HINT}>
          <Tag style={{ borderStyle: 'dashed' }}>暂定</Tag>
        </Tooltip>
      )}
    </span>
  );
}
