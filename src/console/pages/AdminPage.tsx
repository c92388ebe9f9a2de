import { Tabs } from 'antd';
import { AgencySettingsForm } from '../components/admin/AgencySettingsForm.tsx';
import { LetterTemplates } from '../components/admin/LetterTemplates.tsx';
import { HolidaySchedules } from '../components/admin/HolidaySchedules.tsx';
import { UsersAdmin } from '../components/admin/UsersAdmin.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { navigate, useLocation } from '../router.tsx';

const TABS = [
  { key: 'agency', label: '机关设置', children: <AgencySettingsForm /> },
  { key: 'letters', label: '文书模板', children: <LetterTemplates /> },
  { key: 'users', label: '工作人员与角色', children: <UsersAdmin /> },
  { key: 'holidays', label: '放假安排', children: <HolidaySchedules /> },
];

/** 系统管理 (管理员): agency settings, staff accounts and roles, holiday schedules. */
export function AdminPage() {
  const { query } = useLocation();
  const tab = query.get('tab') ?? 'agency';
  return (
    <>
      <PageHeader title="系统管理" />
      <Tabs
        activeKey={tab}
        items={TABS}
        onChange={(key) => navigate(`/admin?tab=${key}`, { replace: true })}
        destroyOnHidden
      />
    </>
  );
}
