import type { AnnualReport, CellSource, TableKey } from '../domain/report/index.ts';
import { cellPath, isPlainNumberText, markMissing, setCell } from '../domain/report/index.ts';
import type { SlotState } from './fit.ts';

/**
 * Writing a fitted cell into the report being built: its value, where it was read (`sources`) and, when the
 * printed text was not a plain number (a unit, a placeholder, words), that text (`cellText`).
 */
export interface Placed {
  path: string;
  state: SlotState['state'];
}

function record(report: AnnualReport, path: string, source: CellSource): void {
  report.sources ??= {};
  report.sources[path] = source;
}

function printed(report: AnnualReport, path: string, text: string): void {
  report.cellText ??= {};
  report.cellText[path] = text;
}

export function placeCell(
  report: AnnualReport,
  table: TableKey,
  row: string,
  column: string,
  slot: SlotState,
): Placed {
  const path = cellPath({ table, row, column });
  switch (slot.state) {
    case 'read': {
      const { value, text, source } = slot.token;
      setCell(report, table, row, column, value);
      record(report, path, source);
      if (value !== null && !isPlainNumberText(text, value)) printed(report, path, text);
      break;
    }
    case 'blank':
      setCell(report, table, row, column, null);
      record(report, path, slot.token.source);
      if (slot.token.text !== '') printed(report, path, slot.token.text);
      break;
    case 'derived':
      setCell(report, table, row, column, slot.value);
      if (slot.token) record(report, path, slot.token.source);
      break;
    case 'unknown':
      // not read: unknown, never a blank counted as 0
      setCell(report, table, row, column, null);
      markMissing(report, [path]);
      break;
  }
  return { path, state: slot.state };
}
