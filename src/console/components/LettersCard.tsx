import { Card, List, Typography } from 'antd';
import type { LetterKind } from '../../domain/letters/kinds.ts';
import { isLetterKind, LETTER_KIND_LABEL } from '../../domain/letters/kinds.ts';
import type { LetterSummary } from '../types.ts';

const kindLabel = (kind: string) => (isLetterKind(kind) ? LETTER_KIND_LABEL[kind as LetterKind] : kind);

/** 文书: every letter the actions sent, numbered. */
export function LettersCard({ letters }: { letters: LetterSummary[] }) {
  return (
    <Card title="文书" size="small">
      <List
        size="small"
        dataSource={letters}
        locale={{ emptyText: <Typography.Text type="secondary">尚未发出文书</Typography.Text> }}
        renderItem={(l) => (
          <List.Item>
            <List.Item.Meta
              title={kindLabel(l.kind)}
              description={
                <Typography.Text type="secondary">
                  {l.number} · {l.createdAt.slice(0, 10)}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
