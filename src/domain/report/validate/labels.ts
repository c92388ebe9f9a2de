import type { CellRef } from '../cell.ts';
import { parseCellPath, TABLE_NUMBER } from '../cell.ts';
import type { ReportFormat } from '../format.ts';
import { activeBlocks } from '../table2.ts';
import { APPLICANT_COLUMN_LABEL, requestRowSpec } from '../table3.ts';
import { APPEAL_COLUMN_LABEL, APPEAL_GROUP_LABEL } from '../table4.ts';
import type { ApplicantColumn } from '../table3.ts';
import type { AppealColumn, AppealGroup } from '../table4.ts';

/** "表三 （四）1 本机关不掌握 · 自然人" — how a message names a cell for a civil servant. */
export function cellName(format: ReportFormat, ref: CellRef): string {
  return `表${TABLE_NUMBER[ref.table]}“${rowName(format, ref)}”行“${columnName(format, ref)}”列`;
}

export function rowName(format: ReportFormat, ref: Pick<CellRef, 'table' | 'row'>): string {
  switch (ref.table) {
    case 'requests':
      return requestRowSpec(format, ref.row)?.short ?? ref.row;
    case 'appeals':
      return APPEAL_GROUP_LABEL[ref.row as AppealGroup] ?? ref.row;
    case 'active':
      for (const block of activeBlocks(format)) {
        const row = block.rows.find((r) => r.key === ref.row);
        if (row) return row.label;
      }
      return ref.row;
  }
}

export function columnName(format: ReportFormat, ref: CellRef): string {
  switch (ref.table) {
    case 'requests':
      return APPLICANT_COLUMN_LABEL[ref.column as ApplicantColumn] ?? ref.column;
    case 'appeals':
      return APPEAL_COLUMN_LABEL[ref.column as AppealColumn] ?? ref.column;
    case 'active':
      for (const block of activeBlocks(format)) {
        if (!block.rows.some((r) => r.key === ref.row)) continue;
        const column = block.columns.find((c) => c.key === ref.column);
        if (column) return column.label;
      }
      return ref.column;
  }
}

export function cellNameOfPath(format: ReportFormat, path: string): string {
  const ref = parseCellPath(path);
  return ref ? cellName(format, ref) : path;
}

/** "A、B、C等 12 个单元格" — a list of names, shortened past six. */
export function listNames(names: string[], max = 6): string {
  if (names.length <= max) return names.join('、');
  return `${names.slice(0, max).join('、')}等 ${names.length} 个单元格`;
}
