import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, InputNumber, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { EnteredCell } from '../../../domain/catalog/yearly-figures.ts';
import { IMPORT_HEADERS } from '../../../domain/catalog/figure-import.ts';
import { errorMessage, upload } from '../../api.ts';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { EmptyText } from '../EmptyText.tsx';
import { LoadError } from '../LoadError.tsx';

type FigureRow = EnteredCell & { value: number | null; note: string | null; updatedAt: string | null };

/**
 * 表二中来自其他系统的数据 (行政许可、处罚、强制决定数，收费金额): this year's values, and a CSV/XLSX import. Single
 * figures are also entered in the annual-report workspace, each with its note.
 */
export function YearlyFigures() {
  const { user } = useSession();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const figures = useApi<{ cells: FigureRow[] }>(`/api/catalog/agencies/${user.agencyId}/figures/${year}`);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const importFile = async (file: File) => {
    setError(null);
    setResult(null);
    try {
      const r = await upload<{ imported: number; years: number[] }>(
        `/api/catalog/agencies/${user.agencyId}/figures/import`,
        file,
      );
      setResult(`已导入 ${r.imported} 项（${r.years.join('、')} 年度）`);
      figures.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
    return false;
  };
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <label htmlFor="figures-year">年度</label>
        <InputNumber
          id="figures-year"
          min={2008}
          max={2100}
          value={year}
          onChange={(y) => typeof y === 'number' && setYear(y)}
        />
        <Upload showUploadList={false} accept=".csv,.xlsx" beforeUpload={(f) => importFile(f)}>
          <Button icon={<UploadOutlined />}>从 CSV 或 Excel 导入</Button>
        </Upload>
        <Typography.Text type="secondary">
          表头：{Object.values(IMPORT_HEADERS).join('、')}；有任何错误则整份不导入。逐项填报请到{' '}
          <Link to={`/reports/${year}`}>{year} 年度报告</Link>。
        </Typography.Text>
      </Flex>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {result && <Alert type="success" showIcon title={result} style={{ marginBottom: 12 }} />}
      {figures.error && <LoadError message={figures.error} onRetry={figures.reload} />}
      <Table<FigureRow>
        rowKey="key"
        size="middle"
        loading={figures.loading}
        dataSource={figures.data?.cells ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyText>本年度没有需填报的数据</EmptyText> }}
        columns={[
          { title: '条目', dataIndex: 'header', width: 170 },
          { title: '事项', dataIndex: 'rowLabel', width: 150 },
          { title: '指标', dataIndex: 'columnLabel' },
          {
            title: '数值',
            dataIndex: 'value',
            width: 110,
            align: 'right',
            render: (v: number | null) => v ?? <Typography.Text type="danger">未填报</Typography.Text>,
          },
          { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
        ]}
      />
    </>
  );
}
