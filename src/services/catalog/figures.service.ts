import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { ActiveTable, CsvRow, EnteredCell, YearlyFigure } from '../../domain/catalog/index.ts';
import {
  buildActiveTable,
  checkFigure,
  enteredCells,
  parseCsv,
  parseFigureRows,
} from '../../domain/catalog/index.ts';
import { AppError, validationError } from '../../domain/errors.ts';
import type { ActiveBlockSpec, ReportFormat } from '../../domain/report/index.ts';
import { activeBlocks, formatForYear } from '../../domain/report/index.ts';
import { normativeDocumentsOf } from '../../persistence/repositories/normative-document.repository.ts';
import type { StoredFigure } from '../../persistence/repositories/yearly-figure.repository.ts';
import {
  deleteFigure,
  figuresOf,
  upsertFigures,
} from '../../persistence/repositories/yearly-figure.repository.ts';
import { requireReader, requireStaffOf } from './access.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';

/**
 * Yearly figures from other systems (行政许可 / 行政处罚 / 行政强制 decisions, 行政事业性收费 amounts, and the 2019
 * layout's extra cells), entered per year or imported from CSV/XLSX — all or nothing — and table 二 of an
 * agency-year built from them and the normative-document register.
 */
export const FIGURE_ROLES: readonly Role[] = ['handler', 'reviewer', 'head', 'admin'];
export const MIN_YEAR = 2008;
export const MAX_YEAR = 2100;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    throw validationError('year', `年度应为 ${MIN_YEAR}–${MAX_YEAR} 的整数`);
}

export interface FigureCellView extends EnteredCell {
  value: number | null;
  note: string | null;
  updatedAt: string | null;
}

/** The cells to enter for a year in its layout, with what has been entered. */
export async function yearlyFigures(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  format: ReportFormat = formatForYear(year),
): Promise<{ year: number; format: ReportFormat; cells: FigureCellView[] }> {
  checkYear(year);
  await requireReader(ctx, actor, agencyId);
  const stored = new Map((await figuresOf(ctx.database.db, agencyId, year)).map((f) => [f.key, f]));
  return {
    year,
    format,
    cells: enteredCells(format).map((c) => {
      const f = stored.get(c.key);
      return { ...c, value: f?.value ?? null, note: f?.note ?? null, updatedAt: f?.updatedAt ?? null };
    }),
  };
}

function validFigures(
  year: number,
  figures: readonly { key: string; value: number; note?: string | null }[],
): YearlyFigure[] {
  const cells = new Map([...enteredCells('2019'), ...enteredCells('2021')].map((c) => [c.key, c]));
  const seen = new Set<string>();
  return figures.map((f, i) => {
    const cell = cells.get(f.key);
    const field = `figures.${i}`;
    if (!cell) throw validationError(`${field}.key`, `“${f.key}”不是表二中需要填报的单元格`);
    if (seen.has(f.key))
      throw validationError(`${field}.key`, `“${cell.rowLabel}·${cell.columnLabel}”重复填报`);
    seen.add(f.key);
    const bad = checkFigure(cell.kind, f.value);
    if (bad) throw validationError(`${field}.value`, `${cell.rowLabel}“${cell.columnLabel}”${bad}`);
    const note = f.note?.trim() || null;
    if (note && note.length > 200) throw validationError(`${field}.note`, '备注最多 200 个字');
    return { year, key: f.key, value: f.value, note };
  });
}

/** Enters figures of one year (every one checked before any is written). */
export async function setYearlyFigures(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  figures: readonly { key: string; value: number; note?: string | null }[],
): Promise<StoredFigure[]> {
  checkYear(year);
  const staff = requireStaffOf(actor, agencyId, FIGURE_ROLES);
  if (figures.length === 0) throw validationError('figures', '没有要保存的数据');
  const valid = validFigures(year, figures);
  await inTransaction(ctx, async (trx, record) => {
    const before = await figuresOf(trx, agencyId, year);
    await upsertFigures(trx, agencyId, valid, staff.userId, nowIso(ctx));
    await record({
      agencyId,
      entityType: 'yearly_figures',
      entityId: `${agencyId}:${year}`,
      action: 'set',
      actor: actorOf(actor),
      data: { before, after: valid },
    });
  });
  return figuresOf(ctx.database.db, agencyId, year);
}

