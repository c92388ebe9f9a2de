import { MenuOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Suspense, useState } from 'react';
import { NotFound } from './pages/NotFound.tsx';
import { navigate, useLocation } from './router.tsx';
import { ReminderBadge } from './components/ReminderBadge.tsx';
import { REMINDED, ROUTES, routeFor } from './routes.tsx';
import { hasRole, useSession } from './session.tsx';

/** The console frame: navigation by role on the left, the current page on the right. */
export function Shell() {
  const { user, logout } = useSession();
  const { path } = useLocation();
  // below 768 px the navigation folds behind the header's 导航菜单 button and opens over the page
  const [narrow, setNarrow] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const found = routeFor(path);
  const allowed = found && (!found.route.roles || hasRole(user, ...found.route.roles));
  const menu = ROUTES.filter((r) => r.menu && (!r.roles || hasRole(user, ...r.roles)));
  const selected = menu.find((r) => r === found?.route || (found && r.section === found.route.section));
  let page: ReactNode;
  if (!found || !allowed) page = <NotFound forbidden={!!found && !allowed} />;
  else {
    const Page = found.route.page;
    page = <Page params={found.params} />;
  }
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* below 768 px the navigation folds away behind 导航菜单, so a 390 px phone keeps the page (issue 12 point 8) */}
      <Layout.Sider
        width={184}
        theme="light"
        breakpoint="md"
        collapsedWidth={0}
        collapsed={collapsed}
        trigger={null}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
        className={narrow ? 'console-sider-narrow' : undefined}
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <nav aria-label="工作台导航" id="console-nav" hidden={narrow && collapsed}>
          <div style={{ padding: '16px 16px 8px', fontWeight: 600, fontSize: 15 }}>政府信息公开工作台</div>
          <Menu
            mode="inline"
            style={{ borderInlineEnd: 'none' }}
            selectedKeys={selected ? [selected.path] : []}
            onClick={({ key }) => {
              navigate(key);
              if (narrow) setCollapsed(true);
            }}
            items={menu.map((r) => ({ key: r.path, icon: r.icon, label: r.menu }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: narrow ? 'space-between' : 'flex-end',
            alignItems: 'center',
            height: 48,
            lineHeight: '48px',
            padding: '0 24px',
            borderBottom: '1px solid #f0f0f0',
          }}
          className="console-header"
        >
          {narrow && (
            <Button
              icon={<MenuOutlined />}
              aria-label="导航菜单"
              aria-expanded={!collapsed}
              aria-controls="console-nav"
              onClick={() => setCollapsed(!collapsed)}
            />
          )}
          <Space style={{ minWidth: 0 }}>
            {hasRole(user, ...REMINDED) && <ReminderBadge />}
            <span className="console-user" data-testid="console-user">
              {user.agencyName && <span className="console-agency">{user.agencyName} · </span>}
              {user.name}（{user.roleLabels.join('、')}）
            </span>
            <Button size="small" onClick={() => void logout()}>
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="console-content">
          <main>
            <Suspense fallback={<Spin description="正在加载…" style={{ marginTop: 48, width: '100%' }} />}>
              {page}
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
