import { Alert } from 'antd';
import type { WorkspaceView } from '../../types-report.ts';

/** 公开期限 (条例第四十九条): 31 January for a department (31 March for a 人民政府), always in sight. */
export function DeadlineBanner({ view }: { view: WorkspaceView }) {
  const d = view.deadline;
  const basis = `${d.article}${d.local ? '；本机关规定的期限早于法定期限' : ''}`;
  const left =
    d.daysLeft === null
      ? d.daysLate
        ? `，晚于期限 ${d.daysLate} 天`
        : ''
      : d.daysLeft > 0
        ? `，还有 ${d.daysLeft} 天`
        : d.daysLeft < 0
          ? `，已逾期 ${-d.daysLeft} 天`
          : '';
  const type =
    d.state === 'overdue' || d.state === 'late'
      ? 'error'
      : d.state === 'due_today'
        ? 'warning'
        : d.state === 'open'
          ? 'info'
          : 'success';
  return (
    <Alert
      type={type}
      showIcon
      role="status"
      style={{ marginBottom: 12 }}
      title={`公开期限 ${d.dueOn}（${d.stateLabel}${left}）`}
      description={`年度报告应于 ${d.dueOn} 前向社会公布（${basis}）。`}
    />
  );
}
