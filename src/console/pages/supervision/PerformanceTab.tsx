import { DownloadOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Select, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import type { Figures, RankMetric } from '../../../domain/supervision/index.ts';
import { RANK_METRICS, rankMetricLabel } from '../../../domain/supervision/ranking.ts';
import { withQuery } from '../../api.ts';
import { EmptyText } from '../../components/EmptyText.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useApi } from '../../use-api.ts';
import { EChart } from './EChart.tsx';
import type { PerformanceRow, PerformanceView } from './types.ts';

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
const num = (v: number | null) => (v === null ? '—' : v);

/** Applications received and replied by month, with the on-time rate. */
function monthlyOption(view: PerformanceView): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 28 },
    xAxis: {
      type: 'category',
      data: view.period.months.map((m) => `${Number(m.slice(5))}月`),
      axisLabel: { interval: 0 },
    },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100 },
    ],
    series: [
      {
        name: '收到申请',
        type: 'bar',
        data: view.byMonth.map((m) => m.received),
        itemStyle: { color: '#1d4ed8' },
      },
      {
        name: '办结',
        type: 'bar',
        data: view.byMonth.map((m) => m.closed),
        itemStyle: { color: '#15803d' },
      },
      {
        name: '按时答复率',
        type: 'line',
        yAxisIndex: 1,
        data: view.byMonth.map((m) => m.onTimeRate),
        itemStyle: { color: '#b1201d' },
      },
    ],
  };
}

/** The agencies ranked by the chosen figure (the first 15 with a value). */
function rankingOption(view: PerformanceView): EChartsCoreOption {
  const ranked = view.agencies
    .filter((a) => a.rank !== null)
    .slice(0, 15)
    .reverse();
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 180, right: 32, top: 16, bottom: 24 },
    xAxis: { type: 'value', name: view.metricLabel },
    // one label per bar: never skipped (the chart grows with the number of agencies)
    yAxis: {
      type: 'category',
      data: ranked.map((a) => a.agency.name),
      axisLabel: { interval: 0, width: 170, overflow: 'truncate' },
    },
    series: [
      {
        name: view.metricLabel,
        type: 'bar',
        barMaxWidth: 28,
        data: ranked.map((a) => a.value),
        itemStyle: { color: '#1d4ed8' },
      },
    ],
  };
}

/** The composite 考核 score's measures: weight, definition and source, as the office set them. */
function ScoreDefinitions({ view }: { view: PerformanceView }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="score-definitions"
      style={{ marginBottom: 16 }}
      title={`考核综合得分（各项 0–100 分，按权重加权；无数据的项不计，其余权重按比例折算为 100）；收到申请少于 ${view.rankMinimum} 件的机关单列，不参与排名`}
      items={view.scoreMeasures.map((m) => ({
        key: m.key,
        label: `${m.label}（权重 ${m.weight}）`,
        children: (
          <>
            {m.definition}
            <Typography.Text type="secondary"> 来源：{m.source}</Typography.Text>
          </>
        ),
      }))}
    />
  );
}

