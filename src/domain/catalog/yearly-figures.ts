import type { CellKind } from '../report/cell.ts';
import type { ReportFormat } from '../report/format.ts';
import { activeCells } from '../report/table2.ts';

/**
 * Figures of table 二 that come from other systems (行政许可 / 行政处罚 / 行政强制 decisions, 行政事业性收费 amounts;
 * in the 2019 layout also 上一年项目数量, 本年增/减, 其他对外管理服务事项 and 政府集中采购): entered per agency and year
 * or imported. Each is addressed by its cell key "row.column" of the report model, e.g. `licensing.decisions`.
 * The 第二十条第（一）项 rows are counted from the normative-document lifecycle and are never entered.
 */
export const LIFECYCLE_ROWS: readonly string[] = ['rules', 'normative_documents'];

export interface EnteredCell {
  /** "row.column", e.g. fees.amount_wan */
  key: string;
  row: string;
  column: string;
  /** the block header, e.g. 第二十条第（八）项 */
  header: string;
  rowLabel: string;
  columnLabel: string;
  kind: CellKind;
}

/** The cells of table 二 entered by hand in a layout, in print order, with their statutory labels. */
export function enteredCells(format: ReportFormat): EnteredCell[] {
  return activeCells(format)
    .filter(({ row }) => !LIFECYCLE_ROWS.includes(row.key))
    .map(({ block, row, column }) => ({
      key: `${row.key}.${column.key}`,
      row: row.key,
      column: column.key,
      header: block.header,
      rowLabel: row.label,
      columnLabel: column.label,
      kind: column.kind,
    }));
}

/** Every cell key any layout accepts (a year's figures may be kept for both layouts). */
export function isEnteredCellKey(key: string): boolean {
  return enteredCells('2021').some((c) => c.key === key) || enteredCells('2019').some((c) => c.key === key);
}

export function cellKind(key: string): CellKind | null {
  return (
    (enteredCells('2021').find((c) => c.key === key) ?? enteredCells('2019').find((c) => c.key === key))
      ?.kind ?? null
  );
}

/** Why a value does not fit its cell, or null. Amounts: at most 4 decimals (万元 to the yuan is 4). */
export function checkFigure(kind: CellKind, value: number): string | null {
  if (!Number.isFinite(value)) return '应为数字';
  switch (kind) {
    case 'count':
      return Number.isInteger(value) && value >= 0 ? null : '应为不小于 0 的整数';
    case 'signed_count':
      return Number.isInteger(value) ? null : '应为整数（可为负数）';
    case 'amount':
      if (value < 0) return '金额不能为负数';
      return Math.abs(Math.round(value * 10_000) - value * 10_000) < 1e-6 ? null : '金额最多保留 4 位小数';
  }
}

/** One entered figure. */
export interface YearlyFigure {
  year: number;
  key: string;
  value: number;
  note: string | null;
}
