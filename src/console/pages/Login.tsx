import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, setCsrfToken } from '../api.ts';
import type { StaffUser } from '../session.tsx';

interface Props {
  onLogin: (user: StaffUser) => void;
  demo?: { username: string; password: string } | null;
  /** the previous session expired (12 hours) */
  expired?: boolean;
}

export function Login({ onLogin, demo, expired }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api<{ user: StaffUser; csrfToken: string }>('POST', '/api/auth/login', values);
      setCsrfToken(result.csrfToken);
      onLogin(result.user);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          政府信息公开工作台
        </Typography.Title>
        {demo && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="演示账号"
            description={`用户名 ${demo.username}，密码 ${demo.password}`}
          />
        )}
        {expired && !error && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="登录已过期，请重新登录" />
        )}
        {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} role="alert" />}
        <Form
          key={demo?.username ?? 'none'}
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          initialValues={demo ?? {}}
        >
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
