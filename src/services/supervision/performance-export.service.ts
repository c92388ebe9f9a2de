import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors.ts';
import { OUTCOME_GROUP_LABEL, OUTCOME_GROUPS } from '../../domain/report-workspace/index.ts';
import type { Figures } from '../../domain/supervision/index.ts';
import type { ServiceContext } from '../context.ts';
import type { PerformanceQuery, PerformanceView } from './performance.service.ts';
import { performanceDashboard } from './performance.service.ts';
import type { SupervisionCaller } from './scope.ts';

/** The dashboard as CSV (one row per agency and month, then each agency's total) or XLSX (ranked sheet + months). */
export type PerformanceTarget = 'csv' | 'xlsx';

const COLUMNS: { header: string; read: (f: Figures) => number | null }[] = [
  { header: '收到申请', read: (f) => f.received },
  { header: '办结', read: (f) => f.closed },
  { header: '答复', read: (f) => f.replied },
  { header: '按期答复', read: (f) => f.onTime },
  { header: '逾期答复', read: (f) => f.late },
  { header: '按时答复率（%）', read: (f) => f.onTimeRate },
  { header: '平均答复用时（工作日）', read: (f) => f.avgWorkingDays },
  ...OUTCOME_GROUPS.map((g) => ({ header: OUTCOME_GROUP_LABEL[g], read: (f: Figures) => f.outcomes[g] })),
  { header: '行政复议审结', read: (f) => f.reconsiderationDecided },
  { header: '行政复议被纠正', read: (f) => f.reconsiderationCorrected },
  { header: '行政诉讼审结', read: (f) => f.litigationDecided },
  { header: '行政诉讼败诉', read: (f) => f.litigationLost },
  { header: '主动公开信息', read: (f) => f.itemsPublished },
  { header: '其中超期公开', read: (f) => f.itemsLate },
  { header: '当前逾期未答复', read: (f) => f.overdueNow },
  { header: '当前超期未公开', read: (f) => f.itemsOverdueNow },
];

const csvCell = (v: string | number | null) => {
  const text = v === null ? '' : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function rowsOf(view: PerformanceView): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const a of view.agencies) {
    a.months.forEach((m, i) =>
      rows.push([
        a.agency.code,
        a.agency.name,
        view.period.months[i]!,
        null,
        ...COLUMNS.map((c) => c.read(m)),
      ]),
    );
    rows.push([a.agency.code, a.agency.name, '合计', a.rank, ...COLUMNS.map((c) => c.read(a.total))]);
  }
  view.byMonth.forEach((m, i) =>
    rows.push([
      '',
      `${view.root.name}（全部）`,
      view.period.months[i]!,
      null,
      ...COLUMNS.map((c) => c.read(m)),
    ]),
  );
  rows.push(['', `${view.root.name}（全部）`, '合计', null, ...COLUMNS.map((c) => c.read(view.total))]);
  return rows;
}

export async function exportPerformance(
  ctx: ServiceContext,
  caller: SupervisionCaller,
  query: PerformanceQuery,
  target: PerformanceTarget,
): Promise<{ fileName: string; body: Buffer }> {
  if (target !== 'csv' && target !== 'xlsx') throw new AppError('validation', '只能导出 CSV 或 XLSX', 'to');
  const view = await performanceDashboard(ctx, caller, query);
  const period =
    view.period.from === view.period.to ? view.period.from : `${view.period.from}至${view.period.to}`;
  const fileName = `${view.root.name}政府信息公开工作统计（${period}）.${target}`;
  const header = [
    '机构代码',
    '机关名称',
    '月份',
    `排名（${view.metricLabel}）`,
    ...COLUMNS.map((c) => c.header),
  ];
  if (target === 'csv') {
    const lines = [header, ...rowsOf(view)].map((r) => r.map(csvCell).join(','));
    return { fileName, body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongkai';
  const ranked = workbook.addWorksheet('按机关排名');
  ranked.columns = [
    { header: `排名（${view.metricLabel}）`, width: 12 },
    { header: '机构代码', width: 14 },
    { header: '机关名称', width: 28 },
    ...COLUMNS.map((c) => ({ header: c.header, width: 12 })),
    { header: '考核综合得分', width: 12 },
    ...view.scoreMeasures.map((m) => ({ header: `${m.label}（权重 ${m.weight}）`, width: 12 })),
    { header: '备注', width: 24 },
  ];
  for (const a of view.agencies)
    ranked.addRow([
      a.rank,
      a.agency.code,
      a.agency.name,
      ...COLUMNS.map((c) => c.read(a.total)),
      a.score,
      ...view.scoreMeasures.map((m) => a.scoreParts[m.key]),
      !a.agency.onPlatform
        ? '未使用本系统，无实时记录'
        : a.belowMinimum
          ? `收到申请少于 ${view.rankMinimum} 件，不参与排名`
          : null,
    ]);
  ranked.addRow([null, '', '合计', ...COLUMNS.map((c) => c.read(view.total))]).font = { bold: true };
  const months = workbook.addWorksheet('按机关按月');
  months.addRow(header);
  for (const r of rowsOf(view)) months.addRow(r);
  for (const sheet of [ranked, months]) {
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const bytes = await workbook.xlsx.writeBuffer();
  return { fileName, body: Buffer.from(bytes as ArrayBuffer) };
}
