import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { navigate, useLocation } from '../router.tsx';
import type { ReminderList } from '../types.ts';
import { useApi } from '../use-api.ts';

const CHANGED = 'gongkai:reminders-changed';

/** Tells the header's count that something the reminders depend on changed (a 会签 answered …). */
export function remindersChanged() {
  window.dispatchEvent(new Event(CHANGED));
}

/** The header's 待办提醒 button with the number of the person's reminders, refreshed on each page change and when
 * a page says the reminders changed. */
export function ReminderBadge() {
  const { path } = useLocation();
  const list = useApi<ReminderList>('/api/reminders');
  const { reload } = list;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else reload();
  }, [path, reload]);
  useEffect(() => {
    window.addEventListener(CHANGED, reload);
    return () => window.removeEventListener(CHANGED, reload);
  }, [reload]);
  const n = list.data?.reminders.length ?? 0;
  return (
    <Badge count={n} size="small" overflowCount={99} title={`待办提醒 ${n} 项`}>
      <Button
        size="small"
        icon={<BellOutlined />}
        data-testid="reminder-badge"
        aria-label={`待办提醒 ${n} 项`}
        onClick={() => navigate('/reminders')}
      >
        <span className="reminder-badge-label">待办提醒</span>
      </Button>
    </Badge>
  );
}
