import { Tabs, Typography } from 'antd';
import { CoverageTable } from '../components/standards/CoverageTable.tsx';
import { MatterList } from '../components/standards/MatterList.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';

/** 政务公开事项标准目录: the agency's 公开事项 (edit, import, export) and its coverage in a year. */
export function StandardsPage() {
  const { user } = useSession();
  const { query } = useLocation();
  const tab = query.get('tab') ?? 'matters';
  return (
    <>
      <PageHeader
        title="政务公开事项标准目录"
        sub={
          <Typography.Text type="secondary">
            国办发〔2019〕54号：按领域标准指引编制本级的公开事项目录；信息归入事项后按事项的公开时限检查是否超期
          </Typography.Text>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`/standards?tab=${key}`, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'matters', label: '公开事项', children: <MatterList /> },
          { key: 'coverage', label: '落实情况', children: <CoverageTable agencyId={user.agencyId} /> },
        ]}
      />
    </>
  );
}
