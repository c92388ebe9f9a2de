import { Alert } from 'antd';
import { useSession } from '../../session.tsx';
import type { ItemRow } from '../../types-catalog.ts';
import { useApi } from '../../use-api.ts';
import { LoadError } from '../LoadError.tsx';
import { ItemTable } from './ItemTable.tsx';
import { useCatalogConfig } from './use-catalog-config.ts';

/** 审核队列: items waiting for 审核, 保密审查, 领导签发 or 发布, oldest first; uncleared scanner hits stand out. */
export function ReviewQueue() {
  const { user } = useSession();
  const config = useCatalogConfig();
  const queue = useApi<{ items: ItemRow[] }>(`/api/catalog/agencies/${user.agencyId}/review-queue`);
  const items = queue.data?.items ?? [];
  const mine = items.filter((i) => i.actions.length > 0).length;
  return (
    <>
      {queue.error && <LoadError message={queue.error} onRetry={queue.reload} />}
      {queue.data && (
        <Alert
          type={mine > 0 ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={`审核队列中共 ${items.length} 条，其中 ${mine} 条待您办理`}
        />
      )}
      <ItemTable
        rows={items}
        categories={config.data?.categories ?? []}
        loading={queue.loading}
        empty="审核队列为空"
        pagination={false}
      />
    </>
  );
}
