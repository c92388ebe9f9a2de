import ExcelJS from 'exceljs';
import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import type { CsvRow, DisclosureMatter, MatterInput } from '../../domain/catalog/index.ts';
import {
  CATALOG_ADMIN_ROLES,
  checkMatterInput,
  HEALTH_STARTER_MATTERS,
  HEALTH_STARTER_SOURCE,
  MATTER_COLUMNS,
  matterName,
  matterRowsToInputs,
  matterToRow,
  periodLabel,
  publicationPeriod,
} from '../../domain/catalog/index.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import {
  deleteMatter,
  findMatter,
  findMatterByName,
  insertMatter,
  itemCountsByMatter,
  mattersOf,
  updateMatter,
} from '../../persistence/repositories/disclosure-matter.repository.ts';
import { requireReader, requireStaffOf } from './access.ts';
import { catalogChanged } from './cache.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';

/**
 * The agency's 政务公开事项标准目录: read by its staff and supervisors; 事项 added, edited and removed by its
 * 管理员 or 负责人 (one at a time, from the 卫生健康 starter set, or from an XLSX sheet); exported as XLSX. Every
 * change is an event. A 事项 with items filed under it cannot be removed.
 */
export interface MatterView extends DisclosureMatter {
  name: string;
  /** the period the 公开时限 names, as the lateness check reads it */
  period: string;
  itemCount: number;
}

export async function listMatters(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
): Promise<MatterView[]> {
  await requireReader(ctx, actor, agencyId);
  const db = ctx.database.db;
  const [matters, counts] = await Promise.all([mattersOf(db, agencyId), itemCountsByMatter(db, agencyId)]);
  return matters.map((m) => view(m, counts.get(m.id) ?? 0));
}

const view = (m: DisclosureMatter, itemCount: number): MatterView => ({
  ...m,
  name: matterName(m),
  period: periodLabel(publicationPeriod(m.timeLimit)),
  itemCount,
});

const clean = (m: MatterInput): MatterInput => ({
  ...m,
  level1: m.level1.trim(),
  level2: m.level2.trim(),
  content: m.content.trim(),
  basis: m.basis.trim(),
  timeLimit: m.timeLimit.trim(),
  subject: m.subject.trim(),
  channels: m.channels.trim(),
});

function checked(input: MatterInput): MatterInput {
  const m = clean(input);
  const problems = checkMatterInput(m);
  if (problems.length > 0)
    throw new AppError('validation', problems[0]!.message, problems[0]!.field, { problems });
  return m;
}

const duplicate = (m: MatterInput) =>
  new AppError('conflict', `标准目录中已有事项“${matterName(m)}”`, 'level2');

export async function createMatter(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  input: MatterInput,
): Promise<MatterView> {
  requireStaffOf(actor, agencyId, CATALOG_ADMIN_ROLES);
  const m = checked(input);
  const created = await inTransaction(ctx, async (trx, record) => {
    if (await findMatterByName(trx, agencyId, m.level1, m.level2)) throw duplicate(m);
    const row = await insertMatter(trx, agencyId, m, nowIso(ctx));
    await record({
      agencyId,
      entityType: 'disclosure_matter',
      entityId: row.id,
      action: 'create',
      actor: actorOf(actor),
      data: { after: row },
    });
    return row;
  });
  catalogChanged();
  return view(created, 0);
}

export async function updateMatterFields(
  ctx: ServiceContext,
  actor: Principal,
  matterId: number,
  input: MatterInput,
): Promise<MatterView> {
  const before = await findMatter(ctx.database.db, matterId);
  if (!before || actor.kind !== 'staff' || actor.agencyId !== before.agencyId) throw notFound('公开事项');
  requireStaffOf(actor, before.agencyId, CATALOG_ADMIN_ROLES);
  const m = checked(input);
  await inTransaction(ctx, async (trx, record) => {
    const other = await findMatterByName(trx, before.agencyId, m.level1, m.level2);
    if (other && other.id !== matterId) throw duplicate(m);
    await updateMatter(trx, matterId, m, nowIso(ctx));
    await record({
      agencyId: before.agencyId,
      entityType: 'disclosure_matter',
      entityId: matterId,
      action: 'update',
      actor: actorOf(actor),
      data: { before, after: m },
    });
  });
  catalogChanged();
  const after = (await listMatters(ctx, actor, before.agencyId)).find((x) => x.id === matterId);
  return after!;
}

