import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Card, List, Modal, Space, Tag, Typography } from 'antd';
import { SERVICE_METHOD_LABEL } from '../../domain/application/service.ts';
import { useState } from 'react';
import type { LetterKind } from '../../domain/letters/kinds.ts';
import { isLetterKind, LETTER_KIND_LABEL } from '../../domain/letters/kinds.ts';
import type { LetterSummary } from '../types.ts';
import { DownloadLink } from './DownloadLink.tsx';
import { SentLetter } from './SentLetter.tsx';
import { EmptyText } from './EmptyText.tsx';
import { GREEN, ORANGE } from './tones.ts';

const kindLabel = (kind: string) => (isLetterKind(kind) ? LETTER_KIND_LABEL[kind as LetterKind] : kind);

/** 文书: every letter the actions sent, numbered; each previews in the page and downloads as DOCX or PDF. */
export function LettersCard({ applicationId, letters }: { applicationId: number; letters: LetterSummary[] }) {
  const [open, setOpen] = useState<LetterSummary | null>(null);
  const url = (l: LetterSummary, format?: 'docx' | 'pdf') =>
    `/api/applications/${applicationId}/letters/${l.id}${format ? `?format=${format}` : ''}`;
  return (
    <Card title="文书" size="small">
      <List
        size="small"
        dataSource={letters}
        locale={{ emptyText: <EmptyText>尚未发出文书</EmptyText> }}
        renderItem={(l) => (
          <List.Item
            actions={[
              <Button
                key="view"
                size="small"
                icon={<EyeOutlined />}
                onClick={() => setOpen(l)}
                aria-label={`预览${kindLabel(l.kind)}（${l.number}）`}
              >
                预览
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={kindLabel(l.kind)}
              description={
                <Space size={4} wrap>
                  <Typography.Text type="secondary">
                    {l.number} · {l.createdAt.slice(0, 10)}
                  </Typography.Text>
                  {l.kind === 'consultation' || l.letterIndex === null ? null : l.service ? (
                    <Tag style={GREEN} data-testid={`served-${l.id}`}>
                      {l.service.servedOn} {SERVICE_METHOD_LABEL[l.service.method]}
                      {l.service.trackingNumber ? `（${l.service.trackingNumber}）` : ''}
                    </Tag>
                  ) : (
                    <Tag style={ORANGE}>待送达</Tag>
                  )}
                  <DownloadLink
                    href={url(l, 'docx')}
                    aria-label={`下载${kindLabel(l.kind)} DOCX（${l.number}）`}
                  >
                    <DownloadOutlined /> DOCX
                  </DownloadLink>
                  <DownloadLink
                    href={url(l, 'pdf')}
                    aria-label={`下载${kindLabel(l.kind)} PDF（${l.number}）`}
                  >
                    <DownloadOutlined /> PDF
                  </DownloadLink>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={open !== null}
        title={open ? `${kindLabel(open.kind)}（${open.number}）` : ''}
        onCancel={() => setOpen(null)}
        width={820}
        footer={
          open && (
            <Space>
              <DownloadLink href={url(open, 'docx')}>
                <DownloadOutlined /> 下载 DOCX
              </DownloadLink>
              <DownloadLink href={url(open, 'pdf')}>
                <DownloadOutlined /> 下载 PDF
              </DownloadLink>
              <Button onClick={() => setOpen(null)}>关闭</Button>
            </Space>
          )
        }
        destroyOnHidden
      >
        {open && <SentLetter title={`${kindLabel(open.kind)}（${open.number}）`} url={url(open)} />}
      </Modal>
    </Card>
  );
}
