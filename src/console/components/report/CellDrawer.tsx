import { Descriptions, Drawer, List, Skeleton, Table } from 'antd';
import { withQuery } from '../../api.ts';
import { Link } from '../../router.tsx';
import type { AppealRow, CellDrill } from '../../types-report.ts';
import { useApi } from '../../use-api.ts';
import { LoadError } from '../LoadError.tsx';
import { CountedApplications } from './CountedApplications.tsx';

const SOURCE_LABEL: Record<CellDrill['source'], string> = {
  applications: '由申请登记簿统计',
  appeals: '由行政复议、行政诉讼案件统计',
  normative_documents: '由规章、规范性文件台账统计',
  entered: '其他系统的数字（填报）',
  missing: '尚未填报',
};

/** 单元格追溯: what one cell of the report counts — applications, cases, documents — or the figure's note. */
export function CellDrawer({
  year,
  agencyId,
  path,
  onClose,
}: {
  year: number;
  agencyId: number | null;
  path: string | null;
  onClose: () => void;
}) {
  const { data, error, reload } = useApi<CellDrill>(
    path ? withQuery(`/api/reports/${year}/cell`, { path, agencyId }) : null,
  );
  return (
    <Drawer
      open={path !== null}
      onClose={onClose}
      size={880}
      title={data && data.path === path ? data.label : '单元格追溯'}
    >
      {error && <LoadError message={error} onRetry={reload} />}
      {!data || data.path !== path ? (
        !error && <Skeleton active />
      ) : (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="数值">{data.value ?? '空'}</Descriptions.Item>
            <Descriptions.Item label="来源">{SOURCE_LABEL[data.source]}</Descriptions.Item>
            <Descriptions.Item label="记录数">{data.total ?? '—'}</Descriptions.Item>
            {data.note !== undefined && (
              <Descriptions.Item label="说明">{data.note ?? '—'}</Descriptions.Item>
            )}
          </Descriptions>
          {data.applications && <CountedApplications rows={data.applications} />}
          {data.appeals && (
            <Table<AppealRow>
              size="small"
              rowKey="id"
              dataSource={data.appeals}
              pagination={false}
              columns={[
                { title: '案号', dataIndex: 'caseNumber' },
                { title: '类型', dataIndex: 'kindLabel' },
                { title: '复议机关或法院', dataIndex: 'body' },
                { title: '受理（立案）', dataIndex: 'filedOn', width: 110 },
                { title: '结果', dataIndex: 'statusLabel', width: 100 },
                {
                  title: '涉及的申请',
                  key: 'app',
                  render: (_, a) =>
                    a.applicationId ? (
                      <Link to={`/applications/${a.applicationId}`}>{a.applicationTrackingCode}</Link>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          )}
          {data.documents && (
            <List
              size="small"
              dataSource={data.documents}
              renderItem={(d) => (
                <List.Item>
                  {d.title}
                  {d.docNumber ? `（${d.docNumber}）` : ''} · 制发 {d.issuedOn}
                  {d.repealedOn ? ` · 废止 ${d.repealedOn}` : ''}
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
