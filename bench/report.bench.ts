import type { AnnualReport, ReportFormat } from '../src/domain/report/index.ts';
import { encodeReport, tableOf, validateReport } from '../src/domain/report/index.ts';
import { renderReportHtml } from '../src/render/report/index.ts';
import { consistentReport, seededRandom } from '../test/support/report-arbitrary.ts';
import { ratio, row, timeBest } from './measure.ts';

/**
 * Validation + HTML rendering of 10,000 varied reports against the floor of a plain JSON.parse +
 * JSON.stringify of the same reports (aim: under 20×).
 */
const COUNT = 10_000;
const RUNS = 5;
const AGENCIES = [
  '某市卫生健康委员会',
  '某县卫生健康局',
  '某区人民政府办公室',
  'A&B <测试> 局',
  '某省“数据”管理局',
];

function narrative(random: () => number, report: AnnualReport): AnnualReport['narrative'] {
  const n = () => Math.floor(random() * 500);
  return {
    overview:
      `（一）主动公开情况。本年度主动公开政府信息${n()}条，其中行政处罚${n()}件。\n` +
      `（二）依申请公开情况\n全年受理依申请公开${report.requests.new_received.total ?? 0}件，按期答复率100%。`,
    problems: '一是公开内容不够全面；二是解读形式较为单一。\n下一步将加强培训。',
    other: random() < 0.5 ? '' : `本年度未收取信息处理费。行政复议${n()}件。`,
  };
}

/** Reports of both formats and various years, some with blank cells, some with narrative text. */
function reports(): AnnualReport[] {
  const random = seededRandom(20250131);
  const draw = () => Math.floor(random() * 200);
  return Array.from({ length: COUNT }, (_, i) => {
    const format: ReportFormat = i % 2 === 0 ? '2019' : '2021';
    const report = consistentReport(format, draw, 2019 + (i % 7));
    report.agency = AGENCIES[i % AGENCIES.length]!;
    if (random() < 0.3) {
      const rows = (['active', 'requests', 'appeals'] as const).flatMap((t) =>
        Object.values(tableOf(report, t)),
      );
      for (let k = Math.floor(random() * 40); k > 0; k--) {
        const cells = rows[Math.floor(random() * rows.length)]!;
        const keys = Object.keys(cells);
        cells[keys[Math.floor(random() * keys.length)]!] = null;
      }
    }
    if (random() < 0.6) report.narrative = narrative(random, report);
    return report;
  });
}

export async function run(): Promise<void> {
  const all = reports();
  const json = all.map((r) => JSON.stringify(encodeReport(r)));
  let sink = 0;
  const floor = await timeBest(RUNS, () => {
    for (const text of json) sink += JSON.stringify(JSON.parse(text)).length;
  });
  const both = await timeBest(RUNS, () => {
    for (const report of all) sink += validateReport(report).length + renderReportHtml(report).length;
  });
  const validation = await timeBest(RUNS, () => {
    for (const report of all) sink += validateReport(report).length;
  });
  const html = await timeBest(RUNS, () => {
    for (const report of all) sink += renderReportHtml(report).length;
  });
  const perReport = (ms: number) => `${((ms * 1000) / COUNT).toFixed(1)} µs`;
  row(`${COUNT} reports (both formats), best of ${RUNS}`, 'total', 'per report', 'ratio');
  row('JSON.parse + JSON.stringify (floor)', `${floor.toFixed(0)} ms`, perReport(floor), ratio(floor, floor));
  row('validateReport + renderReportHtml', `${both.toFixed(0)} ms`, perReport(both), ratio(both, floor));
  row(
    '  validateReport alone',
    `${validation.toFixed(0)} ms`,
    perReport(validation),
    ratio(validation, floor),
  );
  row('  renderReportHtml alone', `${html.toFixed(0)} ms`, perReport(html), ratio(html, floor));
  if (sink === 0) console.log('(no output)');
}
