import type { ReportFormat, RequestGroup } from '../domain/report/index.ts';
import { APPLICANT_PARTS } from '../domain/report/index.ts';
import type { Fit, Token } from './fit.ts';
import { fitRow, sumIdentity } from './fit.ts';
import type { LabelMatch } from './labels.ts';
import { matchLabel } from './labels.ts';
import { trimAll } from './normalise.ts';
import { dataTokens, hasDataValue, splitRow } from './row-cells.ts';
import type { CellSource } from '../domain/report/index.ts';
import type { DocRow } from './types.ts';

/**
 * Reading the printed rows of table 三: each row's label (which statutory row or group heading it names, if
 * any) and its seven values, fitted into the seven columns (see fit.ts). Header rows and label fragments
 * without values are set aside; a label printed on its own line just before its values (a label broken over
 * lines in PDF text) is joined to them.
 */

export const WIDTH = 7;
/** 自然人 + the five 法人或其他组织 columns = 总计 (identity 3). */
export const ROW_IDENTITY = sumIdentity(
  APPLICANT_PARTS.map((_, i) => i),
  WIDTH - 1,
);

export interface PrintedRow {
  /** the statutory row the label names */
  key: string | null;
  /** the group heading printed in the row, when the row has no label of its own */
  group: RequestGroup | null;
  /** the label as printed, for messages */
  label: string;
  /** a label matched loosely (a typo): the statutory label it was read as */
  fuzzy: LabelMatch | null;
  tokens: Token[];
  aligned: boolean;
  fit: Fit;
  source: CellSource;
  /** the document stops in this row: the values printed are its first cells */
  cut?: boolean;
}

interface Scanned {
  key: string | null;
  group: RequestGroup | null;
  label: string;
  fuzzy: LabelMatch | null;
  header: boolean;
  prose: boolean;
  data: DocRow['cells'];
  loose: boolean;
  hasValues: boolean;
  source: CellSource;
}

function scan(row: DocRow, format: ReportFormat): Scanned {
  const { labels, data } = row.prose ? { labels: row.cells, data: [] } : splitRow(row);
  const hasValues = hasDataValue(data);
  const found: {
    key: string | null;
    group: RequestGroup | null;
    header: boolean;
    fuzzy: LabelMatch | null;
    score: number;
  } = { key: null, group: null, header: false, fuzzy: null, score: 0 };
  const consider = (text: string) => {
    const m = matchLabel(text, format, hasValues || data.length > 0);
    if (!m) return;
    switch (m.target.kind) {
      case 'row':
        if (m.score >= found.score) {
          found.key = m.target.key;
          found.score = m.score;
          found.fuzzy = m.score < 1 ? m : null;
        }
        break;
      case 'group':
        found.group = m.target.group;
        break;
      case 'header':
        found.header = true;
        break;
      case 'results':
        break;
    }
  };
  for (const cell of labels) {
    consider(cell.text);
    // “（三）不予公开 1.属于国家秘密” in one cell: the group heading and the item label
    const parts = cell.text.trim().split(/[\s\u00a0\u3000]+/);
    if (parts.length > 1 && parts.length <= 4) for (const part of parts) consider(part);
  }
  if (found.key === null && labels.length > 1) consider(labels.map((c) => c.text).join(''));
  return {
    key: found.key,
    group: found.group,
    label: labels.map((c) => trimAll(c.text)).join(' '),
    fuzzy: found.fuzzy,
    header: found.header && !hasValues,
    prose: row.prose,
    data,
    loose: row.loose === true,
    hasValues,
    source: row.source,
  };
}

export function printedRows(rows: readonly DocRow[], format: ReportFormat): PrintedRow[] {
  const scanned = rows
    .filter((r) => !r.prose || trimAll(r.cells[0]?.text ?? '').length <= 40)
    .map((r) => scan(r, format))
    .filter((s) => !s.header);
  const out: PrintedRow[] = [];
  for (let i = 0; i < scanned.length; i++) {
    const s = scanned[i]!;
    const isData = s.hasValues || (s.key !== null && s.data.length > 0);
    if (!isData) {
      // a label on a line of its own, its values on the next line (PDF text)
      const next = scanned[i + 1];
      if (s.key !== null && next && next.hasValues && next.key === null) {
        next.key = s.key;
        next.fuzzy = s.fuzzy;
        next.label = `${s.label} ${next.label}`.trim();
      } else if (s.key !== null && !s.prose) {
        // a statutory row printed without any cell
        out.push(makeRow(s, []));
      }
      continue;
    }
    out.push(makeRow(s, s.data));
  }
  return out;
}

function makeRow(s: Scanned, data: DocRow['cells']): PrintedRow {
  const { tokens, aligned } = dataTokens(data, WIDTH, s.loose);
  return {
    key: s.key,
    group: s.group,
    label: s.label,
    fuzzy: s.fuzzy,
    tokens,
    aligned: aligned && data.length > 0,
    fit: fitRow(tokens, WIDTH, [ROW_IDENTITY], s.loose === true),
    source: s.source,
  };
}
