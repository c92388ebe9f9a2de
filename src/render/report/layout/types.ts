import type { CellKind, CellRef, TableKey } from '../../../domain/report/index.ts';

/**
 * The printed layout of a report table as the official format lays it out: rows of cells with column and row
 * spans, in the HTML table model (a row lists only the cells that start in it). HTML, DOCX and XLSX all
 * render from this one description, so the three agree on every merge.
 */
export interface Span {
  colSpan: number;
  rowSpan: number;
}

/**
 * What a label cell is, for styling and accessibility:
 * - `note`: the 勾稽关系 note in the top-left corner of table 三;
 * - `block`: a block header of table 二 spanning the width (第二十条第（一）项);
 * - `column`: a column header;
 * - `row`: a row label;
 * - `rowgroup`: a label spanning several rows (三、本年度办理结果, （三）不予公开 …).
 */
export type LabelRole = 'note' | 'block' | 'column' | 'row' | 'rowgroup';

export interface LabelCell extends Span {
  type: 'label';
  role: LabelRole;
  text: string;
}

export interface DataCell extends Span {
  type: 'data';
  ref: CellRef;
  /** the cell path, e.g. "requests.total.natural" */
  path: string;
  kind: CellKind;
}

export type LayoutCell = LabelCell | DataCell;

/** A run of rows: header rows repeat on every printed page; table 二 has one body part per block. */
export interface LayoutPart {
  header: boolean;
  rows: LayoutCell[][];
}

export interface TableLayout {
  table: TableKey;
  /** the section heading the table belongs to, e.g. 三、收到和处理政府信息公开申请情况 */
  heading: string;
  /** the number of grid columns */
  columns: number;
  /** how many leading columns hold labels */
  labelColumns: number;
  /** relative column widths (one per grid column), for DOCX and XLSX */
  widths: readonly number[];
  parts: LayoutPart[];
}

export const label = (role: LabelRole, text: string, colSpan = 1, rowSpan = 1): LabelCell => ({
  type: 'label',
  role,
  text,
  colSpan,
  rowSpan,
});
