import type { AnnualReport, Finding, TableKey } from '../domain/report/index.ts';
import { markMissing, TABLE_NUMBER, tableOf } from '../domain/report/index.ts';
import { trimAll } from './normalise.ts';
import type { DocRow } from './types.ts';

/**
 * A table that is there but cannot be read is not a blank table: every one of its cells is marked missing
 * (unknown, never counted as 0), and the finding says where it is and why it could not be read
 * ("表三无法读取：…"). A table not found at all is missing in the same way.
 */

export const TABLE_TITLE: Record<TableKey, string> = {
  active: '主动公开政府信息情况',
  requests: '收到和处理政府信息公开申请情况',
  appeals: '政府信息公开行政复议、行政诉讼情况',
};

/** Mark every cell of a table missing. */
export function markTableMissing(report: AnnualReport, table: TableKey): void {
  const paths: string[] = [];
  for (const [row, cols] of Object.entries(tableOf(report, table)))
    for (const column of Object.keys(cols)) {
      cols[column] = null;
      paths.push(`${table}.${row}.${column}`);
    }
  markMissing(report, paths);
}

const where = (row: DocRow | undefined) => {
  const line = row?.source.line ?? row?.cells[0]?.source.line;
  if (line !== undefined) return `第 ${line} 行`;
  const element = row?.source.element ?? row?.cells[0]?.source.element;
  return element ? `“${element}”处` : '';
};

/** The printed text of a region, for a short quotation in the message. */
function quote(rows: readonly DocRow[]): string {
  const text = rows
    .flatMap((r) => r.cells.map((c) => trimAll(c.text)))
    .filter((t) => t !== '')
    .join(' ');
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * The finding for a table whose region was found (its heading or its labels) but none of whose rows could be
 * read; the table's cells are marked missing.
 */
export function unreadableTable(
  report: AnnualReport,
  table: TableKey,
  region: readonly DocRow[],
  reason: string,
): Finding {
  markTableMissing(report, table);
  const at = where(region[0]);
  const q = quote(region.slice(1, 6));
  return {
    code: `import.${table}.unreadable`,
    severity: 'error',
    location: { table },
    message: `表${TABLE_NUMBER[table]}无法读取：${at ? `${at}起是表${TABLE_NUMBER[table]}（${TABLE_TITLE[table]}），但` : ''}${reason}${q ? `（原文：“${q}”）` : ''}。表${TABLE_NUMBER[table]}的单元格按缺失处理，不按 0 计算，请对照原件补填。`,
  };
}

/**
 * Does a table's region print anything a table could be read from — a table row, or a line of digits (cells
 * run together, a table flattened into text)? A region of prose without numbers has no table.
 */
export function printsSomething(rows: readonly DocRow[]): boolean {
  return rows.some(
    (r) =>
      (!r.prose && r.cells.some((c) => trimAll(c.text) !== '')) ||
      (r.prose && /(?:^|\s)\d+(?:[ \t\u3000]+\d+){2,}(?:\s|$)/.test(r.cells[0]?.text ?? '')),
  );
}

/**
 * A table printed as a picture in its region (an <img> between its heading and the next): the finding that
 * it cannot be read, its cells marked missing; null when the region has no picture.
 */
export function pictureTable(
  report: AnnualReport,
  table: TableKey,
  region: readonly DocRow[],
): Finding | null {
  const picture = region.find((r) => r.image !== undefined);
  if (!picture) return null;
  return unreadableTable(report, table, region, `该表以图片（${picture.image}）印出，图片中的数字无法读取`);
}
