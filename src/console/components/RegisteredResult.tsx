import { Alert, Button, Descriptions, Result, Space, Typography } from 'antd';
import { navigate } from '../router.tsx';
import type { Registered } from '../types.ts';

/** After 登记: the 查询码 and the one-time 查询密码 to hand to the applicant, and the way on. */
export function RegisteredResult({ registered, onAgain }: { registered: Registered; onAgain: () => void }) {
  const a = registered.application.application;
  return (
    <Result
      status="success"
      title="申请已登记"
      subTitle={`收到申请之日 ${a.receivedOn}，答复期限 ${a.deadlines.reply?.date ?? '—'}`}
      extra={
        <Space>
          <Button type="primary" onClick={() => navigate(`/applications/${registered.application.id}`)}>
            打开该申请
          </Button>
          <Button onClick={onAgain}>继续登记</Button>
        </Space>
      }
    >
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label="查询码">
          <Typography.Text copyable className="mono" data-testid="tracking-code">
            {registered.trackingCode}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="查询密码">
          <Typography.Text copyable className="mono" data-testid="tracking-secret">
            {registered.secret}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Alert
        type="warning"
        showIcon
        style={{ marginTop: 12 }}
        title="查询密码只显示这一次：请告知申请人或写入受理回执，申请人凭查询码和查询密码在门户网站查询办理进度。"
      />
    </Result>
  );
}
