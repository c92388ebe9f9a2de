/** A table cell: a number, or null for a blank cell (a printed 0 is 0, never null). */
export type Cell = number | null;

/** What a numeric cell may hold. */
export type CellKind =
  /** a count of items or cases: a whole number ≥ 0 */
  | 'count'
  /** a signed change of a count (本年增/减): a whole number, may be negative */
  | 'signed_count'
  /** a money amount (万元 or 元): a number ≥ 0, decimals allowed */
  | 'amount';

/** The three tables of the report, by interchange key. */
export type TableKey = 'active' | 'requests' | 'appeals';

/** The statutory number of each table, as the report prints it. */
export const TABLE_NUMBER: Record<TableKey, string> = { active: '二', requests: '三', appeals: '四' };

/** The address of one cell: table, row key, column key. */
export interface CellRef {
  table: TableKey;
  row: string;
  column: string;
}

/** "requests.total.natural" — the stable string form used for cell texts and sources. */
export function cellPath(ref: CellRef): string {
  return `${ref.table}.${ref.row}.${ref.column}`;
}

export function parseCellPath(path: string): CellRef | null {
  const [table, row, column, ...rest] = path.split('.');
  if (rest.length > 0 || !row || !column) return null;
  if (table !== 'active' && table !== 'requests' && table !== 'appeals') return null;
  return { table, row, column };
}
