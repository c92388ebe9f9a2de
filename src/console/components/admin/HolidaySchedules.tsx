import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api.ts';
import { useApi } from '../../use-api.ts';
import { LoadError } from '../LoadError.tsx';

interface Loaded {
  year: number;
  warnings: string[];
  applicationsUpdated: number;
}

/**
 * 放假安排: the years the working-day calendar knows, and loading a new year's schedule (国务院办公厅通知, in the
 * holiday-cn JSON format) without a code change; open applications' deadlines are recomputed.
 */
export function HolidaySchedules() {
  const { message } = App.useApp();
  const years = useApi<{ years: number[]; uploaded: number[] }>('/api/calendar/schedules');
  const [result, setResult] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File) => {
    setError(null);
    setResult(null);
    try {
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch {
        throw new Error(`“${file.name}”不是有效的 JSON 文件`);
      }
      const loaded = await api<Loaded>('POST', '/api/calendar/schedules', json);
      setResult(loaded);
      years.reload();
      void message.success(`${loaded.year} 年放假安排已导入`);
    } catch (e) {
      setError(errorMessage(e));
    }
    return false;
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {years.error && <LoadError message={years.error} onRetry={years.reload} />}
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label="已有放假安排的年份">
          {(years.data?.years ?? []).map((y) => (
            <Tag key={y}>
              {y}
              {years.data?.uploaded.includes(y) ? '（管理员导入）' : ''}
            </Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph>
        国务院办公厅每年公布下一年度的放假安排后，在此导入（JSON 格式：year 和 days，每日含
        date、name、isOffDay，isOffDay 为 false
        表示调休上班日）。尚无放假安排的年份，期限按周末和法定节假日暂定计算；导入后，未办结申请的期限自动重算并记录变更原因。
      </Typography.Paragraph>
      <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => upload(f)}>
        <Button icon={<UploadOutlined />}>导入放假安排（JSON）</Button>
      </Upload>
      {error && <Alert type="error" showIcon role="alert" title="导入失败" description={error} />}
      {result && (
        <Alert
          type="success"
          showIcon
          title={`${result.year} 年放假安排已导入，重算了 ${result.applicationsUpdated} 件未办结申请的期限`}
          description={result.warnings.length ? result.warnings.join('；') : undefined}
        />
      )}
    </Space>
  );
}
