import type { Transaction } from 'kysely';
import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import { AppError } from '../../domain/errors.ts';
import type {
  Frozen,
  RecordStatus,
  ReportAction,
  ReportRecord,
} from '../../domain/report-workspace/index.ts';
import { decideReportAction } from '../../domain/report-workspace/index.ts';
import { reportTitle, reportToJson } from '../../domain/report/index.ts';
import { insertPublishedReport } from '../../persistence/repositories/published-report.repository.ts';
import type { ReportPatch } from '../../persistence/repositories/report.repository.ts';
import type { Schema } from '../../persistence/schema.ts';
import { insertReportVersion, updateReport } from '../../persistence/repositories/report.repository.ts';
import { checkYear } from '../appeals/table4.ts';
import { catalogChanged } from '../catalog/cache.ts';
import { portalPagesChanged } from '../catalog/page-store.service.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';
import { hasSupervisor, requireReportReader } from './access.ts';
import type { ReportState } from './state.ts';
import { contentFacts, reportState } from './state.ts';
import type { WorkspaceView } from './view.ts';
import { workspaceView } from './view.ts';
import { ENTITY } from './workspace.service.ts';

/**
 * The report's status changes (transitions as data: domain/report-workspace/transitions.ts). Submitting freezes
 * the tables as computed at that moment; recalling or returning unfreezes them (live again); clearing keeps the
 * submitted snapshot, which publication makes public — a top-level agency freezes at publication. Publication
 * writes the frozen report to the portal (`published_reports`, the catalog's) and a version to the history, in
 * the same transaction as the status and its event.
 */
export type StatusAction = Extract<ReportAction, 'submit' | 'recall' | 'return' | 'clear' | 'publish'>;

export const frozenOf = (state: ReportState): Frozen => ({
  report: state.report,
  sources: state.sources,
  findings: state.findings,
  previous: state.previous?.ref ?? null,
});

export async function publishFrozen(
  ctx: ServiceContext,
  trx: Transaction<Schema>,
  record: ReportRecord,
  frozen: Frozen,
  staff: Extract<Principal, { kind: 'staff' }>,
  reason: string | null,
): Promise<{ version: number; publishedReportId: number }> {
  const at = nowIso(ctx);
  const published = await insertPublishedReport(trx, {
    agencyId: record.agencyId,
    year: record.year,
    title: reportTitle(frozen.report.agency, record.year),
    reportJson: reportToJson(frozen.report),
    publishedAt: at,
    publishedBy: staff.userId,
  });
  const version = record.publishedVersion + 1;
  await portalPagesChanged(trx, record.agencyId, { items: [], catalog: true });
  await insertReportVersion(trx, record.id, {
    version,
    reason,
    report: frozen.report,
    findings: frozen.findings,
    publishedAt: at,
    publishedBy: staff.userId,
    publishedReportId: published.id,
  });
  return { version, publishedReportId: published.id };
}

/** What each status change writes besides the status: freezing, unfreezing, the comment, the dates. */
function patchFor(
  action: StatusAction,
  status: RecordStatus,
  state: ReportState,
  at: string,
  comment: string | null,
): ReportPatch {
  switch (action) {
    case 'submit':
      return { status, frozen: frozenOf(state), submittedAt: at, comment: null, clearedAt: null };
    case 'recall':
      return { status, frozen: null, submittedAt: null };
    case 'return':
      return { status, frozen: null, comment, clearedAt: null };
    case 'clear':
      return { status, clearedAt: at, comment };
    case 'publish':
      return {
        status,
        frozen: frozenOf(state),
        publishedAt: at,
        publishedVersion: state.record!.publishedVersion + 1,
      };
  }
}

export async function changeStatus(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  action: StatusAction,
  input: { comment?: string | null; version?: number; acknowledgeEarly?: boolean } = {},
): Promise<WorkspaceView> {
  checkYear(year);
  const { agency, who, staff } = await requireReportReader(ctx, actor, agencyId);
  const state = await reportState(ctx, actor, agency, year);
  const current = state.record;
  // freezing takes the report as it is now; publishing a cleared report takes the snapshot that was cleared
  const content = contentFacts(ctx, state);
  const decided = decideReportAction(action, who, {
    status: state.status,
    hasSupervisor: hasSupervisor(agency),
    blockingErrors: content.blockingErrors,
    missing: content.missing,
    yearEnded: content.yearEnded,
    earlyAcknowledged: input.acknowledgeEarly === true,
    comment: input.comment ?? null,
  });
  if (!decided.ok) throw decided.error;
  if (!current) throw new AppError('invalid_state', '请先开始编制本年度报告');
  if (input.version !== undefined && input.version !== current.version)
    throw new AppError('conflict', '年度报告已被他人修改，请刷新后再操作', 'version');
  const at = nowIso(ctx);
  const patch = patchFor(action, decided.to!, state, at, input.comment?.trim() ?? null);
  await inTransaction(ctx, async (trx, record) => {
    let published: { version: number; publishedReportId: number } | null = null;
    if (action === 'publish')
      published = await publishFrozen(ctx, trx, current, frozenOf(state), staff, null);
    if (!(await updateReport(trx, current.id, current.version, patch, at)))
      throw new AppError('conflict', '年度报告已被他人修改，请刷新后再操作', 'version');
    await record({
      agencyId,
      entityType: ENTITY,
      entityId: current.id,
      action,
      actor: actorOf(staff),
      actorRole: staff.roles.join(','),
      data: {
        from: state.status,
        to: decided.to,
        ...(action === 'return' || action === 'clear' ? { comment: input.comment!.trim() } : {}),
        ...(action === 'submit' && !content.yearEnded ? { early: true } : {}),
        findings: {
          errors: state.findings.filter((f) => f.severity === 'error').length,
          warnings: state.findings.filter((f) => f.severity === 'warning').length,
        },
        ...(published ? published : {}),
      },
    });
  });
  if (action === 'publish') catalogChanged({ database: ctx.database, agencyId, items: [] });
  return workspaceView(ctx, await reportState(ctx, actor, agency, year), who);
}
