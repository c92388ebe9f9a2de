import { Alert, Button, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CellRef } from '../../domain/report/cell.ts';
import type { ReportFormat } from '../../domain/report/format.ts';
import { FORMAT_DOCUMENT } from '../../domain/report/format.ts';
import { cellName } from '../../domain/report/validate/labels.ts';
import { reportLayouts } from '../../render/report/layout/index.ts';
import { withQuery } from '../api.ts';
import { CellDrillDown } from '../components/CellDrillDown.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ReportTable } from '../components/ReportTable.tsx';
import { navigate, useLocation } from '../router.tsx';
import { useApi } from '../use-api.ts';

interface Table3 {
  year: number;
  format: ReportFormat;
  requests: Record<string, Record<string, number | null>>;
}

/** 表三 computed from the register for a year; every cell opens the applications it counts. */
export function Table3Page() {
  const { query } = useLocation();
  const year = Number(query.get('year')) || new Date().getFullYear();
  const [cell, setCell] = useState<CellRef | null>(null);
  const { data, error, loading, reload } = useApi<Table3>(withQuery('/api/table3', { year }));
  const layout = data ? reportLayouts(data.format).find((l) => l.table === 'requests') : undefined;
  return (
    <>
      <PageHeader
        title={`${year}年 表三 收到和处理政府信息公开申请情况`}
        sub="由申请登记簿自动统计；点击数字查看计入该单元格的申请"
        extra={
          <Space>
            <label htmlFor="table3-year">年度</label>
            <InputNumber
              id="table3-year"
              min={2008}
              max={2100}
              value={year}
              onChange={(y) => typeof y === 'number' && navigate(withQuery('/reports/table3', { year: y }), { replace: true })}
            />
            <Button onClick={reload} loading={loading}>
              刷新
            </Button>
          </Space>
        }
      />
      {error && <LoadError message={error} onRetry={reload} />}
      {data && layout && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${data.format} 年版格式（${FORMAT_DOCUMENT[data.format]}）`}
          />
          <ReportTable
            layout={layout}
            renderCell={({ ref }) => {
              const n = data.requests[ref.row]?.[ref.column] ?? 0;
              if (!n) return <Typography.Text>{n}</Typography.Text>;
              return (
                <Button
                  type="link"
                  className="cell-button"
                  aria-label={`${cellName(data.format, ref)}：${n} 件，查看明细`}
                  onClick={() => setCell(ref)}
                >
                  {n}
                </Button>
              );
            }}
          />
          <CellDrillDown year={year} format={data.format} cell={cell} onClose={() => setCell(null)} />
        </>
      )}
    </>
  );
}
