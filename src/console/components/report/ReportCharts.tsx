import { Card, Col, Empty, Row, Skeleton } from 'antd';
import type { YearCharts } from '../../../domain/report-workspace/charts.ts';
import { withQuery } from '../../api.ts';
import { EChart } from './EChart.tsx';
import { useApi } from '../../use-api.ts';
import { LoadError } from '../LoadError.tsx';

const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/** The year in charts: applications by month, outcomes, the on-time reply rate, proactive items by category. */
export function ReportCharts({ year, agencyId }: { year: number; agencyId: number | null }) {
  const { data, error, reload } = useApi<YearCharts>(withQuery(`/api/reports/${year}/charts`, { agencyId }));
  if (error) return <LoadError message={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  const received = data.byMonth.map((m) => m.received);
  const closed = data.byMonth.map((m) => m.closed);
  const rate = data.onTime.rate;
  const proactive = (data.proactive ?? []).filter((c) => c.count > 0);
  return (
    <Row gutter={[12, 12]} data-testid="charts">
      <Col xs={24} lg={12}>
        <Card size="small" title="各月收到和办结的申请">
          <EChart
            label={`各月收到申请：${received.join('、')}；办结：${closed.join('、')}`}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { data: ['收到', '办结'] },
              // every month labelled (ECharts hides every other label when they would touch)
              xAxis: { type: 'category', data: months, axisLabel: { interval: 0, fontSize: 11 } },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                { name: '收到', type: 'bar', data: received },
                { name: '办结', type: 'line', data: closed },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title="办理结果">
          <EChart
            label={`办理结果：${data.outcomes.map((o) => `${o.label}${o.count}件`).join('，')}`}
            option={{
              tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
              series: [
                {
                  type: 'pie',
                  radius: ['35%', '65%'],
                  data: data.outcomes
                    .filter((o) => o.count > 0)
                    .map((o) => ({ name: o.label, value: o.count })),
                },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={`按时答复率${rate === null ? '' : ` ${rate}%`}`}>
          {data.onTime.replied === 0 ? (
            <Empty description="本年度尚无答复" />
          ) : (
            <EChart
              label={`答复 ${data.onTime.replied} 件，按时 ${data.onTime.onTime} 件，超期 ${data.onTime.late} 件`}
              option={{
                tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
                series: [
                  {
                    type: 'pie',
                    radius: '65%',
                    data: [
                      { name: '按时答复', value: data.onTime.onTime },
                      { name: '超期答复', value: data.onTime.late },
                    ],
                  },
                ],
              }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title="主动公开信息（按目录分类）">
          {proactive.length === 0 ? (
            <Empty description="本年度目录中没有发布的信息" />
          ) : (
            <EChart
              label={`主动公开：${proactive.map((c) => `${c.name}${c.count}条`).join('，')}`}
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 110 },
                xAxis: { type: 'value', minInterval: 1 },
                yAxis: {
                  type: 'category',
                  data: proactive.map((c) => c.name),
                  axisLabel: { interval: 0, width: 100, overflow: 'truncate' },
                },
                series: [{ type: 'bar', data: proactive.map((c) => c.count) }],
              }}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
