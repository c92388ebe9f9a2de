import { Typography } from 'antd';

/** An empty list's or table's message in secondary text dark enough for AA contrast (antd's default is not). */
export function EmptyText({ children }: { children: string }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