export async function removeMatter(ctx: ServiceContext, actor: Principal, matterId: number): Promise<void> {
  const before = await findMatter(ctx.database.db, matterId);
  if (!before || actor.kind !== 'staff' || actor.agencyId !== before.agencyId) throw notFound('公开事项');
  requireStaffOf(actor, before.agencyId, CATALOG_ADMIN_ROLES);
  await inTransaction(ctx, async (trx, record) => {
    const filed = (await itemCountsByMatter(trx, before.agencyId)).get(matterId) ?? 0;
    if (filed > 0)
      throw new AppError(
        'conflict',
        `事项“${matterName(before)}”下已归入 ${filed} 条信息，不能删除`,
        'matterId',
      );
    await deleteMatter(trx, matterId);
    await record({
      agencyId: before.agencyId,
      entityType: 'disclosure_matter',
      entityId: matterId,
      action: 'delete',
      actor: actorOf(actor),
      data: { before },
    });
  });
  catalogChanged();
}

/**
 * Adds 事项 in one transaction: new ones inserted, ones already present (same 一级/二级事项) updated. Returns how
 * many of each. Used by the starter set and the XLSX import.
 */
async function addMatters(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  matters: readonly MatterInput[],
  source: Record<string, unknown>,
): Promise<{ added: number; updated: number }> {
  requireStaffOf(actor, agencyId, CATALOG_ADMIN_ROLES);
  const result = await inTransaction(ctx, async (trx, record) => {
    let added = 0;
    let updated = 0;
    const at = nowIso(ctx);
    for (const m of matters) {
      const existing = await findMatterByName(trx, agencyId, m.level1, m.level2);
      if (existing) {
        await updateMatter(trx, existing.id, m, at);
        updated++;
      } else {
        await insertMatter(trx, agencyId, m, at);
        added++;
      }
    }
    await record({
      agencyId,
      entityType: 'disclosure_matters',
      entityId: agencyId,
      action: 'import',
      actor: actorOf(actor),
      data: { ...source, added, updated, matters },
    });
    return { added, updated };
  });
  catalogChanged();
  return result;
}

/** The 卫生健康（医疗卫生） starter set (see matters-health.ts for where it comes from). */
export function loadHealthStarter(ctx: ServiceContext, actor: Principal, agencyId: number) {
  return addMatters(ctx, actor, agencyId, HEALTH_STARTER_MATTERS, {
    source: 'starter:health',
    note: HEALTH_STARTER_SOURCE,
  });
}

export async function importMatters(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  file: { fileName: string; bytes: Uint8Array },
): Promise<{ added: number; updated: number }> {
  requireStaffOf(actor, agencyId, CATALOG_ADMIN_ROLES);
  if (!(file.bytes[0] === 0x50 && file.bytes[1] === 0x4b))
    throw new AppError(
      'unsupported_media',
      `“${file.fileName}”不是 XLSX 工作簿（请在 Excel 中另存为 .xlsx）`,
      'file',
    );
  let rows: CsvRow[] | null;
  try {
    rows = await ctx.documents.sheetRows(file.bytes); // in the document workers, under the document limits
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('validation', `“${file.fileName}”无法读取：XLSX 工作簿已损坏`, 'file');
  }
  if (!rows) throw new AppError('validation', `“${file.fileName}”中没有工作表`, 'file');
  const { matters, problems } = matterRowsToInputs(rows);
  if (problems.length > 0)
    throw new AppError(
      'validation',
      `导入失败，没有导入任何事项：共 ${problems.length} 处错误。${problems[0]!.message}`,
      'file',
      { problems },
    );
  return addMatters(ctx, actor, agencyId, matters, { source: 'xlsx', fileName: file.fileName });
}

export async function exportMatters(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
): Promise<{ fileName: string; body: Buffer }> {
  const matters = await listMatters(ctx, actor, agencyId);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('政务公开事项标准目录');
  sheet.addRow(['序号', ...MATTER_COLUMNS.map(([, label]) => label)]).font = { bold: true };
  matters.forEach((m, i) => sheet.addRow([i + 1, ...matterToRow(m)]));
  sheet.columns.forEach((c, i) => (c.width = [6, 14, 20, 40, 36, 24, 18, 24, 10, 12, 10, 10][i] ?? 14));
  return { fileName: '政务公开事项标准目录.xlsx', body: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
