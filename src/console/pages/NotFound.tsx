import { Button, Result } from 'antd';
import { navigate } from '../router.tsx';

/** An unknown address, or a page the user's roles do not open. */
export function NotFound({ forbidden }: { forbidden: boolean }) {
  return (
    <Result
      status={forbidden ? '403' : '404'}
      title={<h1 style={{ fontSize: 22, margin: 0 }}>{forbidden ? '无权访问此页面' : '页面不存在'}</h1>}
      subTitle={
        forbidden ? '您的角色不能使用此功能，如需使用请联系本机关管理员。' : '请检查地址，或从左侧导航进入。'
      }
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
