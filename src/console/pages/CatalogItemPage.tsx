import { App, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { EDITOR_ROLES } from '../../domain/catalog/review.ts';
import { Attachments } from '../components/catalog/Attachments.tsx';
import { ItemActions } from '../components/catalog/ItemActions.tsx';
import { ItemEditor } from '../components/catalog/ItemEditor.tsx';
import { ItemEvents } from '../components/catalog/ItemEvents.tsx';
import { ItemMeta } from '../components/catalog/ItemMeta.tsx';
import { ItemStateTag } from '../components/catalog/ItemStateTag.tsx';
import { ScanHits } from '../components/catalog/ScanHits.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import type { PageProps } from '../routes.tsx';
import { Link } from '../router.tsx';
import { hasRole, useSession } from '../session.tsx';
import type { ItemView, StoredEventView } from '../types-catalog.ts';
import { useApi } from '../use-api.ts';

/** One information item: metadata, scanner hits to clear, attachments, body, the review steps and their record. */
export function CatalogItemPage({ params }: PageProps) {
  const id = Number(params.id);
  const { user } = useSession();
  const { message } = App.useApp();
  const item = useApi<ItemView>(`/api/catalog/items/${id}`);
  const events = useApi<{ events: StoredEventView[] }>(`/api/catalog/items/${id}/events`);
  const [editing, setEditing] = useState(false);
  const { set, data } = item;
  const reloadEvents = events.reload;
  const changed = useCallback(
    (next: ItemView) => {
      set(next);
      reloadEvents();
      void message.success(`已保存，当前状态：${next.stateLabel}`);
    },
    [set, reloadEvents, message],
  );
  if (item.error && !data)
    return (
      <>
        <PageHeader title="信息条目" />
        <LoadError message={item.error} onRetry={item.reload} />
      </>
    );
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const editable =
    data.state === 'draft' && hasRole(user, ...EDITOR_ROLES) && user.agencyId === data.agencyId;
  return (
    <>
      <PageHeader
        title={data.title}
        sub={
          <Space size={4}>
            <span data-testid="item-state">
              <ItemStateTag state={data.state} />
            </span>
            <Link to="/catalog">返回主动公开</Link>
          </Space>
        }
        extra={
          <ItemActions item={data} onChanged={changed} onEdit={editable ? () => setEditing(true) : null} />
        }
      />
      <Row gutter={12}>
        <Col span={15}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <ItemMeta item={data} />
            <Card title="正文" size="small">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {data.body || '（无正文）'}
              </Typography.Paragraph>
            </Card>
          </Space>
        </Col>
        <Col span={9}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <ScanHits item={data} onChanged={changed} />
            <Attachments item={data} onChanged={changed} />
            {events.error && <LoadError message={events.error} onRetry={events.reload} />}
            <ItemEvents events={events.data?.events ?? []} />
          </Space>
        </Col>
      </Row>
      <ItemEditor
        item={data}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={(next) => {
          setEditing(false);
          changed(next);
        }}
      />
    </>
  );
}
