import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import type { Role } from '../../domain/access/roles.ts';
import { AppError, notFound, validationError } from '../../domain/errors.ts';
import type { AnnualReport } from '../../domain/report/index.ts';
import { decodeReport, reportTitle, reportToJson, validateReport } from '../../domain/report/index.ts';
import { findAgency } from '../../persistence/repositories/agency.repository.ts';
import type { PublishedReport } from '../../persistence/repositories/published-report.repository.ts';
import { findReport } from '../../persistence/repositories/report.repository.ts';
import {
  findPublishedReport,
  insertPublishedReport,
  publishedReportsOf,
} from '../../persistence/repositories/published-report.repository.ts';
import { requireStaffOf } from './access.ts';
import { catalogChanged } from './cache.ts';
import { portalPagesChanged } from './page-store.service.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';

/**
 * Annual reports on the portal (条例 Art. 49: published by 31 January / 31 March). The report workspace of the
 * staff console publishes its reports here through its own review workflow (report-workspace/transitions); a
 * published report is frozen — a correction is published as a new version and the portal shows the latest.
 *
 * `publishAnnualReport` publishes a report written elsewhere (imported as interchange JSON) for a year the agency
 * does not keep in the workspace: a year with a workspace record must go through the workspace (409 otherwise),
 * so its review is never bypassed. A report with validation errors (勾稽关系 …) cannot be published.
 */
export const PUBLISH_REPORT_ROLES: readonly Role[] = ['head', 'admin'];

/** The year's report is being (or was) written in the workspace: it is published there, after its review. */
const keptInWorkspace = (year: number) =>
  new AppError(
    'conflict',
    `本机关${year}年度报告已在年度报告工作台中编制，不能在此直接公布，请通过年度报告工作台审核后发布`,
    'report.year',
  );

export async function publishAnnualReport(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  input: unknown,
): Promise<PublishedReport> {
  const staff = requireStaffOf(actor, agencyId, PUBLISH_REPORT_ROLES);
  const { report, findings } = decodeReport(input);
  const structural = findings.find((f) => f.severity === 'error');
  if (!report || structural) throw validationError('report', structural?.message ?? '报告数据无效');
  const agency = await findAgency(ctx.database.db, agencyId);
  if (!agency) throw notFound('机关');
  if (report.year === null) throw validationError('report.year', '报告缺少年度');
  if (await findReport(ctx.database.db, agencyId, report.year)) throw keptInWorkspace(report.year);
  if (report.agency !== null && report.agency !== agency.name)
    throw validationError('report.agency', `报告的机关名称“${report.agency}”与本机关“${agency.name}”不一致`);
  const errors = validateReport({ ...report, agency: agency.name } as AnnualReport).filter(
    (f) => f.severity === 'error',
  );
  if (errors.length > 0)
    throw new AppError(
      'validation',
      `报告还有 ${errors.length} 个错误，不能发布：${errors[0]!.message}`,
      'report',
      { findings: errors },
    );
  const frozen = { ...report, agency: agency.name } as AnnualReport;
  const published = await inTransaction(ctx, async (trx, record) => {
    // again inside the transaction: the workspace may have started the year meanwhile
    if (await findReport(trx, agencyId, report.year!)) throw keptInWorkspace(report.year!);
    const previous = await findPublishedReport(trx, agencyId, report.year!);
    await portalPagesChanged(trx, agencyId, { items: [], catalog: true });
    const saved = await insertPublishedReport(trx, {
      agencyId,
      year: report.year!,
      title: reportTitle(agency.name, report.year),
      reportJson: reportToJson(frozen),
      publishedAt: nowIso(ctx),
      publishedBy: staff.userId,
    });
    await record({
      agencyId,
      entityType: 'published_report',
      entityId: saved.id,
      action: previous ? 'publish_correction' : 'publish',
      actor: actorOf(actor),
      data: { year: saved.year, replaces: previous?.id ?? null },
    });
    return saved;
  });
  catalogChanged({ database: ctx.database, agencyId, items: [] });
  return published;
}

export async function publishedReports(ctx: ServiceContext, agencyId: number) {
  return publishedReportsOf(ctx.database.db, agencyId);
}

/** A published report, decoded (the portal renders it with the report renderer). */
export async function publishedReport(
  ctx: ServiceContext,
  agencyId: number,
  year: number,
): Promise<{ meta: Omit<PublishedReport, 'reportJson'>; report: AnnualReport } | null> {
  const stored = await findPublishedReport(ctx.database.db, agencyId, year);
  if (!stored) return null;
  const { report } = decodeReport(JSON.parse(stored.reportJson) as unknown);
  if (!report) return null;
  const { reportJson: _, ...meta } = stored;
  return { meta, report };
}
