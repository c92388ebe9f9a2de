import { Button, Card, Col, List, Row, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { REPORT_ACTION_LABEL } from '../../../domain/report-workspace/transitions.ts';
import type { ReportAction } from '../../../domain/report-workspace/transitions.ts';
import { withQuery } from '../../api.ts';
import type { ReportHistoryView, WorkspaceView } from '../../types-report.ts';
import { useApi } from '../../use-api.ts';
import { actorText } from '../catalog/ItemEvents.tsx';
import { EmptyText } from '../EmptyText.tsx';
import { chinaTime } from '../EventTimeline.tsx';
import { LoadError } from '../LoadError.tsx';
import { ErratumDialog } from './ErratumDialog.tsx';
import { ExportMenu } from './ExportMenu.tsx';

const OTHER: Record<string, string> = { edit_narrative: '修改正文' };
const label = (action: string) => REPORT_ACTION_LABEL[action as ReportAction] ?? OTHER[action] ?? action;

/** 记录: every step of the report (with comments), the published versions, and 发布更正 for a published one. */
export function ReportHistory({
  view,
  agencyId,
  onChanged,
}: {
  view: WorkspaceView;
  agencyId: number | null;
  onChanged: (view: WorkspaceView) => void;
}) {
  const history = useApi<ReportHistoryView>(withQuery(`/api/reports/${view.year}/history`, { agencyId }));
  const [erratum, setErratum] = useState(false);
  const canCorrect = view.actions.some((a) => a.action === 'erratum' && a.allowed);
  return (
    <Row gutter={12}>
      <Col xs={24} lg={14}>
        <Card title="操作记录" size="small">
          {history.error && <LoadError message={history.error} onRetry={history.reload} />}
          {(history.data?.events.length ?? 0) === 0 ? (
            <EmptyText>尚无记录</EmptyText>
          ) : (
            <Timeline
              items={(history.data?.events ?? []).map((e) => {
                const data = (e.data ?? {}) as Record<string, unknown>;
                const note = [data.comment, data.reason].find((x) => typeof x === 'string' && x.trim()) as
                  string | undefined;
                return {
                  key: e.id,
                  content: (
                    <div>
                      <strong>{label(e.action)}</strong>
                      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                        {chinaTime(e.at)} · {actorText(e.actorName ?? e.actor, e.actorRole)}
                      </Typography.Text>
                      {note && <div>意见或理由：{note}</div>}
                    </div>
                  ),
                };
              })}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card
          title="已公开的版本"
          size="small"
          extra={
            canCorrect && (
              <Button size="small" onClick={() => setErratum(true)}>
                发布更正
              </Button>
            )
          }
        >
          <List
            size="small"
            dataSource={history.data?.versions ?? []}
            locale={{ emptyText: <EmptyText>尚未公开</EmptyText> }}
            renderItem={(v) => (
              <List.Item
                actions={[<ExportMenu key="x" year={view.year} agencyId={agencyId} version={v.version} />]}
              >
                <List.Item.Meta
                  title={`第 ${v.version} 版 · ${chinaTime(v.publishedAt)}${v.publishedByName ? ` · ${v.publishedByName}` : ''}`}
                  description={v.reason ? `更正理由：${v.reason}` : '首次公开'}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      {erratum && (
        <ErratumDialog
          view={view}
          agencyId={agencyId}
          onClose={() => setErratum(false)}
          onPublished={(next) => {
            setErratum(false);
            history.reload();
            onChanged(next);
          }}
        />
      )}
    </Row>
  );
}
