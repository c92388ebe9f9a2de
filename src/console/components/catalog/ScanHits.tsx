import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Popover, Space, Tag, Typography } from 'antd';
import { CLEARING_ROLES } from '../../../domain/catalog/review.ts';
import { hasRole, useSession } from '../../session.tsx';
import type { ItemView } from '../../types-catalog.ts';
import { ClearHitForm } from './ClearHitForm.tsx';

/** 敏感信息检查: each hit in its context; a 审核人 or 负责人 clears it with a note before 保密审查 can pass. */
export function ScanHits({ item, onChanged }: { item: ItemView; onChanged: (item: ItemView) => void }) {
  const { user } = useSession();
  const canClear = hasRole(user, ...CLEARING_ROLES) && user.agencyId === item.agencyId;
  const open = item.hits.filter((h) => !h.clearedAt).length;
  return (
    <Card title="敏感信息检查" size="small">
      {item.hits.length === 0 ? (
        <Typography.Text type="secondary">
          未发现身份证号码、手机号码、银行卡号、电子邮箱或密级标识。
        </Typography.Text>
      ) : (
        <>
          {open > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 8 }}
              title={`${open} 处待审核人确认：确认前不能通过保密审查、签发或发布`}
            />
          )}
          <List
            size="small"
            dataSource={item.hits}
            renderItem={(h) => (
              <List.Item
                data-testid="scan-hit"
                actions={[
                  h.clearedAt ? (
                    <Tag
                      key="ok"
                      icon={<CheckCircleOutlined />}
                      style={{ color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' }}
                    >
                      已确认
                    </Tag>
                  ) : canClear ? (
                    <Popover
                      key="clear"
                      trigger="click"
                      title={`确认${h.kindLabel}`}
                      content={<ClearHitForm hit={h} onCleared={onChanged} />}
                    >
                      <Button size="small" danger>
                        确认
                      </Button>
                    </Popover>
                  ) : (
                    <Tag key="wait">待审核人确认</Tag>
                  ),
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space size={4}>
                      <span>{h.kindLabel}</span>
                      <Typography.Text type="secondary">（{h.sourceLabel}）</Typography.Text>
                    </Space>
                  }
                  description={
                    <>
                      <span>
                        …{h.before}
                        <mark style={{ background: '#ffccc7', color: '#5c0011' }}>{h.match}</mark>
                        {h.after}…
                      </span>
                      {h.note && <div>确认说明：{h.note}</div>}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
