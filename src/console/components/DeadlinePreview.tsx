import { Alert } from 'antd';
import type { Channel, MailKind } from '../../domain/application/channel.ts';
import { withQuery } from '../api.ts';
import type { DeadlineSummary } from '../types.ts';
import { useApi } from '../use-api.ts';
import { PROVISIONAL_HINT } from './DueTag.tsx';

/** The statutory dates an application received on this day will carry, before it is registered. */
export function DeadlinePreview({
  received,
  channel,
  mailKind,
}: {
  received: string | null;
  channel: Channel | undefined;
  mailKind: MailKind | null | undefined;
}) {
  const path =
    received && channel
      ? withQuery('/api/calendar/deadline', {
          received,
          channel,
          mailKind: channel === 'mail' ? (mailKind ?? 'registered') : null,
        })
      : null;
  const { data, error } = useApi<DeadlineSummary>(path);
  if (!path) return null;
  if (error) return <Alert type="warning" showIcon title={error} />;
  if (!data) return null;
  const mark = (d: { date: string; provisional: boolean }) => `${d.date}${d.provisional ? '（暂定）' : ''}`;
  return (
    <Alert
      type="info"
      showIcon
      title={`收到申请之日 ${data.receivedOn}`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          <li>补正告知期限：{mark(data.correctionNotice)}</li>
          <li>答复期限：{mark(data.reply)}</li>
          <li>延期后最迟：{mark(data.latestReply)}</li>
          {data.provisional && <li>{PROVISIONAL_HINT}</li>}
        </ul>
      }
    />
  );
}
