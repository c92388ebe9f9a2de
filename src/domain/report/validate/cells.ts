import type { CellKind, CellRef, TableKey } from '../cell.ts';
import { cellPath, TABLE_NUMBER } from '../cell.ts';
import { readCellText } from '../cell-text.ts';
import type { Finding } from '../finding.ts';
import type { AnnualReport } from '../model.ts';
import { getCell, isMissing } from '../model.ts';
import { activeCells } from '../table2.ts';
import { APPLICANT_COLUMNS, requestRows } from '../table3.ts';
import { APPEAL_COLUMNS, APPEAL_GROUPS } from '../table4.ts';
import { cellName, cellNameOfPath, listNames } from './labels.ts';

interface CellSpec extends CellRef {
  kind: CellKind;
}

/** Every data cell of the report's format, in print order, with what it may hold. */
export function reportCells(report: AnnualReport): CellSpec[] {
  const cells: CellSpec[] = activeCells(report.format).map(({ row, column }) => ({
    table: 'active' as const,
    row: row.key,
    column: column.key,
    kind: column.kind,
  }));
  for (const row of requestRows(report.format))
    for (const column of APPLICANT_COLUMNS)
      cells.push({ table: 'requests', row: row.key, column, kind: 'count' });
  for (const group of APPEAL_GROUPS)
    for (const column of APPEAL_COLUMNS) cells.push({ table: 'appeals', row: group, column, kind: 'count' });
  return cells;
}

const MONEY_UNITS = new Set(['元', '万元', '亿元']);

/**
 * Cell-level rules: blank cells (counted as 0, but reported once per table), numbers that are not whole
 * where a count belongs, negative counts, and units or text printed inside numeric cells.
 */
export function checkCells(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  const blanks = new Map<TableKey, string[]>();
  const placeholders = new Map<TableKey, string[]>();
  const missing = new Map<TableKey, string[]>();
  const add = (m: Map<TableKey, string[]>, table: TableKey, path: string) =>
    (m.get(table) ?? m.set(table, []).get(table)!).push(path);
  for (const ref of reportCells(report)) {
    const value = getCell(report, ref.table, ref.row, ref.column);
    const path = cellPath(ref);
    const name = cellName(report.format, ref);
    const location = { table: ref.table, row: ref.row, column: ref.column };
    const text = report.cellText?.[path];
    if (value === null && isMissing(report, path)) {
      add(missing, ref.table, path);
      continue;
    }
    if (value === null) {
      const reading = text === undefined ? null : readCellText(text);
      if (reading?.placeholder) add(placeholders, ref.table, path);
      else if (reading?.unreadable)
        findings.push({
          code: 'cell.text',
          severity: 'error',
          location,
          actual: text,
          message: `${name}填写的是“${text}”，不是数字，已按空白处理。`,
        });
      else add(blanks, ref.table, path);
      continue;
    }
    if (ref.kind !== 'amount' && !Number.isInteger(value))
      findings.push({
        code: 'cell.non_integer',
        severity: 'error',
        location,
        actual: value,
        message: `${name}应为整数（件数、项数），却填写了 ${value}。`,
      });
    if (ref.kind !== 'signed_count' && value < 0)
      findings.push({
        code: 'cell.negative',
        severity: 'error',
        location,
        actual: value,
        message: `${name}不能为负数，却填写了 ${value}。`,
      });
    if (text !== undefined) {
      const reading = readCellText(text);
      if (reading.unit && MONEY_UNITS.has(reading.unit) && ref.kind !== 'amount')
        findings.push({
          code: 'cell.money_in_count',
          severity: 'error',
          location,
          actual: text,
          message: `${name}应填写数量，却填写了金额“${text}”（带单位“${reading.unit}”）。`,
        });
      else if (reading.unit && ref.kind !== 'amount')
        findings.push({
          code: 'cell.unit',
          severity: 'warning',
          location,
          actual: text,
          message: `${name}内含单位或文字“${text}”，表格中只应填写数字，已读作 ${value}。`,
        });
      else if (reading.worded)
        findings.push({
          code: 'cell.worded',
          severity: 'warning',
          location,
          actual: text,
          message: `${name}以文字填写“${text}”，应写作带符号的数字（如 ${value > 0 ? '+' : ''}${value}）。`,
        });
    }
  }
  for (const [table, paths] of missing)
    findings.push({
      code: 'cell.missing',
      severity: 'error',
      location: { table },
      actual: paths.length,
      cells: paths,
      message: `表${TABLE_NUMBER[table]}有 ${paths.length} 个单元格无法读取（${listNames(paths.map((p) => cellNameOfPath(report.format, p)))}），数值未知，不按 0 计算；涉及这些单元格的勾稽关系无法核对，请对照原件补填。`,
    });
  for (const [table, paths] of placeholders)
    findings.push({
      code: 'cell.placeholder',
      severity: 'warning',
      location: { table },
      actual: paths.length,
      cells: paths,
      message: `表${TABLE_NUMBER[table]}有 ${paths.length} 个单元格填写“/”或“—”等符号（${listNames(paths.map((p) => cellNameOfPath(report.format, p)))}），按空白处理，核对时按 0 计算；数量为零的单元格应填写“0”。`,
    });
  for (const [table, paths] of blanks)
    findings.push({
      code: 'cell.blank',
      severity: 'warning',
      location: { table },
      actual: paths.length,
      cells: paths,
      message: `表${TABLE_NUMBER[table]}有 ${paths.length} 个空白单元格，核对时按 0 计算；数量为零的单元格应填写“0”。`,
    });
  return findings;
}
