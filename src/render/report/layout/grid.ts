import type { LayoutCell, TableLayout } from './types.ts';

/**
 * One position of a grid row, left to right: either the cell that starts there, or the continuation of a
 * cell that started in a row above (a vertical merge), with that cell's column span.
 */
export interface Slot {
  cell: LayoutCell;
  /** 0-based grid column */
  column: number;
  /** true where the cell starts; false where it continues a cell from above */
  origin: boolean;
  /** 0-based grid row where the cell starts */
  originRow: number;
}

export interface GridRow {
  header: boolean;
  slots: Slot[];
}

/**
 * Places the cells of a layout on the grid, as an HTML table places them: each cell takes the first free
 * column of its row, and a row span reserves the columns below it. Throws when the layout does not fill a
 * rectangle exactly — layouts are fixed data, so that is a programming error, caught by the tests.
 */
export function placeCells(layout: TableLayout): GridRow[] {
  const rows = layout.parts.flatMap((part) => part.rows.map((cells) => ({ header: part.header, cells })));
  const grid: (Slot | undefined)[][] = rows.map(() => Array<Slot | undefined>(layout.columns));
  rows.forEach(({ cells }, r) => {
    let column = 0;
    for (const cell of cells) {
      while (grid[r]![column]) column++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        const target = grid[r + dr];
        if (!target || column + cell.colSpan > layout.columns)
          throw new Error(`表格布局越界：${layout.table} 第 ${r + 1} 行第 ${column + 1} 列`);
        for (let dc = 0; dc < cell.colSpan; dc++) {
          if (target[column + dc]) throw new Error(`表格布局重叠：${layout.table} 第 ${r + dr + 1} 行`);
          target[column + dc] = { cell, column, origin: dr === 0, originRow: r };
        }
      }
      column += cell.colSpan;
    }
  });
  return rows.map(({ header }, r) => {
    const slots: Slot[] = [];
    for (let c = 0; c < layout.columns;) {
      const slot = grid[r]![c];
      if (!slot) throw new Error(`表格布局有空位：${layout.table} 第 ${r + 1} 行第 ${c + 1} 列`);
      slots.push(slot);
      c += slot.cell.colSpan;
    }
    return { header, slots };
  });
}
