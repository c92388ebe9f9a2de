import { App, Col, Row, Skeleton, Space } from 'antd';
import { useCallback } from 'react';
import { AppealsOfApplication } from '../components/appeals/AppealsOfApplication.tsx';
import { ActionBar } from '../components/actions/ActionBar.tsx';
import { ApplicantCard } from '../components/ApplicantCard.tsx';
import { AssignCard } from '../components/AssignCard.tsx';
import { ClockCard } from '../components/ClockCard.tsx';
import { CosignCard } from '../components/CosignCard.tsx';
import { remindersChanged } from '../components/ReminderBadge.tsx';
import { DueDateChanges } from '../components/DueDateChanges.tsx';
import { EventTimeline } from '../components/EventTimeline.tsx';
import { LettersCard } from '../components/LettersCard.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ReplyAttachmentsCard } from '../components/ReplyAttachmentsCard.tsx';
import { RequestCard } from '../components/RequestCard.tsx';
import { StateTag } from '../components/StateTag.tsx';
import type { PageProps } from '../routes.tsx';
import { Link } from '../router.tsx';
import type { ApplicationView, Timeline } from '../types.ts';
import { useApi } from '../use-api.ts';

/** One application: the clock, the applicant, the request, what has happened, the letters and the next steps. */
export function ApplicationPage({ params }: PageProps) {
  const id = Number(params.id);
  const { message } = App.useApp();
  const view = useApi<ApplicationView>(`/api/applications/${id}`);
  const timeline = useApi<Timeline>(`/api/applications/${id}/timeline`);
  const reloadTimeline = timeline.reload;
  const { set: setView, reload: reloadView } = view;
  const changed = useCallback(
    (next: ApplicationView) => {
      setView(next);
      reloadTimeline();
      remindersChanged();
      void message.success(`已办理，当前状态：${next.stateLabel}`);
    },
    [setView, reloadTimeline, message],
  );
  const conflict = useCallback(() => {
    reloadView();
    reloadTimeline();
  }, [reloadView, reloadTimeline]);
  if (view.error && !view.data)
    return (
      <>
        <PageHeader title="申请" />
        <LoadError message={view.error} onRetry={view.reload} />
        <Link to="/">返回收件箱</Link>
      </>
    );
  if (!view.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const v = view.data;
  return (
    <>
      <PageHeader
        title={`申请 ${v.trackingCode}`}
        sub={
          <Space size={4}>
            <span data-testid="application-state">
              <StateTag state={v.application.state} />
            </span>
            <span>{v.applicant.name}</span>
            <span>· 收到申请之日 {v.application.receivedOn}</span>
            <Link to="/">返回收件箱</Link>
          </Space>
        }
        extra={<ActionBar view={v} onChanged={changed} onConflict={conflict} />}
      />
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <ClockCard view={v} />
        <Row gutter={12}>
          <Col span={15}>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <RequestCard view={v} />
              {timeline.error && <LoadError message={timeline.error} onRetry={timeline.reload} />}
              <EventTimeline events={timeline.data?.events ?? []} />
              <DueDateChanges changes={timeline.data?.dueDateChanges ?? []} />
            </Space>
          </Col>
          <Col span={9}>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <AssignCard
                view={v}
                onChanged={(next) => {
                  setView(next);
                  reloadTimeline();
                }}
              />
              <CosignCard view={v} onChanged={reloadTimeline} />
              <ApplicantCard view={v} onRevealed={reloadTimeline} />
              <LettersCard applicationId={v.id} letters={timeline.data?.letters ?? []} />
              <ReplyAttachmentsCard view={v} />
              <AppealsOfApplication applicationId={v.id} />
            </Space>
          </Col>
        </Row>
      </Space>
    </>
  );
}
