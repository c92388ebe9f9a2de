import { Card, Timeline, Typography } from 'antd';
import { isRole, ROLE_LABEL } from '../../../domain/access/roles.ts';
import { isReviewAction, TRANSITIONS } from '../../../domain/catalog/review.ts';
import type { StoredEventView } from '../../types-catalog.ts';
import { chinaTime } from '../EventTimeline.tsx';

const OTHER: Record<string, string> = {
  create: '起草',
  update: '修改草稿',
  add_attachment: '上传附件',
  remove_attachment: '删除附件',
  clear_hit: '确认敏感信息检查结果',
};

/** '审核人（user:3）'. */
export function actorText(actor: string, actorRole: string | null): string {
  const roles = (actorRole ?? '')
    .split(',')
    .filter(isRole)
    .map((r) => ROLE_LABEL[r])
    .join('、');
  const who = actor.startsWith('system') ? '系统' : actor;
  return roles ? `${roles}（${who}）` : who;
}

const label = (action: string) =>
  isReviewAction(action) ? TRANSITIONS[action].label : (OTHER[action] ?? action);

/** 操作记录: every step of the item, from the append-only event log. */
export function ItemEvents({ events }: { events: StoredEventView[] }) {
  return (
    <Card title="操作记录" size="small">
      <Timeline
        items={events.map((e) => {
          const data = e.data ?? {};
          const detail =
            typeof data.reason === 'string'
              ? `理由：${data.reason}`
              : typeof data.note === 'string'
                ? `说明：${data.note}`
                : null;
          return {
            key: e.id,
            content: (
              <div data-testid="item-event">
                <strong>{label(e.action)}</strong>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                  {chinaTime(e.at)} · {actorText(e.actor, e.actorRole)}
                </Typography.Text>
                {detail && <div>{detail}</div>}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
