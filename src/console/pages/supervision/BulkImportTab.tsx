import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage, uploadFiles, withQuery } from '../../api.ts';
import { BLUE, GREEN, GREY, ORANGE, RED } from '../../components/tones.ts';
import { useApi } from '../../use-api.ts';
import type { CollectionView } from './types.ts';

/** What the server answers for an upload (services/supervision/bulk-import.service.ts BulkImportView). */
interface BulkFile {
  id: number;
  seq: number;
  fileName: string;
  status: 'pending' | 'done';
  outcome: string | null;
  outcomeLabel: string | null;
  agencyId: number | null;
  agencyName: string | null;
  result: {
    agencyRead: string | null;
    yearRead: number | null;
    format: string | null;
    cells: { read: number; blank: number; missing: number; total: number } | null;
    errors: number;
    warnings: number;
    findings: { code: string; severity: string; message: string }[];
    match:
      | { kind: 'matched' | 'picked'; agencyId: number; agencyName: string; message: string }
      | { kind: 'ambiguous'; candidates: { id: number; name: string }[]; message: string }
      | { kind: 'unmatched'; message: string }
      | null;
    message: string;
  } | null;
}
interface BulkView {
  id: number;
  year: number;
  createdAt: string;
  finishedAt: string | null;
  fileCount: number;
  done: number;
  files: BulkFile[];
}

const TONE: Record<string, CSSProperties> = {
  collected: GREEN,
  replaced: BLUE,
  unchanged: GREY,
  unmatched: ORANGE,
  ambiguous: ORANGE,
  refused: RED,
  failed: RED,
};

/**
 * 批量导入 (issue 13 point 10): upload many report files and/or .zip archives of a year for the agencies below;
 * the server reads them one by one (progress polled from the database) and shows, per file, the agency matched
 * and how, the year and format read, the cells read, blank and missing, and the findings. A file left unmatched
 * or ambiguous gets an agency picked here.
 */