export async function removeYearlyFigure(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  key: string,
): Promise<void> {
  checkYear(year);
  requireStaffOf(actor, agencyId, FIGURE_ROLES);
  await inTransaction(ctx, async (trx, record) => {
    const before = (await figuresOf(trx, agencyId, year)).find((f) => f.key === key);
    if (!before || (await deleteFigure(trx, agencyId, year, key)) === 0)
      throw new AppError('not_found', `${year} 年度没有“${key}”的数据`);
    await record({
      agencyId,
      entityType: 'yearly_figures',
      entityId: `${agencyId}:${year}`,
      action: 'delete',
      actor: actorOf(actor),
      data: { before },
    });
  });
}

async function sheetRows(ctx: ServiceContext, fileName: string, bytes: Uint8Array): Promise<CsvRow[]> {
  const isXlsx = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isXlsx) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError(
        'unsupported_media',
        `“${fileName}”不是 UTF-8 编码的 CSV 文件或 XLSX 工作簿（Excel 中请另存为“CSV UTF-8”或 .xlsx）`,
        'file',
      );
    }
    const { rows, error } = parseCsv(text);
    if (error) throw validationError('file', `导入失败：${error}`);
    return rows;
  }
  let rows: CsvRow[] | null;
  try {
    rows = await ctx.documents.sheetRows(bytes); // in the document workers, under the document limits
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw validationError('file', `“${fileName}”无法读取：XLSX 工作簿已损坏`);
  }
  if (!rows) throw validationError('file', `“${fileName}”中没有工作表`);
  return rows;
}

/**
 * Imports figures from a CSV or XLSX sheet (headers 年度, 事项, 指标, 数值, 备注 — see figure-import.ts). All or
 * nothing: any problem rejects the whole file, and every problem is listed with its row and column.
 */
export async function importYearlyFigures(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  file: { fileName: string; bytes: Uint8Array },
): Promise<{ imported: number; years: number[] }> {
  const staff = requireStaffOf(actor, agencyId, FIGURE_ROLES);
  const { figures, problems } = parseFigureRows(await sheetRows(ctx, file.fileName, file.bytes));
  if (problems.length > 0)
    throw new AppError(
      'validation',
      `导入失败，没有导入任何数据：共 ${problems.length} 处错误。${problems[0]!.message}`,
      'file',
      { problems },
    );
  const years = [...new Set(figures.map((f) => f.year))].sort();
  await inTransaction(ctx, async (trx, record) => {
    await upsertFigures(trx, agencyId, figures, staff.userId, nowIso(ctx));
    await record({
      agencyId,
      entityType: 'yearly_figures',
      entityId: `${agencyId}:import`,
      action: 'import',
      actor: actorOf(actor),
      data: { fileName: file.fileName, figures },
    });
  });
  return { imported: figures.length, years };
}

/** Table 二 of an agency-year, with the statutory blocks (labels) and where each cell came from. */
export async function activeTableFor(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  format: ReportFormat = formatForYear(year),
): Promise<ActiveTable & { blocks: readonly ActiveBlockSpec[] }> {
  checkYear(year);
  await requireReader(ctx, actor, agencyId);
  const db = ctx.database.db;
  const [documents, figures] = await Promise.all([
    normativeDocumentsOf(db, agencyId, { upToYear: year }),
    figuresOf(db, agencyId, year),
  ]);
  const table = buildActiveTable(
    format,
    year,
    documents,
    new Map(figures.map((f) => [f.key, { value: f.value, note: f.note }])),
  );
  return { ...table, blocks: activeBlocks(format) };
}
