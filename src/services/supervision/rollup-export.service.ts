import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors.ts';
import type { AnnualReport } from '../../domain/report/index.ts';
import { FORMAT_DOCUMENT } from '../../domain/report/index.ts';
import type { ServiceContext } from '../context.ts';
import type { Rollup, RollupQuery } from './rollup.service.ts';
import { rollupMatrix } from './rollup.service.ts';
import type { SupervisionCaller } from './scope.ts';
import { supervisionScope } from './scope.ts';

/**
 * The rollup as documents: DOCX (the consolidated tables in the official layout, with a note of the agencies
 * counted and left out) and XLSX (the same tables, plus a sheet breaking every cell down by agency and a sheet of
 * the agencies left out and why).
 */
export type RollupTarget = 'docx' | 'xlsx';

function explained(rollup: Rollup): AnnualReport {
  const report = structuredClone(rollup.report);
  const left = rollup.excluded.map((e) => `${e.name}（${e.message}）`);
  report.narrative = {
    overview:
      `本汇总表由${rollup.root.name}所辖 ${rollup.included.length} 个机关${rollup.year}年度已报送的年度报告逐项相加生成，` +
      `格式为${FORMAT_DOCUMENT[rollup.format]}。` +
      (left.length > 0
        ? `\n未计入的机关（${left.length} 个）：${left.join('；')}。`
        : '\n所辖机关均已计入。'),
    problems: '',
    other: `计入的机关：${rollup.included.map((i) => i.name).join('、') || '无'}。`,
  };
  return report;
}

export async function exportRollup(
  ctx: ServiceContext,
  caller: SupervisionCaller,
  query: RollupQuery,
  target: RollupTarget,
): Promise<{ fileName: string; body: Buffer }> {
  if (target !== 'docx' && target !== 'xlsx') throw new AppError('validation', '只能导出 DOCX 或 XLSX', 'to');
  const scope = await supervisionScope(ctx, caller, query.root);
  const { rollup, columns, values } = await rollupMatrix(ctx, scope, query);
  const fileName = `${rollup.root.name}${rollup.year}年政府信息公开工作年度报告汇总表.${target}`;
  const report = explained(rollup);
  if (target === 'docx') return { fileName, body: await ctx.documents.renderReport(report, 'docx') };

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await ctx.documents.renderReport(report, 'xlsx')) as unknown as ArrayBuffer);
  const breakdown = workbook.addWorksheet('分机关明细');
  breakdown.columns = [
    { header: '机构代码', width: 14 },
    { header: '机关名称', width: 28 },
    { header: '状态', width: 14 },
    ...columns.map((c) => ({ header: c.label, width: 16 })),
  ];
  breakdown.getRow(1).font = { bold: true };
  breakdown.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  rollup.included.forEach((agency, i) =>
    breakdown.addRow([agency.code, agency.name, agency.statusLabel, ...values[i]!]),
  );
  breakdown.addRow(['', '合计', '', ...columns.map((c) => c.sum)]).font = { bold: true };
  breakdown.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];

  const left = workbook.addWorksheet('未计入的机关');
  left.columns = [
    { header: '机构代码', width: 14 },
    { header: '机关名称', width: 28 },
    { header: '状态', width: 14 },
    { header: '未计入的原因', width: 60 },
  ];
  left.getRow(1).font = { bold: true };
  for (const e of rollup.excluded) left.addRow([e.code, e.name, e.statusLabel, e.message]);
  const bytes = await workbook.xlsx.writeBuffer();
  return { fileName, body: Buffer.from(bytes as ArrayBuffer) };
}
