import type { CellRef } from '../cell.ts';
import { cellPath } from '../cell.ts';
import type { Finding, FindingLocation } from '../finding.ts';
import type { AnnualReport } from '../model.ts';
import { getCell, isMissing } from '../model.ts';

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
  /**
   * the missing (unknown, unreadable) cells: the identity cannot be checked, so it is not reported as failed
   * here (`holds` is true, `unchecked` names them); checkCells reports the missing cells as an error.
   */
  unchecked: string[];
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function evaluate(report: AnnualReport, eq: Equation): EquationResult {
  const blanks: string[] = [];
  const unchecked: string[] = [];
  const sum = (refs: CellRef[]) =>
    refs.reduce((acc, ref) => {
      const v = getCell(report, ref.table, ref.row, ref.column);
      const path = cellPath(ref);
      if (isMissing(report, path)) unchecked.push(path);
      else if (v === null) blanks.push(path);
      return acc + (v ?? 0);
    }, 0);
  const left = round(sum(eq.left));
  const right = round(sum(eq.right));
  return { holds: unchecked.length > 0 || left === right, left, right, blanks, unchecked };
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
