import { Flex, Select, Statistic, Table } from 'antd';
import { useState } from 'react';
import type { Severity } from '../../../domain/report/finding.ts';
import type { FindingKind } from '../../../domain/supervision/checks.ts';
import { FINDING_KIND_LABEL, FINDING_KINDS } from '../../../domain/supervision/checks.ts';
import { withQuery } from '../../api.ts';
import { EmptyText } from '../../components/EmptyText.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useApi } from '../../use-api.ts';
import { SeverityTag } from './tags.tsx';
import type { AgencyFinding, CollectionView, FindingsView } from './types.ts';

/** The findings of every report that reached the supervisor, in one table, filtered by rule, severity, agency, kind. */
export function ChecksTab({ year }: { year: number }) {
  const [codes, setCodes] = useState<string[]>([]);
  const [severity, setSeverity] = useState<Severity | undefined>(undefined);
  const [agencies, setAgencies] = useState<number[]>([]);
  const [kinds, setKinds] = useState<FindingKind[]>([]);
  const all = useApi<FindingsView>(withQuery('/api/supervision/findings', { year, limit: 1 }));
  const collection = useApi<CollectionView>(withQuery('/api/supervision/collection', { year }));
  const view = useApi<FindingsView>(
    withQuery('/api/supervision/findings', {
      year,
      code: codes,
      severity,
      agencyId: agencies,
      kind: kinds,
      limit: 1000,
    }),
  );
  const facets = all.data?.facets;
  return (
    <>
      {view.error && <LoadError message={view.error} onRetry={view.reload} />}
      {all.data && (
        <Flex gap={32} wrap style={{ marginBottom: 16 }}>
          <Statistic title="已核对报告" value={all.data.reports.checked} />
          <Statistic title="有错误的报告" value={all.data.reports.withErrors} />
          <Statistic title="错误" value={all.data.facets.severities.error} />
          <Statistic title="提示" value={all.data.facets.severities.warning} />
          <Statistic title="异常数值" value={all.data.facets.kinds.outlier} />
        </Flex>
      )}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          mode="multiple"
          allowClear
          aria-label="规则"
          placeholder="规则"
          style={{ minWidth: 260 }}
          value={codes}
          onChange={setCodes}
          options={(facets?.codes ?? []).map((c) => ({ value: c.code, label: `${c.code}（${c.count}）` }))}
        />
        <Select
          allowClear
          aria-label="严重程度"
          placeholder="严重程度"
          style={{ width: 120 }}
          value={severity}
          onChange={setSeverity}
          options={[
            { value: 'error', label: '错误' },
            { value: 'warning', label: '提示' },
          ]}
        />
        <Select
          mode="multiple"
          allowClear
          aria-label="类别"
          placeholder="类别"
          style={{ minWidth: 200 }}
          value={kinds}
          onChange={setKinds}
          options={FINDING_KINDS.map((k) => ({ value: k, label: FINDING_KIND_LABEL[k] }))}
        />
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label="机关"
          placeholder="机关"
          style={{ minWidth: 260 }}
          value={agencies}
          onChange={setAgencies}
          options={(collection.data?.rows ?? []).map((r) => ({ value: r.agency.id, label: r.agency.name }))}
        />
      </Flex>
      <Table<AgencyFinding>
        rowKey={(f, i) => `${f.agencyId}-${f.code}-${i}`}
        size="small"
        loading={view.loading}
        dataSource={view.data?.findings ?? []}
        pagination={{ defaultPageSize: 50 }}
        locale={{ emptyText: <EmptyText>没有核对发现的问题</EmptyText> }}
        columns={[
          { title: '机关', dataIndex: 'agencyName', width: 200 },
          {
            title: '类别',
            key: 'kind',
            width: 110,
            render: (_, f) => FINDING_KIND_LABEL[f.kind],
          },
          {
            title: '严重程度',
            key: 'severity',
            width: 90,
            render: (_, f) => <SeverityTag severity={f.severity} />,
          },
          { title: '位置', dataIndex: 'place', width: 240 },
          { title: '说明', dataIndex: 'message' },
          { title: '规则', dataIndex: 'code', width: 200, className: 'mono' },
        ]}
      />
    </>
  );
}
