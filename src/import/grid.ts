import type { DocCell, DocRow } from './types.ts';

/**
 * A table laid out as a grid: HTML rowspan/colspan and Word gridSpan/vMerge expanded so that every cell has
 * its grid column. A merged cell is kept once, in the row and column where it starts; the positions it covers
 * are not repeated (repeating a number would count it twice), so each grid row yields the cells that start in
 * it, left to right.
 */
export interface SourceCell extends DocCell {
  colspan: number;
  rowspan: number;
  /** a Word cell continuing a vertical merge from the row above: a covered position, not a cell */
  continues?: boolean;
}

export interface GridCell extends DocCell {
  row: number;
  column: number;
}

export function layoutGrid(rows: readonly (readonly SourceCell[])[]): GridCell[][] {
  const covered: boolean[][] = [];
  const isCovered = (r: number, c: number) => covered[r]?.[c] === true;
  const cover = (r: number, c: number) => ((covered[r] ??= [])[c] = true);
  const out: GridCell[][] = [];
  rows.forEach((cells, r) => {
    const line: GridCell[] = [];
    let c = 0;
    for (const cell of cells) {
      while (isCovered(r, c)) c++;
      const colspan = Math.max(1, Math.min(cell.colspan, 1000));
      const rowspan = Math.max(1, Math.min(cell.rowspan, 1000));
      if (!cell.continues) line.push({ text: cell.text, source: cell.source, row: r, column: c });
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) cover(r + dr, c + dc);
      c += colspan;
    }
    out.push(line);
  });
  return out;
}

export function gridRows(
  rows: readonly (readonly SourceCell[])[],
  rowSources: readonly DocRow['source'][],
): DocRow[] {
  return layoutGrid(rows).map((cells, i) => ({
    cells: cells.map(({ text, source }) => ({ text, source })),
    prose: false,
    source: rowSources[i] ?? {},
  }));
}
