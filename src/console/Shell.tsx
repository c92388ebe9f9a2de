import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useSession } from './session.tsx';

/** The console frame: navigation on the left, the current page on the right (pages come with issue 6). */
export function Shell() {
  const { user, logout } = useSession();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" aria-label="工作台导航">
        <div style={{ padding: 16, fontWeight: 600 }}>政府信息公开工作台</div>
        <Menu mode="inline" items={[{ key: 'home', label: '首页' }]} selectedKeys={['home']} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}
        >
          <Space>
            <span>
              {user.agencyName} · {user.name}（{user.roleLabels.join('、')}）
            </span>
            <Button onClick={() => void logout()}>退出</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Typography.Title level={1} style={{ fontSize: 22 }}>
              工作台
            </Typography.Title>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
