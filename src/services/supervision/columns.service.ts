import ExcelJS from 'exceljs';
import { DEFAULT_CATEGORIES } from '../../domain/catalog/index.ts';
import { AppError } from '../../domain/errors.ts';
import type { AgencyColumns, ColumnResult } from '../../domain/supervision/index.ts';
import {
  AGENCY_KIND_LABEL,
  checkColumns,
  columnCutoffs,
  COLUMN_STATE_LABEL,
  preOrder,
  STATUTORY_COLUMNS,
  staleMonthsOf,
  supervisionSettingsOf,
} from '../../domain/supervision/index.ts';
import { findAgency } from '../../persistence/repositories/agency.repository.ts';
import {
  publicItemsByCategory,
  publishedReportsByAgency,
  subtreeCategories,
} from '../../persistence/repositories/supervision-columns.repository.ts';
import { subtreeAgencies } from '../../persistence/repositories/supervision.repository.ts';
import type { ServiceContext } from '../context.ts';
import { todayInChina } from '../context.ts';
import type { SupervisionCaller } from './scope.ts';
import { supervisionScope } from './scope.ts';

/**
 * The 法定栏目 check of a subtree (issue 12 point 9): for each agency on Gongkai, each statutory column of its
 * portal's 政府信息公开 专栏 (src/domain/supervision/columns.ts) — not set up, empty, stale or current — with the
 * item counts behind it; agencies not on Gongkai (no portal here) listed apart. Counted in SQL (one grouped
 * statement over the subtree's items, one over its published reports).
 */
export async function statutoryColumns(
  ctx: ServiceContext,
  caller: SupervisionCaller,
  query: { root?: number },
) {
  const scope = await supervisionScope(ctx, caller, query.root);
  const db = ctx.database.db;
  const today = todayInChina(ctx);
  const own = await findAgency(db, scope.agencyId);
  const settings = supervisionSettingsOf(own?.settings ?? {});
  const months = staleMonthsOf(settings.columnStaleMonths);
  const cutoffs = columnCutoffs(today, months);
  const [agencies, categories, counts, reports] = await Promise.all([
    subtreeAgencies(db, scope.rootId),
    subtreeCategories(db, scope.rootId),
    publicItemsByCategory(db, scope.rootId, cutoffs),
    publishedReportsByAgency(db, scope.rootId, cutoffs, ctx.database.dialect),
  ]);
  const ordered = preOrder(agencies, scope.rootId);
  const onPlatform = ordered.filter((a) => a.onPlatform);
  const checked = new Map<number, AgencyColumns>(
    checkColumns({
      today,
      staleMonths: months,
      agencies: onPlatform.map((a) => ({
        agencyId: a.id,
        categories: categories.get(a.id) ?? DEFAULT_CATEGORIES,
      })),
      counts,
      reports,
    }).map((r) => [r.agencyId, r]),
  );
  const rows = ordered.map((a) => {
    const result = checked.get(a.id) ?? null;
    return {
      agency: {
        id: a.id,
        code: a.code,
        name: a.name,
        kindLabel: AGENCY_KIND_LABEL[a.kind] ?? a.kind,
        depth: a.depth,
        onPlatform: a.onPlatform,
      },
      columns: result?.columns ?? null,
      counts: result?.counts ?? null,
      /** columns needing attention: not set up, empty or stale */
      problems: result ? result.counts.missing + result.counts.empty + result.counts.stale : null,
    };
  });
  return {
    today,
    root: { id: scope.rootId, name: ordered[0]?.name ?? '' },
    columns: STATUTORY_COLUMNS.map((c) => ({
      key: c.key,
      label: c.label,
      group: c.group,
      basis: c.basis,
      staleMonths: months[c.key]!,
      defaultStaleMonths: c.staleMonths,
      generated: c.generated ?? false,
    })),
    states: COLUMN_STATE_LABEL,
    summary: {
      agencies: onPlatform.length,
      withProblems: rows.filter((r) => (r.problems ?? 0) > 0).length,
      notOnPlatform: ordered.length - onPlatform.length,
    },
    rows,
  };
}

export type StatutoryColumnsView = Awaited<ReturnType<typeof statutoryColumns>>;

const HEADER = [
  '机构代码',
  '机关名称',
  '一级栏目',
  '栏目',
  '依据',
  '状态',
  '更新周期（月）',
  '统计起点',
  '已公开信息',
  '期间内公开',
  '最近发布日期',
  '对应分类',
];

const csvCell = (v: string | number | null) => {
  const text = v === null ? '' : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The columns needing attention (not set up, empty, stale), one line per agency and column — or every column
 * with `all` — as CSV (UTF-8 with BOM) or XLSX.
 */
export async function exportStatutoryColumns(
  ctx: ServiceContext,
  caller: SupervisionCaller,
  query: { root?: number; all?: boolean },
  target: 'csv' | 'xlsx',
): Promise<{ fileName: string; body: Buffer; rows: number }> {
  if (target !== 'csv' && target !== 'xlsx') throw new AppError('validation', '只能导出 CSV 或 XLSX', 'to');
  const view = await statutoryColumns(ctx, caller, query);
  const lines: (string | number | null)[][] = [];
  for (const r of view.rows)
    for (const c of (r.columns ?? []) as ColumnResult[]) {
      if (!query.all && (c.state === 'current' || c.state === 'generated')) continue;
      lines.push([
        r.agency.code,
        r.agency.name,
        c.group,
        c.label,
        c.basis,
        c.stateLabel,
        c.staleMonths,
        c.since,
        c.total,
        c.recent,
        c.lastOn,
        c.categories.join(' '),
      ]);
    }
  const fileName = `${view.root.name}法定栏目检查（${view.today}）.${target}`;
  if (target === 'csv') {
    const text = [HEADER, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n');
    return { fileName, body: Buffer.from(`\uFEFF${text}\r\n`, 'utf8'), rows: lines.length };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongkai';
  const sheet = workbook.addWorksheet('法定栏目检查');
  sheet.columns = HEADER.map((header, i) => ({ header, width: i === 1 || i === 3 ? 28 : 14 }));
  for (const l of lines) sheet.addRow(l);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const bytes = await workbook.xlsx.writeBuffer();
  return { fileName, body: Buffer.from(bytes as ArrayBuffer), rows: lines.length };
}
