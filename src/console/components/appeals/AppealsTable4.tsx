import { Button, Drawer, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { CellRef } from '../../../domain/report/cell.ts';
import { cellName } from '../../../domain/report/validate/labels.ts';
import { reportLayouts } from '../../../render/report/layout/index.ts';
import { withQuery } from '../../api.ts';
import { Link } from '../../router.tsx';
import { useApi } from '../../use-api.ts';
import { LoadError } from '../LoadError.tsx';
import { ReportTable } from '../ReportTable.tsx';
import type { AppealCaseView } from './appeal-types.ts';

/** 表四 counted from the case records for a year; each cell opens the cases it counts. */
export function AppealsTable4({ year, refresh }: { year: number; refresh: number }) {
  const table = useApi<{ appeals: Record<string, Record<string, number>> }>(
    withQuery('/api/table4', { year }),
  );
  const [cell, setCell] = useState<CellRef | null>(null);
  const reload = table.reload;
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);
  const cases = useApi<{ appeals: AppealCaseView[] }>(
    cell ? withQuery('/api/table4/cell', { year, row: cell.row, column: cell.column }) : null,
  );
  const layout = reportLayouts('2021').find((l) => l.table === 'appeals')!;
  if (table.error) return <LoadError message={table.error} onRetry={table.reload} />;
  return (
    <>
      <ReportTable
        layout={layout}
        caption={`${year}年 表四 政府信息公开行政复议、行政诉讼情况`}
        renderCell={({ ref }) => {
          const n = table.data?.appeals[ref.row]?.[ref.column] ?? 0;
          return n > 0 ? (
            <Button
              type="link"
              className="cell-button"
              aria-label={`${cellName('2021', ref)}：${n} 件，查看案件`}
              onClick={() => setCell(ref)}
            >
              {n}
            </Button>
          ) : (
            <span>{table.data ? n : ''}</span>
          );
        }}
      />
      <Drawer
        open={cell !== null}
        size={760}
        onClose={() => setCell(null)}
        title={cell ? `${year}年 ${cellName('2021', cell)}` : ''}
      >
        <Table<AppealCaseView>
          size="small"
          rowKey="id"
          loading={cases.loading}
          dataSource={cases.data?.appeals ?? []}
          pagination={false}
          columns={[
            { title: '案号', dataIndex: 'caseNumber' },
            { title: '类型', dataIndex: 'kindLabel' },
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
      </Drawer>
    </>
  );
}
