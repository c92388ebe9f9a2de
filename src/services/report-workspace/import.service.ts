import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import { ROLE_LABEL } from '../../domain/access/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { DRAFTERS } from '../../domain/report-workspace/index.ts';
import type { AnnualReport, Finding } from '../../domain/report/index.ts';
import { encodeReport, validateReport } from '../../domain/report/index.ts';
import type { ImportedReport } from '../../persistence/repositories/report-import.repository.ts';
import {
  deleteImportedReport,
  findImportedReport,
  insertImportedReport,
} from '../../persistence/repositories/report-import.repository.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso, todayInChina } from '../context.ts';
import { reportFromJsonText } from '../report-check.service.ts';
import { requireReportReader } from './access.ts';

/**
 * Importing a report written outside Gongkai (Word, PDF, web page, text, or interchange JSON) for a past year,
 * to serve as "last year's report": parsed by the importer, stored with the import's findings, used by the
 * workspace of the year after for the cross-year checks and the side-by-side view. A later import of the same
 * year supersedes an earlier one.
 */
export const IMPORT_ENTITY = 'imported_report';

async function requireImporter(ctx: ServiceContext, actor: Principal, agencyId: number) {
  const { staff, agency } = await requireReportReader(ctx, actor, agencyId);
  if (staff.agencyId !== agencyId) throw new AppError('forbidden', '只能为本机关导入年度报告');
  if (!DRAFTERS.some((r) => staff.roles.includes(r)))
    throw new AppError('forbidden', `导入年度报告须由${DRAFTERS.map((r) => ROLE_LABEL[r]).join('、')}办理`);
  return { staff, agency };
}

function metaOf(i: ImportedReport) {
  const { report: _r, findings: _f, ...meta } = i;
  return meta;
}

export async function importReport(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  file: { fileName: string; bytes: Uint8Array; year?: number },
) {
  const { staff, agency } = await requireImporter(ctx, actor, agencyId);
  if (file.bytes.length === 0) throw new AppError('validation', '请上传年度报告文件', 'file');
  const thisYear = Number(todayInChina(ctx).slice(0, 4));
  if (file.year !== undefined && !(Number.isInteger(file.year) && file.year >= 2008 && file.year < thisYear))
    throw new AppError('validation', `导入的年度报告应为 2008–${thisYear - 1} 年度`, 'year');
  let read: { report: AnnualReport; findings: Finding[] };
  if (/\.json$/i.test(file.fileName)) {
    read = reportFromJsonText(new TextDecoder().decode(file.bytes), 'file');
    if (file.year !== undefined) read.report.year = file.year;
  } else
    read = await ctx.documents.parseReport(file.bytes, file.fileName, {
      ...(file.year !== undefined ? { year: file.year } : {}),
      agency: agency.name,
    });
  const year = read.report.year;
  if (year === null)
    throw new AppError('validation', '未能从文件中读出报告年度，请指定年度后重新导入', 'year', {
      findings: read.findings,
    });
  if (!(year >= 2008 && year < thisYear))
    throw new AppError(
      'validation',
      `文件中的报告年度为 ${year}，只能导入 2008–${thisYear - 1} 年度的报告`,
      'year',
    );
  const report: AnnualReport = { ...read.report, agency: agency.name };
  const findings = [...read.findings, ...validateReport(report)];
  const saved = await inTransaction(ctx, async (trx, record) => {
    const imported = await insertImportedReport(trx, {
      agencyId,
      year,
      fileName: file.fileName.slice(0, 200),
      format: report.format,
      report,
      findings,
      importedAt: nowIso(ctx),
      importedBy: staff.userId,
    });
    await record({
      agencyId,
      entityType: IMPORT_ENTITY,
      entityId: imported.id,
      action: 'import',
      actor: actorOf(staff),
      actorRole: staff.roles.join(','),
      data: {
        year,
        fileName: imported.fileName,
        format: report.format,
        errors: findings.filter((f) => f.severity === 'error').length,
      },
    });
    return imported;
  });
  return { imported: metaOf(saved), report: encodeReport(saved.report), findings };
}

/** One imported report with its content and findings. */
export async function importedReport(ctx: ServiceContext, actor: Principal, agencyId: number, id: number) {
  await requireReportReader(ctx, actor, agencyId);
  const imported = await findImportedReport(ctx.database.db, id);
  if (!imported || imported.agencyId !== agencyId) throw notFound('导入的年度报告');
  return { imported: metaOf(imported), report: encodeReport(imported.report), findings: imported.findings };
}

/** Removes an import made in error (the event keeps what it was). */
export async function deleteImport(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  id: number,
): Promise<void> {
  const { staff } = await requireImporter(ctx, actor, agencyId);
  await inTransaction(ctx, async (trx, record) => {
    const imported = await findImportedReport(trx, id);
    if (!imported || imported.agencyId !== agencyId || !(await deleteImportedReport(trx, id)))
      throw notFound('导入的年度报告');
    await record({
      agencyId,
      entityType: IMPORT_ENTITY,
      entityId: id,
      action: 'delete',
      actor: actorOf(staff),
      data: { year: imported.year, fileName: imported.fileName, report: encodeReport(imported.report) },
    });
  });
}
