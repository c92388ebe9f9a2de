import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { CellBasis, Frozen } from '../../domain/report-workspace/index.ts';
import { narrativeTemplate, PLACEHOLDER } from '../../domain/report-workspace/index.ts';
import type { ReportFormat } from '../../domain/report/index.ts';
import { APPEAL_GROUPS, getCell, validateReport } from '../../domain/report/index.ts';
import { checkPrefill, reportCells } from '../../domain/supervision/index.ts';
import { findAgency } from '../../persistence/repositories/agency.repository.ts';
import { findReport, insertReport, updateReport } from '../../persistence/repositories/report.repository.ts';
import {
  insertRollupMarker,
  setReportFormat,
} from '../../persistence/repositories/supervision.repository.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';
import { ENTITY } from '../report-workspace/workspace.service.ts';
import type { RollupQuery } from './rollup.service.ts';
import { computeRollup } from './rollup.service.ts';
import { sessionCaller, supervisionScope } from './scope.ts';

/**
 * The 本级人民政府's own report pre-filled with the rollup of the agencies below it: its record (created if
 * not started) holds the consolidated tables as a draft, with a narrative from the template; staff then edit the
 * narrative in the workspace and submit or publish it as any report. The record is marked as a rollup so that
 * later rollups leave it out (it would count every agency twice). Recalling or returning it unfreezes it (the
 * mark goes with the tables); pre-filling again refreshes the figures.
 */
export async function prefillFromRollup(
  ctx: ServiceContext,
  actor: Principal,
  query: Omit<RollupQuery, 'root'> & { version?: number },
) {
  if (actor.kind !== 'staff') throw new AppError('unauthenticated', '请先登录');
  const db = ctx.database.db;
  const agency = await findAgency(db, actor.agencyId);
  if (!agency) throw notFound('机关');
  const existing = await findReport(db, agency.id, query.year);
  checkPrefill(actor.roles, {
    own: true,
    government: agency.kind === 'government',
    status: existing?.status ?? 'not_started',
  });
  if (query.version !== undefined && existing && existing.version !== query.version)
    throw new AppError('conflict', '年度报告已被他人修改，请刷新后再操作', 'version');
  // the rollup is the supervisor's view of the agency's own subtree; drafters without the role may start it too
  const scope = await supervisionScope(
    ctx,
    sessionCaller({ ...actor, roles: [...actor.roles, 'supervisor'] }),
  );
  const rollup = await computeRollup(ctx, scope, query);
  if (rollup.included.length === 0)
    throw new AppError('invalid_state', '没有可汇总的下级机关年度报告（尚无已报送的报告）', 'year');
  const report = rollup.report;
  report.narrative = {
    ...narrativeTemplate(report, {
      agencyName: agency.name,
      government: true,
      proactiveItems: null,
      replies: { sent: 0, late: 0 },
      fees: { notices: 0, paidYuan: 0 },
      corrected: APPEAL_GROUPS.reduce((s, g) => s + (getCell(report, 'appeals', g, 'corrected') ?? 0), 0),
    }),
    other: `本级人民政府及所属各部门收取信息处理费情况：${PLACEHOLDER}。`,
  };
  const note = `由 ${rollup.included.length} 个机关已报送的年度报告汇总（${rollup.excluded.length} 个机关未计入）`;
  const sources: Record<string, CellBasis> = Object.fromEntries(
    reportCells(report).map((c) => [
      `${c.table}.${c.row}.${c.column}`,
      { kind: 'entered', note } as CellBasis,
    ]),
  );
  const frozen: Frozen = { report, sources, findings: validateReport(report), previous: null };
  const at = nowIso(ctx);
  const saved = await inTransaction(ctx, async (trx, record) => {
    let current = await findReport(trx, agency.id, query.year);
    if ((current?.version ?? null) !== (existing?.version ?? null))
      throw new AppError('conflict', '年度报告已被他人修改，请刷新后再操作', 'version');
    const format: ReportFormat = rollup.format;
    if (!current)
      current = await insertReport(trx, { agencyId: agency.id, year: query.year, format, narrative: {} }, at);
    else if (current.format !== format) await setReportFormat(trx, current.id, format);
    if (!(await updateReport(trx, current.id, current.version, { frozen }, at)))
      throw new AppError('conflict', '年度报告已被他人修改，请刷新后再操作', 'version');
    await insertRollupMarker(trx, {
      reportId: current.id,
      rootAgencyId: agency.id,
      year: query.year,
      format,
      sources: rollup.included.map((i) => i.reportId),
      createdBy: actor.userId,
      createdAt: at,
    });
    await record({
      agencyId: agency.id,
      entityType: ENTITY,
      entityId: current.id,
      action: 'prefill_from_rollup',
      actor: actorOf(actor),
      actorRole: actor.roles.join(','),
      data: {
        year: query.year,
        format,
        statuses: rollup.statuses,
        from: existing?.status ?? 'not_started',
        to: current.status,
        included: rollup.included.map((i) => ({ agencyId: i.agencyId, reportId: i.reportId })),
        excluded: rollup.excluded.map((e) => ({ agencyId: e.agencyId, reason: e.reason })),
      },
    });
    return current;
  });
  return {
    reportId: saved.id,
    agencyId: agency.id,
    year: query.year,
    format: rollup.format,
    included: rollup.included.length,
    excluded: rollup.excluded.length,
  };
}
