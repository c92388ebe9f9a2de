import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import { AppError } from '../../domain/errors.ts';
import type { NarrativeEdits, NarrativeSection, ReportAction } from '../../domain/report-workspace/index.ts';
import {
  decideReportAction,
  NARRATIVE_SECTIONS,
  REPORT_STATUS_LABEL,
} from '../../domain/report-workspace/index.ts';
import type { ReportFormat } from '../../domain/report/index.ts';
import { formatForYear, isReportFormat } from '../../domain/report/index.ts';
import { findReport, insertReport, updateReport } from '../../persistence/repositories/report.repository.ts';
import { checkYear } from '../appeals/table4.ts';
import { setYearlyFigures } from '../catalog/figures.service.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';
import { hasSupervisor, requireReportReader } from './access.ts';
import { reportState } from './state.ts';
import type { WorkspaceView } from './view.ts';
import { workspaceView } from './view.ts';

/**
 * The annual-report workspace of an agency-year: open it, start the record, edit the narrative and the table 二
 * figures that come from other systems. Status changes (submit, return, clear, publish, errata) are in
 * transitions.service.ts.
 */
export const ENTITY = 'annual_report';
export const MAX_NARRATIVE = 20_000;

export async function reportWorkspace(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
): Promise<WorkspaceView> {
  checkYear(year);
  const { agency, who } = await requireReportReader(ctx, actor, agencyId);
  return workspaceView(ctx, await reportState(ctx, actor, agency, year), who);
}

/** Checks an action the workspace takes without needing findings (start, edit) and returns the actor. */
async function allow(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  action: ReportAction,
) {
  checkYear(year);
  const { agency, who, staff } = await requireReportReader(ctx, actor, agencyId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'forbidden')
      throw new AppError('forbidden', '只能编制本机关的年度报告');
    throw error;
  });
  const record = await findReport(ctx.database.db, agencyId, year);
  const decided = decideReportAction(action, who, {
    status: record?.status ?? 'not_started',
    hasSupervisor: hasSupervisor(agency),
    blockingErrors: 0,
  });
  if (!decided.ok) {
    if (action === 'edit' && !record) throw new AppError('invalid_state', '请先开始编制本年度报告');
    throw decided.error;
  }
  return { agency, who, staff, record };
}

/** 开始编制: creates the draft record (the narrative follows the template until edited). */
export async function startReport(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  options: { format?: ReportFormat } = {},
): Promise<WorkspaceView> {
  if (options.format !== undefined && !isReportFormat(options.format))
    throw new AppError('validation', '报告格式只能是 2019 或 2021', 'format');
  const { agency, who, staff } = await allow(ctx, actor, agencyId, year, 'start');
  const format = options.format ?? formatForYear(year);
  await inTransaction(ctx, async (trx, record) => {
    if (await findReport(trx, agencyId, year))
      throw new AppError('conflict', `${year}年度报告已开始编制`, 'year');
    const saved = await insertReport(trx, { agencyId, year, format, narrative: {} }, nowIso(ctx));
    await record({
      agencyId,
      entityType: ENTITY,
      entityId: saved.id,
      action: 'start',
      actor: actorOf(staff),
      actorRole: staff.roles.join(','),
      data: { year, format: saved.format, to: 'draft' },
    });
  });
  return workspaceView(ctx, await reportState(ctx, actor, agency, year), who);
}

/**
 * Edits narrative sections: a string replaces the section's text, null returns it to the template. Numbers in
 * the text are checked against the tables by the validator's narrative rule (findings in the view).
 */
export async function editNarrative(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  sections: Partial<Record<NarrativeSection, string | null>>,
  expectedVersion?: number,
): Promise<WorkspaceView> {
  const { agency, who, staff, record } = await allow(ctx, actor, agencyId, year, 'edit');
  const current = record!;
  if (expectedVersion !== undefined && expectedVersion !== current.version)
    throw new AppError('conflict', '年度报告已被他人修改，请刷新后再编辑', 'version');
  const keys = Object.keys(sections);
  if (keys.length === 0) throw new AppError('validation', '没有要修改的内容', 'sections');
  const edits: NarrativeEdits = { ...current.narrative };
  for (const key of keys) {
    if (!(NARRATIVE_SECTIONS as readonly string[]).includes(key))
      throw new AppError(
        'validation',
        `没有“${key}”这一部分（可修改：总体情况、存在的主要问题及改进情况、其他需要报告的事项）`,
        `sections.${key}`,
      );
    const text = sections[key as NarrativeSection];
    if (text === null || text === undefined) delete edits[key as NarrativeSection];
    else if (typeof text !== 'string') throw new AppError('validation', '正文应为文字', `sections.${key}`);
    else if (text.length > MAX_NARRATIVE)
      throw new AppError('validation', `正文最多 ${MAX_NARRATIVE} 个字`, `sections.${key}`);
    else edits[key as NarrativeSection] = text;
  }
  await inTransaction(ctx, async (trx, recordEvent) => {
    if (!(await updateReport(trx, current.id, current.version, { narrative: edits }, nowIso(ctx))))
      throw new AppError('conflict', '年度报告已被他人修改，请刷新后再编辑', 'version');
    await recordEvent({
      agencyId,
      entityType: ENTITY,
      entityId: current.id,
      action: 'edit_narrative',
      actor: actorOf(staff),
      actorRole: staff.roles.join(','),
      data: { before: current.narrative, after: edits },
    });
  });
  return workspaceView(ctx, await reportState(ctx, actor, agency, year), who);
}

/**
 * Enters table 二 figures that come from other systems (行政许可 / 处罚 / 强制 decisions, 行政事业性收费 …), each
 * with a note, while the report is being drafted. They are the catalog's yearly figures (one store, one
 * event there); the draft's table 二 reads them.
 */
export async function setReportFigures(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  figures: readonly { key: string; value: number; note?: string | null }[],
): Promise<WorkspaceView> {
  const { agency, who, record } = await allow(ctx, actor, agencyId, year, 'edit');
  if (!record || !['draft', 'returned'].includes(record.status))
    throw new AppError(
      'invalid_state',
      `年度报告处于“${REPORT_STATUS_LABEL[record?.status ?? 'not_started']}”状态，不能修改表二`,
    );
  await setYearlyFigures(ctx, actor, agencyId, year, figures);
  return workspaceView(ctx, await reportState(ctx, actor, agency, year), who);
}
