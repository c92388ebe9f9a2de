import { Alert, Space, Table, Tag, Typography } from 'antd';
import { EmptyText } from '../components/EmptyText.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { BLUE, GREY, ORANGE, RED } from '../components/tones.ts';
import { Link } from '../router.tsx';
import type { ReminderEntry, ReminderList } from '../types.ts';
import { useApi } from '../use-api.ts';

const TONE: Record<string, typeof RED> = {
  overdue: RED,
  due_soon: ORANGE,
  consultation_overdue: RED,
  cosign_overdue: RED,
  cosign_pending: BLUE,
  service_pending: ORANGE,
};

/** What each kind asks of the person, in one line. */
const HINT: Record<string, string> = {
  overdue: '答复期限已过（条例第三十三条），请尽快答复',
  due_soon: '答复期限将至（条例第三十三条）',
  consultation_overdue: '第三方逾期未提出意见，由本机关依法决定（条例第三十二条）',
  cosign_overdue: '会签期限已过仍未答复；会签不中止答复期限',
  cosign_pending: '请本科室答复会签意见；会签不中止答复期限',
  service_pending: '文书尚未送达，期限自送达之日起算（条例第三十条）',
};

/**
 * 待办提醒 (issue 12 point 4): the signed-in person's reminders — their cases due soon or overdue, consultations
 * past 15 working days, letters awaiting service, and the 会签 of their department or their cases — each linking
 * to its case. The daily e-mail sends the same list.
 */
export function RemindersPage() {
  const list = useApi<ReminderList>('/api/reminders');
  const data = list.data;
  const counts = data
    ? Object.entries(data.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${data.labels[k] ?? k} ${n} 件`)
    : [];
  return (
    <>
      <PageHeader
        title="待办提醒"
        sub={`截至 ${data?.today ?? '…'}：分配给我的申请${data?.department ? `、向${data.department}发起的会签` : ''}中需要处理的事项，最紧急的在前`}
      />
      {list.error && <LoadError message={list.error} onRetry={list.reload} />}
      {data && (
        <Alert
          data-testid="reminder-counts"
          type={data.reminders.length === 0 ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            data.reminders.length === 0
              ? '目前没有需要提醒的事项'
              : `共 ${data.reminders.length} 项：${counts.join('，')}`
          }
        />
      )}
      <Table<ReminderEntry>
        size="middle"
        rowKey={(r) => `${r.kind}:${r.applicationId}:${r.department ?? ''}`}
        loading={list.loading}
        dataSource={data?.reminders ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>没有待办提醒</EmptyText> }}
        scroll={{ x: 640 }}
        columns={[
          {
            title: '事项',
            dataIndex: 'kind',
            width: 180,
            render: (k: string, r) => <Tag style={TONE[k] ?? GREY}>{r.label}</Tag>,
          },
          {
            title: '查询码',
            dataIndex: 'trackingCode',
            width: 120,
            render: (code: string, r) => (
              <Link to={`/applications/${r.applicationId}`} className="mono">
                {code}
              </Link>
            ),
          },
          { title: '期限', dataIndex: 'dueOn', width: 112, render: (d: string | null) => d ?? '—' },
          {
            title: '说明',
            key: 'hint',
            render: (_, r) => (
              <Space size={4} wrap>
                <span>{HINT[r.kind] ?? ''}</span>
                {r.department && <Tag>{r.department}</Tag>}
                {r.unassigned && <Typography.Text type="secondary">（未分办）</Typography.Text>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