export function BulkImportTab({ year }: { year: number }) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<BulkView | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const agencies = useApi<CollectionView>(withQuery('/api/supervision/collection', { year }));
  const recent = useApi<{ imports: { id: number; year: number }[] }>('/api/supervision/bulk-imports');
  const [picks, setPicks] = useState<Record<number, number>>({});

  const load = async (id: number) =>
    setView(await api<BulkView>('GET', `/api/supervision/bulk-imports/${id}`));
  // the latest upload of this year on opening the tab
  useEffect(() => {
    const last = recent.data?.imports.find((i) => i.year === year);
    if (last && !view) void load(last.id).catch(() => undefined);
  }, [recent.data, year]);
  // poll while files are still being read
  useEffect(() => {
    if (!view || view.finishedAt !== null) return;
    const timer = setTimeout(() => void load(view.id).catch((e: unknown) => setError(errorMessage(e))), 800);
    return () => clearTimeout(timer);
  }, [view]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = await uploadFiles<{ id: number }>('/api/supervision/bulk-imports', 'files', files, {
        year: String(year),
      });
      setFiles([]);
      if (input.current) input.current.value = '';
      await load(body.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const pick = async (file: BulkFile) => {
    const agencyId = picks[file.id];
    if (!view || agencyId === undefined) return;
    try {
      await api('PUT', `/api/supervision/bulk-imports/${view.id}/files/${file.id}/agency`, { agencyId });
      void message.success(`已将《${file.fileName}》导入`);
      await load(view.id);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const options = (file: BulkFile) => {
    const m = file.result?.match;
    if (m?.kind === 'ambiguous') return m.candidates.map((c) => ({ value: c.id, label: c.name }));
    return (agencies.data?.rows ?? []).map((r) => ({ value: r.agency.id, label: r.agency.name }));
  };
  const percent = view ? Math.round((view.done / Math.max(1, view.fileCount)) * 100) : 0;

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        一次上传所辖机关 {year} 年度的多份年度报告（Word、PDF、网页、文本、JSON，或打包为
        .zip）。逐个文件读取：按报告标题中的机关名称、文件名中的机构代码或机关名称匹配机关，匹配不到或不唯一的不作猜测，由您选择；相同文件重复上传不会重复导入，同一机关的新文件作为新版本导入。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      <Space wrap>
        <input
          ref={input}
          type="file"
          multiple
          aria-label="报告文件或压缩包"
          accept=".docx,.pdf,.html,.htm,.txt,.md,.json,.zip"
          style={{ display: 'none' }}
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
        <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>
          选择文件
        </Button>
        <span>{files.length === 0 ? '未选择' : files.map((f) => f.name).join('、')}</span>
        <Button type="primary" disabled={files.length === 0} loading={busy} onClick={() => void start()}>
          开始导入
        </Button>
      </Space>
      {view && (
        <>
          <div>
            <Progress
              aria-label="导入进度"
              percent={percent}
              status={view.finishedAt ? 'success' : 'active'}
            />
            <Typography.Text data-testid="bulk-progress">
              {view.finishedAt
                ? `已读取全部 ${view.fileCount} 个文件`
                : `正在读取：已读取 ${view.done} / ${view.fileCount} 个文件`}
            </Typography.Text>
          </div>
          <Table<BulkFile>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={view.files}
            aria-label="逐个文件的导入结果"
            columns={[
              { title: '文件', dataIndex: 'fileName' },
              {
                title: '结果',
                render: (_, f) =>
                  f.status === 'pending' ? (
                    <Tag>读取中</Tag>
                  ) : (
                    <Tag style={TONE[f.outcome ?? ''] ?? GREY}>{f.outcomeLabel}</Tag>
                  ),
              },
              {
                title: '机关',
                render: (_, f) => {
                  const m = f.result?.match;
                  if (f.outcome === 'unmatched' || f.outcome === 'ambiguous')
                    return (
                      <Space direction="vertical" size={4}>
                        <span style={{ color: ORANGE.color }}>{m?.message}</span>
                        <Space>
                          <Select
                            style={{ minWidth: 200 }}
                            showSearch
                            optionFilterProp="label"
                            placeholder="选择机关"
                            aria-label={`为《${f.fileName}》选择机关`}
                            options={options(f)}
                            value={picks[f.id]}
                            onChange={(v: number) => setPicks({ ...picks, [f.id]: v })}
                          />
                          <Button disabled={picks[f.id] === undefined} onClick={() => void pick(f)}>
                            导入
                          </Button>
                        </Space>
                      </Space>
                    );
                  return f.agencyName ? (
                    <Space direction="vertical" size={0}>
                      <span>{f.agencyName}</span>
                      {m && <Typography.Text type="secondary">{m.message}</Typography.Text>}
                    </Space>
                  ) : (
                    (f.result?.agencyRead ?? '—')
                  );
                },
              },
              {
                title: '年度 / 格式',
                render: (_, f) =>
                  f.result?.format
                    ? `${f.result.yearRead ?? '（未读到年度）'} / ${f.result.format} 年版`
                    : '—',
              },
              {
                title: '单元格',
                render: (_, f) => {
                  const c = f.result?.cells;
                  return c ? `读取 ${c.read}/${c.total}（空白 ${c.blank}，无法读取 ${c.missing}）` : '—';
                },
              },
              {
                title: '发现的问题',
                render: (_, f) =>
                  f.result ? (
                    <Space direction="vertical" size={0}>
                      <span>{`${f.result.errors} 个错误、${f.result.warnings} 个警告`}</span>
                      {f.result.findings
                        .filter((x) => x.severity === 'error')
                        .slice(0, 3)
                        .map((x, i) => (
                          <Typography.Text key={i} type="danger">
                            {x.message}
                          </Typography.Text>
                        ))}
                    </Space>
                  ) : (
                    '—'
                  ),
              },
              {
                title: '说明',
                render: (_, f) =>
                  f.outcome === 'unmatched' || f.outcome === 'ambiguous'
                    ? '待选择机关'
                    : (f.result?.message ?? ''),
              },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
