import { Flex, Input, InputNumber, Select, TreeSelect } from 'antd';
import { useState } from 'react';
import type { ItemState } from '../../../domain/catalog/states.ts';
import { ITEM_STATE_LABEL, ITEM_STATES } from '../../../domain/catalog/states.ts';
import { TIMELINESS_LABEL } from '../../../domain/catalog/lateness.ts';
import { withQuery } from '../../api.ts';
import { useSession } from '../../session.tsx';
import type { ItemRow } from '../../types-catalog.ts';
import { useApi } from '../../use-api.ts';
import { LoadError } from '../LoadError.tsx';
import { categoryTree } from './category-options.ts';
import { ItemTable } from './ItemTable.tsx';
import { useCatalogConfig } from './use-catalog-config.ts';

interface Filter {
  state?: ItemState;
  category?: string;
  year?: number;
  q?: string;
  timeliness?: 'late' | 'overdue';
  page: number;
  pageSize: number;
}

/** Every item of the agency's catalog, filtered by state, category, year, title and the Art. 26 flag. */
export function CatalogList() {
  const { user } = useSession();
  const config = useCatalogConfig();
  const [filter, setFilter] = useState<Filter>({ page: 1, pageSize: 20 });
  const [q, setQ] = useState('');
  const list = useApi<{ total: number; items: ItemRow[] }>(
    withQuery(`/api/catalog/agencies/${user.agencyId}/items`, { ...filter }),
  );

  const set = (patch: Partial<Filter>) => setFilter({ ...filter, page: 1, ...patch });
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} role="search" aria-label="筛选信息">
        <Input.Search
          aria-label="按标题搜索"
          placeholder="标题"
          allowClear
          style={{ width: 240 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(text) => set({ q: text.trim() || undefined })}
          enterButton="搜索"
        />
        <Select
          aria-label="状态"
          allowClear
          placeholder="状态"
          style={{ width: 150 }}
          value={filter.state}
          onChange={(state?: ItemState) => set({ state })}
          options={ITEM_STATES.map((s) => ({ value: s, label: ITEM_STATE_LABEL[s] }))}
        />
        <TreeSelect
          aria-label="目录分类"
          allowClear
          placeholder="目录分类"
          style={{ width: 220 }}
          value={filter.category}
          onChange={(category?: string) => set({ category })}
          treeData={config.data ? categoryTree(config.data.categories, false) : []}
          treeDefaultExpandAll
        />
        <InputNumber
          aria-label="年度"
          placeholder="年度"
          min={2000}
          max={2100}
          style={{ width: 96 }}
          value={filter.year}
          onChange={(year) => set({ year: typeof year === 'number' ? year : undefined })}
        />
        <Select
          aria-label="公开时限"
          allowClear
          placeholder="公开时限（第二十六条）"
          style={{ width: 200 }}
          value={filter.timeliness}
          onChange={(timeliness?: 'late' | 'overdue') => set({ timeliness })}
          options={(['overdue', 'late'] as const).map((t) => ({ value: t, label: TIMELINESS_LABEL[t] }))}
        />
      </Flex>
      {list.error && <LoadError message={list.error} onRetry={list.reload} />}
      <ItemTable
        rows={list.data?.items ?? []}
        categories={config.data?.categories ?? []}
        loading={list.loading}
        empty="没有符合条件的信息"
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 条`,
          onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
        }}
      />
    </>
  );
}
