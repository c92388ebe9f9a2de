import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useEffect } from 'react';

/** The page's one <h1>, the browser tab's title, and the page's main buttons on the right. */
export function PageHeader({ title, sub, extra }: { title: string; sub?: ReactNode; extra?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · 政府信息公开工作台`;
  }, [title]);
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {title}
        </Typography.Title>
        {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
      </div>
      {extra}
    </Flex>
  );
}
