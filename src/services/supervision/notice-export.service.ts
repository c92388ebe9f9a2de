import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import type { CollectionRow } from './collection.service.ts';
import { reportCollection } from './collection.service.ts';
import type { SupervisionCaller } from './scope.ts';

/**
 * 通报名单 (issue 12 point 9): the agencies whose annual report is overdue, arrived late or arrived before the
 * report year ended, with their deadline, status, days late and 催报 count — as CSV (UTF-8 with BOM, for Excel)
 * or XLSX, for the office's 通报.
 */
export const NOTICE_STATES = ['overdue', 'late', 'early'] as const;

const HEADER = [
  '机构代码',
  '机关名称',
  '报送期限',
  '期限依据',
  '状态',
  '是否按时',
  '收到日期',
  '逾期天数',
  '催报次数',
];

const csvCell = (v: string | number | null) => {
  const text = v === null ? '' : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function line(r: CollectionRow): (string | number | null)[] {
  const daysLate =
    r.timeliness.daysLate ??
    (r.timeliness.daysLeft !== null && r.timeliness.daysLeft < 0 ? -r.timeliness.daysLeft : null);
  return [
    r.agency.code,
    r.agency.name,
    r.deadline.dueOn,
    r.deadline.article,
    r.statusLabel,
    r.timeliness.label,
    r.timeliness.arrivedOn,
    daysLate,
    r.urges?.count ?? 0,
  ];
}

export async function exportNotice(
  ctx: ServiceContext,
  caller: SupervisionCaller,
  query: { year: number; root?: number },
  target: 'csv' | 'xlsx',
): Promise<{ fileName: string; body: Buffer; rows: number }> {
  if (target !== 'csv' && target !== 'xlsx') throw new AppError('validation', '只能导出 CSV 或 XLSX', 'to');
  const view = await reportCollection(ctx, caller, query);
  const rows = view.rows.filter((r) => (NOTICE_STATES as readonly string[]).includes(r.timeliness.state));
  const fileName = `${view.root.name}${query.year}年度报告报送情况通报名单.${target}`;
  if (target === 'csv') {
    const lines = [HEADER, ...rows.map(line)].map((r) => r.map(csvCell).join(','));
    return { fileName, body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'), rows: rows.length };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongkai';
  const sheet = workbook.addWorksheet('通报名单');
  sheet.columns = HEADER.map((header, i) => ({ header, width: i === 1 ? 30 : 14 }));
  for (const r of rows) sheet.addRow(line(r));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const bytes = await workbook.xlsx.writeBuffer();
  return { fileName, body: Buffer.from(bytes as ArrayBuffer), rows: rows.length };
}
