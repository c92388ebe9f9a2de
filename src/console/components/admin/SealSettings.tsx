import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Popconfirm, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage, upload } from '../../api.ts';

/** The seal named in the agency's settings (settings.seal; written by POST /api/admin/agency/seal only). */
export interface SealMeta {
  sha256: string;
  mediaType: string;
  size: number;
  width: number;
  height: number;
  fileName: string;
  uploadedAt: string;
  uploadedBy: string;
}

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;

/**
 * 印章 (issue 12 point 6): the administrator uploads the agency's seal as a PNG (transparent background) or
 * JPEG; the letters' PDF and Word versions print it over the 署名 and 成文日期 (GB/T 9704-2012 7.3.5.1). Without one
 * the seal area stays blank for a physical seal.
 */
export function SealSettings({ initial }: { initial: SealMeta | null }) {
  // its own state: an upload does not reload the settings form (which would drop what was typed there)
  const [seal, setSeal] = useState(initial);
  useEffect(() => setSeal(initial), [initial]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      setSeal(await upload<SealMeta>('/api/admin/agency/seal', file));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
    return false;
  };
  const remove = async () => {
    setError(null);
    try {
      await api('DELETE', '/api/admin/agency/seal');
      setSeal(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card
      size="small"
      title="印章（用于告知书 PDF 和 Word 版）"
      style={{ marginBottom: 12 }}
      data-testid="seal-card"
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} />}
      <Flex gap={16} align="center" wrap>
        {seal ? (
          <img
            src={`/api/admin/agency/seal?v=${seal.sha256.slice(0, 12)}`}
            alt="本机关印章"
            width={120}
            height={Math.round((120 * seal.height) / seal.width)}
            style={{ objectFit: 'contain', border: '1px dashed #d9d9d9', background: '#fff' }}
          />
        ) : (
          <Typography.Text type="secondary" data-testid="seal-none">
            未上传印章：告知书落款处留空，打印后加盖实体印章。
          </Typography.Text>
        )}
        <Flex vertical gap={8}>
          {seal && (
            <Typography.Text data-testid="seal-info">
              {seal.fileName}（{seal.width}×{seal.height} 像素，{kb(seal.size)}）
            </Typography.Text>
          )}
          <Flex gap={8}>
            <Upload
              showUploadList={false}
              beforeUpload={(f) => send(f)}
              accept=".png,.jpg,.jpeg,image/png,image/jpeg"
            >
              <Button icon={<UploadOutlined />} loading={busy}>
                {seal ? '更换印章' : '上传印章'}
              </Button>
            </Upload>
            {seal && (
              <Popconfirm
                title="删除印章？告知书将不再打印印章图片。"
                okText="删除"
                cancelText="取消"
                onConfirm={remove}
              >
                <Button danger icon={<DeleteOutlined />}>
                  删除印章
                </Button>
              </Popconfirm>
            )}
          </Flex>
          <Typography.Text type="secondary">
            PNG（建议透明背景）或 JPEG，不超过 2 MB，每边 100–4000 像素；按直径 42 mm
            居中压在署名和成文日期上。
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
