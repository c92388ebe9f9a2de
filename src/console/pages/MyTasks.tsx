import { Alert } from 'antd';
import { withQuery } from '../api.ts';
import { InboxTable } from '../components/InboxTable.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { navigate, useLocation } from '../router.tsx';
import type { InboxRow, Page, Workload } from '../types.ts';
import { useApi } from '../use-api.ts';

/** 我的待办 (issue 12 point 1): the open applications assigned to me, the most urgent first. */
export function MyTasks() {
  const { query } = useLocation();
  const page = Number(query.get('page')) || 1;
  const pageSize = Number(query.get('pageSize')) || 20;
  const list = useApi<Page<InboxRow>>(withQuery('/api/applications', { mine: 'true', page, pageSize }));
  const load = useApi<Workload>('/api/workload');
  const mine = load.data?.handlers[0];
  return (
    <>
      <PageHeader title="我的待办" sub="分办给我、尚未办结的申请：按答复期限排序，最紧急的在前" />
      {mine && load.data?.handlers.length === 1 && (
        <Alert
          type={mine.overdue > 0 ? 'error' : mine.dueSoon > 0 ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          message={`在办 ${mine.open} 件，其中临近到期 ${mine.dueSoon} 件、逾期 ${mine.overdue} 件`}
        />
      )}
      {list.error && <LoadError message={list.error} onRetry={list.reload} />}
      <InboxTable
        rows={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={list.loading}
        onPage={(p, size) =>
          navigate(withQuery('/mine', { page: p > 1 ? p : null, pageSize: size !== 20 ? size : null }), {
            replace: true,
          })
        }
      />
    </>
  );
}
