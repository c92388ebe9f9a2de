import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import { AppError } from '../../domain/errors.ts';
import type { CellBasis, Frozen, NarrativeSection } from '../../domain/report-workspace/index.ts';
import { decideReportAction, NARRATIVE_SECTIONS } from '../../domain/report-workspace/index.ts';
import type { AnnualReport } from '../../domain/report/index.ts';
import {
  activeCells,
  cloneReport,
  encodeReport,
  setCell,
  validateReport,
} from '../../domain/report/index.ts';
import { checkFigure } from '../../domain/catalog/index.ts';
import { updateReport } from '../../persistence/repositories/report.repository.ts';
import { checkYear } from '../appeals/table4.ts';
import { catalogChanged } from '../catalog/cache.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';
import { hasSupervisor, requireReportReader } from './access.ts';
import { composeReport } from './compose.ts';
import { contentFacts, reportState } from './state.ts';
import { publishFrozen } from './transitions.service.ts';
import type { WorkspaceView } from './view.ts';
import { workspaceView } from './view.ts';
import { ENTITY } from './workspace.service.ts';

/**
 * 更正 (errata): a published report is frozen; a correction is published as a new version with its reason, and
 * every earlier version stays in the history (and on the portal's record). The correction may re-read the
 * tables from the live records (`recompute`: records were corrected since), change table 二 figures, and
 * change narrative sections.
 */
export interface ErratumInput {
  reason: string;
  recompute?: boolean;
  active?: readonly { key: string; value: number | null; note?: string | null }[];
  narrative?: Partial<Record<NarrativeSection, string>>;
  version?: number;
}

function applyActive(
  report: AnnualReport,
  sources: Record<string, CellBasis>,
  edits: ErratumInput['active'],
  reason: string,
) {
  const cells = new Map(activeCells(report.format).map((c) => [`${c.row.key}.${c.column.key}`, c]));
  (edits ?? []).forEach((edit, i) => {
    const cell = cells.get(edit.key);
    if (!cell) throw new AppError('validation', `“${edit.key}”不是本报告表二的单元格`, `active.${i}.key`);
    if (edit.value !== null) {
      const bad = checkFigure(cell.column.kind, edit.value);
      if (bad)
        throw new AppError(
          'validation',
          `${cell.row.label}“${cell.column.label}”${bad}`,
          `active.${i}.value`,
        );
    }
    setCell(report, 'active', cell.row.key, cell.column.key, edit.value);
    sources[`active.${edit.key}`] = { kind: 'entered', note: edit.note?.trim() || `更正：${reason}` };
  });
}

export async function publishErratum(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  input: ErratumInput,
): Promise<WorkspaceView> {
  checkYear(year);
  const { agency, who, staff } = await requireReportReader(ctx, actor, agencyId);
  const state = await reportState(ctx, actor, agency, year);
  const current = state.record;
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  const precheck = decideReportAction('erratum', who, {
    status: state.status,
    hasSupervisor: hasSupervisor(agency),
    blockingErrors: 0,
    reason,
  });
  if (!precheck.ok) throw precheck.error;
  if (!current?.frozen) throw new AppError('invalid_state', '年度报告尚未公开');
  if (input.version !== undefined && input.version !== current.version)
    throw new AppError('conflict', '年度报告已被他人修改，请刷新后再操作', 'version');

  let report = cloneReport(current.frozen.report);
  let sources = { ...current.frozen.sources };
  if (input.recompute) {
    const composed = await composeReport(ctx, actor, agency, year, current.format, {});
    composed.report.narrative = report.narrative ?? composed.report.narrative;
    report = composed.report;
    sources = composed.sources;
  }
  applyActive(report, sources, input.active, reason);
  for (const [key, text] of Object.entries(input.narrative ?? {})) {
    if (!(NARRATIVE_SECTIONS as readonly string[]).includes(key) || typeof text !== 'string')
      throw new AppError('validation', `正文“${key}”无效`, `narrative.${key}`);
    report.narrative = { ...(report.narrative ?? { overview: '', problems: '', other: '' }), [key]: text };
  }
  if (JSON.stringify(encodeReport(report)) === JSON.stringify(encodeReport(current.frozen.report)))
    throw new AppError('validation', '更正后的报告与已公开的版本相同，没有需要更正的内容', 'reason');
  const findings = validateReport(report, { previous: state.previous?.report ?? null });
  const decided = decideReportAction('erratum', who, {
    status: state.status,
    hasSupervisor: hasSupervisor(agency),
    ...contentFacts(ctx, state, report, findings),
    reason,
  });
  if (!decided.ok) throw decided.error;
  const frozen: Frozen = { report, sources, findings, previous: state.previous?.ref ?? null };
  await inTransaction(ctx, async (trx, record) => {
    const published = await publishFrozen(ctx, trx, current, frozen, staff, reason);
    if (
      !(await updateReport(
        trx,
        current.id,
        current.version,
        { frozen, publishedVersion: published.version },
        nowIso(ctx),
      ))
    )
      throw new AppError('conflict', '年度报告已被他人修改，请刷新后再操作', 'version');
    await record({
      agencyId,
      entityType: ENTITY,
      entityId: current.id,
      action: 'erratum',
      actor: actorOf(staff),
      actorRole: staff.roles.join(','),
      data: {
        reason,
        ...published,
        recompute: !!input.recompute,
        active: input.active ?? [],
        narrative: Object.keys(input.narrative ?? {}),
      },
    });
  });
  catalogChanged({ database: ctx.database, agencyId, items: [] });
  return workspaceView(ctx, await reportState(ctx, actor, agency, year), who);
}
