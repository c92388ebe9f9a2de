import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, List, Popconfirm, Space, Tag, Upload } from 'antd';
import { useState } from 'react';
import { isClosed } from '../../domain/application/states.ts';
import { api, errorMessage, upload } from '../api.ts';
import { hasRole, useSession } from '../session.tsx';
import type { ApplicationView } from '../types.ts';
import { useApi } from '../use-api.ts';
import { EmptyText } from './EmptyText.tsx';
import { ORANGE } from './tones.ts';

interface ReplyAttachment {
  id: number;
  fileName: string;
  size: number;
  redacted: boolean;
  note: string | null;
}

/**
 * 答复附件: the information the reply hands over (条例第三十六条第（二）项) — a copy with the withheld parts redacted
 * is marked 已作区分处理 (第三十七条). Listed in the reply's 附件 line; the applicant downloads them at /status.
 */
export function ReplyAttachmentsCard({ view }: { view: ApplicationView }) {
  const { user } = useSession();
  const list = useApi<ReplyAttachment[]>(`/api/applications/${view.id}/attachments`);
  const [error, setError] = useState<string | null>(null);
  const [redacted, setRedacted] = useState(false);
  const [busy, setBusy] = useState(false);
  const editable =
    !isClosed(view.application.state) &&
    hasRole(user, 'handler', 'registrar') &&
    user.agencyId === view.agencyId;
  const add = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      await upload(`/api/applications/${view.id}/attachments?redacted=${redacted}`, file);
      list.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
    return false;
  };
  const remove = async (id: number) => {
    try {
      await api('DELETE', `/api/applications/${view.id}/attachments/${id}`);
      list.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card
      title="答复附件（提供的政府信息）"
      size="small"
      extra={
        editable && (
          <Space size={4}>
            <Checkbox checked={redacted} onChange={(e) => setRedacted(e.target.checked)}>
              已作区分处理
            </Checkbox>
            <Upload showUploadList={false} beforeUpload={(f) => add(f)}>
              <Button size="small" icon={<UploadOutlined />} loading={busy}>
                上传
              </Button>
            </Upload>
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} />}
      <List
        size="small"
        dataSource={list.data ?? []}
        locale={{ emptyText: <EmptyText>无附件</EmptyText> }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <a
                key="get"
                href={`/api/applications/${view.id}/attachments/${a.id}`}
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
            {a.fileName} {a.redacted && <Tag style={ORANGE}>已作区分处理</Tag>}
          </List.Item>
        )}
      />
    </Card>
  );
}