/** The agencies' work from their records: per month and ranked, charts, export. */
export function PerformanceTab({ year }: { year: number }) {
  const [rank, setRank] = useState<RankMetric>('onTimeRate');
  const [everyAgency, setEveryAgency] = useState(false);
  const view = useApi<PerformanceView>(withQuery('/api/supervision/performance', { year, rank }));
  const monthly = useMemo(() => (view.data ? monthlyOption(view.data) : null), [view.data]);
  const ranking = useMemo(() => (view.data ? rankingOption(view.data) : null), [view.data]);
  const t: Figures | undefined = view.data?.total;
  return (
    <>
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 12 }}>
        <Space wrap>
          <label htmlFor="performance-rank">排名依据</label>
          <Select
            id="performance-rank"
            value={rank}
            onChange={setRank}
            style={{ width: 220 }}
            options={RANK_METRICS.map((m) => ({ value: m, label: rankMetricLabel(m) }))}
          />
          <Switch id="performance-every" checked={everyAgency} onChange={setEveryAgency} />
          <label htmlFor="performance-every">显示未使用本系统的机关（无实时记录）</label>
        </Space>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={withQuery('/api/supervision/performance/export', { year, rank, to: 'csv' })}
            download
          >
            导出 CSV
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={withQuery('/api/supervision/performance/export', { year, rank, to: 'xlsx' })}
            download
          >
            导出 XLSX
          </Button>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" data-testid="performance-definitions" style={{ fontSize: 12 }}>
        口径：“办结”为期间内结束办理的申请（答复、视为放弃、撤回），与年度报告表三“（七）总计”同一口径；“答复”为其中作出答复的，按时答复率
        = 在答复期限（含延长）内答复的件数 ÷
        答复件数（条例第三十三条）。收到、办结按收到日、办结日所在月份统计。
      </Typography.Paragraph>
      {view.data && <ScoreDefinitions view={view.data} />}
      {view.error && <LoadError message={view.error} onRetry={view.reload} />}
      {t && (
        <Flex gap={32} wrap style={{ marginBottom: 16 }}>
          <Statistic title="收到申请" value={t.received} />
          <Statistic title="办结" value={t.closed} />
          <Statistic title="按时答复率" value={pct(t.onTimeRate)} />
          <Statistic title="当前逾期未答复" value={t.overdueNow ?? 0} />
          <Statistic title="平均答复用时（工作日）" value={num(t.avgWorkingDays)} />
          <Statistic title="复议被纠正" value={t.reconsiderationCorrected} />
          <Statistic title="诉讼败诉" value={t.litigationLost} />
          <Statistic title="主动公开 / 超期" value={`${t.itemsPublished} / ${t.itemsLate}`} />
        </Flex>
      )}
      {monthly && ranking && (
        <Flex gap={16} wrap style={{ marginBottom: 16 }}>
          <div style={{ flex: '1 1 520px' }}>
            <EChart option={monthly} label={`${year}年各月收到申请、办结件数和按时答复率`} />
          </div>
          <div style={{ flex: '1 1 520px' }}>
            <EChart
              option={ranking}
              label={`各机关${view.data!.metricLabel}排名`}
              height={Math.max(
                280,
                40 + 26 * Math.min(15, view.data!.agencies.filter((a) => a.rank !== null).length),
              )}
            />
          </div>
        </Flex>
      )}
      <Table<PerformanceRow>
        rowKey={(r) => r.agency.id}
        size="small"
        loading={view.loading}
        dataSource={(view.data?.agencies ?? []).filter((a) => everyAgency || a.agency.onPlatform)}
        pagination={{ defaultPageSize: 50 }}
        locale={{ emptyText: <EmptyText>没有所辖机关</EmptyText> }}
        scroll={{ x: 1700 }}
        columns={[
          {
            title: '排名',
            key: 'rank',
            width: 60,
            render: (_, r) =>
              r.rank ??
              (r.belowMinimum ? (
                <Tag title={`收到申请少于 ${view.data?.rankMinimum ?? ''} 件，不参与排名`}>不排名</Tag>
              ) : (
                '—'
              )),
          },
          { title: '机关', key: 'name', render: (_, r) => r.agency.name, width: 220 },
          { title: '收到申请', key: 'received', render: (_, r) => r.total.received },
          { title: '办结', key: 'closed', render: (_, r) => r.total.closed },
          { title: '其中答复', key: 'replied', render: (_, r) => r.total.replied },
          { title: '按时答复率', key: 'rate', render: (_, r) => pct(r.total.onTimeRate) },
          { title: '当前逾期', key: 'overdue', render: (_, r) => r.total.overdueNow ?? 0 },
          { title: '平均用时（工作日）', key: 'days', render: (_, r) => num(r.total.avgWorkingDays) },
          { title: '复议纠正', key: 'rc', render: (_, r) => r.total.reconsiderationCorrected },
          { title: '诉讼败诉', key: 'lost', render: (_, r) => r.total.litigationLost },
          { title: '主动公开', key: 'items', render: (_, r) => r.total.itemsPublished },
          {
            title: '超期公开 / 超期未公开',
            key: 'late',
            render: (_, r) => `${r.total.itemsLate} / ${r.total.itemsOverdueNow ?? 0}`,
          },
          {
            title: '考核得分',
            key: 'score',
            render: (_, r) => <strong data-testid={`score-${r.agency.id}`}>{num(r.score)}</strong>,
          },
          ...(view.data?.scoreMeasures ?? []).map((m) => ({
            title: `${m.label}（${m.weight}）`,
            key: `part-${m.key}`,
            render: (_: unknown, r: PerformanceRow) => num(r.scoreParts[m.key]),
          })),
        ]}
      />
    </>
  );
}
