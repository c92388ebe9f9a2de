import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Popconfirm, Upload } from 'antd';
import { useState } from 'react';
import { EDITOR_ROLES } from '../../../domain/catalog/review.ts';
import { api, errorMessage, upload } from '../../api.ts';
import { hasRole, useSession } from '../../session.tsx';
import type { ItemView } from '../../types-catalog.ts';
import { EmptyText } from '../EmptyText.tsx';

const size = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** 附件: downloaded by anyone who can read the item; uploaded and removed while it is a draft (scanned too). */
export function Attachments({ item, onChanged }: { item: ItemView; onChanged: (item: ItemView) => void }) {
  const { user } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editable =
    item.state === 'draft' && hasRole(user, ...EDITOR_ROLES) && user.agencyId === item.agencyId;
  const refresh = async () => onChanged(await api<ItemView>('GET', `/api/catalog/items/${item.id}`));
  const add = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      await upload(`/api/catalog/items/${item.id}/attachments`, file);
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
    return false;
  };
  const remove = async (id: number) => {
    try {
      await api('DELETE', `/api/catalog/items/${item.id}/attachments/${id}`);
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card
      title="附件"
      size="small"
      extra={
        editable && (
          <Upload
            showUploadList={false}
            beforeUpload={(f) => add(f)}
            accept=".pdf,.docx,.xlsx,.txt,.png,.jpg,.jpeg"
          >
            <Button size="small" icon={<UploadOutlined />} loading={busy}>
              上传附件
            </Button>
          </Upload>
        )
      }
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} />}
      <List
        size="small"
        dataSource={item.attachments}
        locale={{ emptyText: <EmptyText>无附件</EmptyText> }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <a
                key="get"
                href={`/api/catalog/items/${item.id}/attachments/${a.id}`}
                download
                aria-label={`下载 ${a.fileName}`}
              >
                <DownloadOutlined /> 下载
              </a>,
              ...(editable
                ? [
                    <Popconfirm
                      key="del"
                      title={`删除附件“${a.fileName}”？`}
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() => void remove(a.id)}
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`删除 ${a.fileName}`}
                      />
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            {a.fileName}（{size(a.size)}）
          </List.Item>
        )}
      />
    </Card>
  );
}
