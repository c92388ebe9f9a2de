import type { Principal } from '../../domain/access/principal.ts';
import { AppError } from '../../domain/errors.ts';
import type { AnnualReport, Finding } from '../../domain/report/index.ts';
import { reportTitle } from '../../domain/report/index.ts';
import type { RenderTarget } from '../../render/report/index.ts';
import { TARGET_EXTENSION } from '../../render/report/index.ts';
import { findReport, reportVersions } from '../../persistence/repositories/report.repository.ts';
import { checkYear } from '../appeals/table4.ts';
import type { ServiceContext } from '../context.ts';
import { requireReportReader } from './access.ts';
import { reportState } from './state.ts';

/**
 * The report as a document (DOCX / PDF / HTML / XLSX / Markdown) through the report renderer: the current
 * report (live draft or frozen), or a given published version. `withFindings` lists the validator's findings
 * in the document and marks their cells (a working copy, not for publication).
 */
export async function exportReport(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  target: RenderTarget,
  options: { version?: number; withFindings?: boolean } = {},
): Promise<{ fileName: string; body: Buffer }> {
  checkYear(year);
  const { agency } = await requireReportReader(ctx, actor, agencyId);
  let report: AnnualReport;
  let findings: Finding[];
  let suffix = '';
  if (options.version !== undefined) {
    const record = await findReport(ctx.database.db, agencyId, year);
    const version = record
      ? (await reportVersions(ctx.database.db, record.id)).find((v) => v.version === options.version)
      : undefined;
    if (!version) throw new AppError('not_found', `${year}年度报告没有第 ${options.version} 版`, 'version');
    ({ report, findings } = version);
    if (version.version > 1) suffix = `（更正第${version.version - 1}次）`;
  } else {
    const state = await reportState(ctx, actor, agency, year);
    ({ report, findings } = state);
    if (state.status !== 'published') suffix = '（草稿）';
  }
  const body = await ctx.documents.renderReport(report, target, options.withFindings ? findings : undefined);
  return { fileName: `${reportTitle(agency.name, year)}${suffix}${TARGET_EXTENSION[target]}`, body };
}
