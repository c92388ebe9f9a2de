import type { AnnualReport, CellSource, TableKey } from '../domain/report/index.ts';
import { cellPath, isPlainNumberText, setCell } from '../domain/report/index.ts';
import type { SlotState } from './fit.ts';

/**
 * Writing a fitted cell into the report being built: its value, where it was read (`sources`) and, when the
 * printed text was not a plain number (a unit, a placeholder, words), that text (`cellText`).
 */
export interface Placed {
  path: string;
  state: SlotState['state'];
}

export function placeCell(report: AnnualReport, table: TableKey, row: string, column: string, slot: SlotState): Placed {
  const path = cellPath({ table, row, column });
  const record = (source: CellSource) => {
    report.sources ??= {};
    report.sources[path] = { ...source };
  };
  const text = (t: string) => {
    report.cellText ??= {};
    report.cellText[path] = t;
  };
  switch (slot.state) {
    case 'read': {
      const { value, text: printed, source } = slot.token;
      setCell(report, table, row, column, value);
      record(source);
      if (value !== null && !isPlainNumberText(printed, value)) text(printed);
      break;
    }
    case 'blank':
      setCell(report, table, row, column, null);
      record(slot.token.source);
      if (slot.token.text !== '') text(slot.token.text);
      break;
    case 'derived':
      setCell(report, table, row, column, slot.value);
      if (slot.token) record(slot.token.source);
      break;
    case 'unknown':
      setCell(report, table, row, column, null);
      break;
  }
  return { path, state: slot.state };
}
