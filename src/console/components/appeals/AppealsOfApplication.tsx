import { Card, List } from 'antd';
import { withQuery } from '../../api.ts';
import { Link } from '../../router.tsx';
import { useApi } from '../../use-api.ts';
import { EmptyText } from '../EmptyText.tsx';
import type { AppealCaseView } from './appeal-types.ts';

/** 复议诉讼: the cases brought over this application, if any. */
export function AppealsOfApplication({ applicationId }: { applicationId: number }) {
  const { data } = useApi<{ appeals: AppealCaseView[] }>(withQuery('/api/appeals', { applicationId }));
  return (
    <Card title="行政复议、行政诉讼" size="small" extra={<Link to="/appeals">全部案件</Link>}>
      <List
        size="small"
        dataSource={data?.appeals ?? []}
        locale={{ emptyText: <EmptyText>无</EmptyText> }}
        renderItem={(a) => (
          <List.Item>
            {a.kindLabel} · {a.caseNumber} · {a.statusLabel}
          </List.Item>
        )}
      />
    </Card>
  );
}
