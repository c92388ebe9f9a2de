import { Grid, InputNumber, Select, Space, Tabs } from 'antd';
import { withQuery } from '../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { navigate, useLocation } from '../../router.tsx';
import { hasRole, useSession } from '../../session.tsx';
import { BulkImportTab } from './BulkImportTab.tsx';
import { ChecksTab } from './ChecksTab.tsx';
import { ColumnsTab } from './ColumnsTab.tsx';
import { CollectionTab } from './CollectionTab.tsx';
import { PerformanceTab } from './PerformanceTab.tsx';
import { RollupTab } from './RollupTab.tsx';
import { SettingsTab } from './SettingsTab.tsx';

/**
 * 监督汇总 (上级政务公开办): the year's report collection, the checks across agencies, the rollup and the
 * performance of the agencies below, the 法定栏目 of their portals; settings and API tokens. The year is the year reported on.
 */
export function SupervisionPage() {
  const { user } = useSession();
  const { query } = useLocation();
  // below 768 px the tab strip would scroll sideways: the screens are chosen from a list instead
  const narrow = Grid.useBreakpoint().md === false;
  const year = Number(query.get('year')) || new Date().getFullYear() - 1;
  const supervisor = hasRole(user, 'supervisor');
  const tab = query.get('tab') ?? (supervisor ? 'collection' : 'settings');
  const go = (next: { tab?: string; year?: number }) =>
    navigate(withQuery('/supervision', { tab: next.tab ?? tab, year: next.year ?? year }), { replace: true });
  const tabs = [
    ...(supervisor
      ? [
          { key: 'collection', label: '报告收集', children: <CollectionTab year={year} /> },
          { key: 'bulk', label: '批量导入', children: <BulkImportTab year={year} /> },
          { key: 'checks', label: '跨机关核对', children: <ChecksTab year={year} /> },
          { key: 'rollup', label: '汇总表', children: <RollupTab year={year} /> },
          { key: 'performance', label: '工作绩效', children: <PerformanceTab year={year} /> },
          { key: 'columns', label: '法定栏目', children: <ColumnsTab /> },
        ]
      : []),
    { key: 'settings', label: '设置', children: <SettingsTab /> },
  ];
  return (
    <>
      <PageHeader
        title={`${year}年度 监督汇总`}
        sub="所辖机关年度报告的收集、核对、汇总和工作绩效（条例第四十九条：部门 1 月 31 日前、本级人民政府 3 月 31 日前）"
        extra={
          <Space>
            <label htmlFor="supervision-year">年度</label>
            <InputNumber
              id="supervision-year"
              min={2008}
              max={2100}
              value={year}
              onChange={(y) => typeof y === 'number' && go({ year: y })}
            />
          </Space>
        }
      />
      {narrow && (
        <Space style={{ marginBottom: 12 }}>
          <label htmlFor="supervision-tab">查看</label>
          <Select
            id="supervision-tab"
            value={tab}
            onChange={(key: string) => go({ tab: key })}
            style={{ width: 200 }}
            options={tabs.map((t) => ({ value: t.key, label: t.label }))}
          />
        </Space>
      )}
      <Tabs
        activeKey={tab}
        items={tabs}
        onChange={(key) => go({ tab: key })}
        destroyOnHidden
        {...(narrow ? { renderTabBar: () => <></> } : {})}
      />
    </>
  );
}
