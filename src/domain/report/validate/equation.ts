import type { CellRef } from '../cell.ts';
import { cellPath } from '../cell.ts';
import type { Finding, FindingLocation } from '../finding.ts';
import type { AnnualReport } from '../model.ts';
import { getCell } from '../model.ts';

/** An identity between cells: Σ left = Σ right, with blanks counted as 0. */
export interface Equation {
  left: CellRef[];
  right: CellRef[];
}

export interface EquationResult {
  holds: boolean;
  left: number;
  right: number;
  /** the blank cells among the cells of the equation */
  blanks: string[];
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function evaluate(report: AnnualReport, eq: Equation): EquationResult {
  const blanks: string[] = [];
  const sum = (refs: CellRef[]) =>
    refs.reduce((acc, ref) => {
      const v = getCell(report, ref.table, ref.row, ref.column);
      if (v === null) blanks.push(cellPath(ref));
      return acc + (v ?? 0);
    }, 0);
  const left = round(sum(eq.left));
  const right = round(sum(eq.right));
  return { holds: left === right, left, right, blanks };
}

/**
 * A finding for a failed identity. When blank cells are involved the table is incomplete rather than wrong
 * in its arithmetic, and the finding says so (code suffix `.incomplete`) and names the blank cells.
 */
export function identityFinding(
  code: string,
  location: FindingLocation,
  result: EquationResult,
  describe: (r: EquationResult) => string,
  blankNames: (paths: string[]) => string,
): Finding {
  const incomplete = result.blanks.length > 0;
  const base = describe(result);
  return {
    code: incomplete ? `${code}.incomplete` : code,
    severity: 'error',
    location,
    expected: result.left,
    actual: result.right,
    message: incomplete
      ? `${base}。其中${blankNames(result.blanks)}为空白（按 0 计），表格不完整，请补填。`
      : `${base}。`,
    ...(incomplete ? { cells: result.blanks } : {}),
  };
}
