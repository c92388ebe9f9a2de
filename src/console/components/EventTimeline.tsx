import { Card, Empty, Timeline, Typography } from 'antd';
import type { Role } from '../../domain/access/roles.ts';
import { ROLE_LABEL } from '../../domain/access/roles.ts';
import type { ActionType } from '../../domain/application/actions.ts';
import { ACTION_LABEL } from '../../domain/application/actions.ts';
import { STATE_LABEL } from '../../domain/application/states.ts';
import type { TimelineEvent } from '../types.ts';
import { EventDetails } from './EventDetails.tsx';

const OTHER_LABEL: Record<string, string> = {
  register: '登记申请',
  refresh_deadlines: '放假安排更新，重新计算期限',
  reveal_personal_data: '查看申请人完整个人信息',
  view_letter: '查看文书',
  preview_letter: '预览文书',
  assign: '分办',
  reassign: '转办',
  open_cosign: '发起内部会签',
  answer_cosign: '答复会签',
  withdraw_cosign: '撤回会签',
};

const label = (action: string) => ACTION_LABEL[action as ActionType] ?? OTHER_LABEL[action] ?? action;

/** '登记员（张敏）' — the roles the actor acted in, and who by name (申请人, 系统 for the others). */
function actorText(event: TimelineEvent): string {
  const roles = (event.data?.actorRoles ?? []).map((r: Role) => ROLE_LABEL[r]).join('、');
  return roles ? `${roles}（${event.actorName}）` : event.actorName;
}

/** The instant in China's time zone, where the work happens: '2026-03-02 10:00'. */
export function chinaTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** 办理过程: every event, oldest first, with who, when, the change of state, the data and any warning. */
export function EventTimeline({ events }: { events: TimelineEvent[] }) {
  return (
    <Card title="办理过程" size="small">
      {events.length === 0 ? (
        <Empty description="暂无记录" />
      ) : (
        <Timeline
          items={events.map((e) => {
            const before = e.data?.before?.state;
            const after = e.data?.after?.state;
            const warnings = e.data?.warnings ?? [];
            return {
              key: e.id,
              color: warnings.length ? 'red' : e.action === 'reveal_personal_data' ? 'gray' : 'blue',
              content: (
                <div data-testid="timeline-event">
                  <div>
                    <strong>{label(e.action)}</strong>
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                      {chinaTime(e.at)} · {actorText(e)}
                    </Typography.Text>
                  </div>
                  {after && before !== after && (
                    <div>
                      状态：{before ? `${STATE_LABEL[before]} → ` : ''}
                      {STATE_LABEL[after]}
                    </div>
                  )}
                  <EventDetails
                    action={e.action}
                    details={e.data?.details ?? (e.data as Record<string, unknown> | undefined) ?? {}}
                  />
                  {warnings.map((w) => (
                    <Typography.Text key={w} type="warning" style={{ display: 'block' }}>
                      注意：{w}
                    </Typography.Text>
                  ))}
                </div>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
