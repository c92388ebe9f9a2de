import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import type { ApplicationState } from '../../domain/application/states.ts';
import type { DueStatus } from '../../domain/application/due-status.ts';
import { withQuery } from '../api.ts';
import { DueCounters } from '../components/DueCounters.tsx';
import type { InboxFilter } from '../components/InboxFilters.tsx';
import { InboxFilters } from '../components/InboxFilters.tsx';
import { InboxTable } from '../components/InboxTable.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { RegisterDrawer } from '../components/RegisterDrawer.tsx';
import { navigate, useLocation } from '../router.tsx';
import { hasRole, useSession } from '../session.tsx';
import type { Assignee, InboxRow, Page } from '../types.ts';
import { WorkloadCard } from '../components/WorkloadCard.tsx';
import { useApi } from '../use-api.ts';

/** The filter lives in the address, so the back button and a shared link keep it. */
function readFilter(query: URLSearchParams): InboxFilter & { page: number; pageSize: number } {
  const year = Number(query.get('year'));
  return {
    state: query.getAll('state') as ApplicationState[],
    due: (query.get('due') as DueStatus | null) ?? null,
    applicantType: query.get('applicantType'),
    year: Number.isInteger(year) && year > 0 ? year : null,
    q: query.get('q') ?? '',
    // the daily view: open applications only, unless the user asks for every one
    open: query.get('open') !== 'false',
    assignee: query.get('assignee'),
    page: Number(query.get('page')) || 1,
    pageSize: Number(query.get('pageSize')) || 20,
  };
}

/** The address keeps what differs from the default view (open applications, page 1, 20 a page). */
function toQuery(f: InboxFilter & { page: number; pageSize: number }) {
  return {
    state: f.state,
    due: f.due,
    applicantType: f.applicantType,
    year: f.year,
    q: f.q,
    open: f.open ? null : 'false',
    assignee: f.assignee,
    page: f.page > 1 ? f.page : null,
    pageSize: f.pageSize !== 20 ? f.pageSize : null,
  };
}

/** 收件箱: every application of the agency, the most urgent first. */
export function Inbox() {
  const { user } = useSession();
  const { query } = useLocation();
  const filter = readFilter(query);
  const [registering, setRegistering] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const list = useApi<Page<InboxRow>>(
    withQuery('/api/applications', {
      ...toQuery(filter),
      open: filter.open ? 'true' : null,
      page: filter.page,
      pageSize: filter.pageSize,
    }),
  );
  const go = (next: InboxFilter & { page: number; pageSize: number }) =>
    navigate(withQuery('/', toQuery(next)), { replace: true });
  const canRegister = hasRole(user, 'registrar', 'handler');
  const assignees = useApi<Assignee[]>('/api/assignees');
  const seesLoad = hasRole(user, 'head');
  return (
    <>
      <PageHeader
        title="收件箱"
        sub="政府信息公开申请登记簿：按答复期限排序，最紧急的在前"
        extra={
          <Flex gap={8} wrap>
            <DueCounters refresh={refresh} onPick={(due) => go({ ...filter, due, page: 1 })} />
            {canRegister && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
                登记申请
              </Button>
            )}
          </Flex>
        }
      />
      {seesLoad && (
        <WorkloadCard refresh={refresh} onPick={(assignee) => go({ ...filter, assignee, page: 1 })} />
      )}
      <InboxFilters
        value={filter}
        assignees={assignees.data ?? []}
        onChange={(f) => go({ ...f, page: 1, pageSize: filter.pageSize })}
      />
      {list.error && <LoadError message={list.error} onRetry={list.reload} />}
      <InboxTable
        rows={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        page={filter.page}
        pageSize={filter.pageSize}
        loading={list.loading}
        onPage={(page, pageSize) => go({ ...filter, page, pageSize })}
      />
      {canRegister && (
        <RegisterDrawer
          open={registering}
          onClose={() => setRegistering(false)}
          onRegistered={() => {
            list.reload();
            setRefresh((n) => n + 1);
          }}
        />
      )}
    </>
  );
}
