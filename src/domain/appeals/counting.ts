import type { Appeals } from '../report/model.ts';
import type { AppealColumn, AppealGroup } from '../report/table4.ts';
import { APPEAL_COLUMNS, APPEAL_GROUPS } from '../report/table4.ts';
import type { AppealCase, AppealResult } from './appeal-case.ts';

/**
 * Table 四 (政府信息公开行政复议、行政诉讼情况) of an agency-year from its case records. The counting rule (ours; the
 * formats do not define one):
 *
 *   A case is counted in year Y when it was filed (受理/立案) in Y, or filed before Y and not yet decided on
 *   1 January Y — a pending case is carried into every following year's count until the year it is decided.
 *   Its column is its result when it was decided by 31 December Y, else 尚未审结.
 *
 * So a case filed in 2024 and decided in 2025 is 尚未审结 in the 2024 table and 结果维持/纠正/其他 in the 2025 table.
 * Every case 尚未审结 in last year's table is counted again this year, which is the validator's cross-year rule
 * (`cross_year.pending`: this year's 总计 ≥ last year's 尚未审结, per group) holding by construction.
 */
export function countedResult(
  c: Pick<AppealCase, 'filedOn' | 'decidedOn' | 'result'>,
  year: number,
): AppealResult | null {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if (c.filedOn > last) return null;
  if (c.filedOn < first && c.decidedOn !== null && c.decidedOn < first) return null;
  return c.decidedOn !== null && c.decidedOn <= last && c.result !== null ? c.result : 'pending';
}

/** Cell key of table 四: "group.column", e.g. "reconsideration.pending". */
export const appealCellKey = (group: AppealGroup, column: AppealColumn) => `${group}.${column}`;

export interface AppealsTable {
  year: number;
  appeals: Appeals;
  /** the case ids behind each cell (drill-down), by cell key */
  cells: Record<string, number[]>;
}

/** Table 四 for a year: every cell a number (0 where nothing is counted), with the cases behind each. */
export function appealsTable(cases: readonly AppealCase[], year: number): AppealsTable {
  const appeals = {} as Appeals;
  const cells: Record<string, number[]> = {};
  for (const group of APPEAL_GROUPS) {
    appeals[group] = Object.fromEntries(APPEAL_COLUMNS.map((c) => [c, 0])) as Appeals[AppealGroup];
    for (const column of APPEAL_COLUMNS) cells[appealCellKey(group, column)] = [];
  }
  const sorted = [...cases].sort((a, b) =>
    a.filedOn < b.filedOn ? -1 : a.filedOn > b.filedOn ? 1 : a.id - b.id,
  );
  for (const c of sorted) {
    const result = countedResult(c, year);
    if (result === null) continue;
    const row = appeals[c.kind];
    row[result] = (row[result] ?? 0) + 1;
    row.total = (row.total ?? 0) + 1;
    cells[appealCellKey(c.kind, result)]!.push(c.id);
    cells[appealCellKey(c.kind, 'total')]!.push(c.id);
  }
  return { year, appeals, cells };
}
