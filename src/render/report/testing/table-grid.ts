import { DomUtils, parseDocument } from 'htmlparser2';

/**
 * Test support: reads the tables of a rendered HTML page or of word/document.xml back into grids of
 * cells with their positions and spans, so that tests can check merges independently of the renderer.
 */
type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

export interface GridCell {
  text: string;
  /** the element name: th / td in HTML, w:tc in DOCX */
  tag: string;
  attribs: Record<string, string>;
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

export interface Grid {
  cells: GridCell[];
  width: number;
  height: number;
  at(row: number, column: number): GridCell;
}

const elements = (parent: Element, name: string) =>
  parent.children.filter((c): c is Element => 'attribs' in c && (c as Element).name === name);

function build(rows: { cells: Omit<GridCell, 'row' | 'column'>[] }[]): Grid {
  const taken: (GridCell | undefined)[][] = rows.map(() => []);
  const cells: GridCell[] = [];
  rows.forEach(({ cells: rowCells }, r) => {
    let column = 0;
    for (const c of rowCells) {
      while (taken[r]![column]) column++;
      const cell = { ...c, row: r, column };
      for (let dr = 0; dr < cell.rowSpan; dr++)
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const line = taken[r + dr];
          if (!line) throw new Error(`第 ${r + 1} 行的单元格“${cell.text}”跨出表格`);
          if (line[column + dc]) throw new Error(`单元格重叠于第 ${r + dr + 1} 行第 ${column + dc + 1} 列`);
          line[column + dc] = cell;
        }
      cells.push(cell);
      column += cell.colSpan;
    }
  });
  const width = taken[0]?.length ?? 0;
  taken.forEach((line, r) => {
    if (line.length !== width || !line.every(Boolean)) throw new Error(`第 ${r + 1} 行宽度不齐或有空位`);
  });
  return { cells, width, height: rows.length, at: (r, c) => taken[r]![c]! };
}

/** The tables of an HTML document or fragment, in the HTML table model (rowspan / colspan). */
export function htmlGrids(html: string): Grid[] {
  return DomUtils.getElementsByTagName('table', parseDocument(html)).map((table) =>
    build(
      DomUtils.getElementsByTagName('tr', table).map((tr) => ({
        cells: tr.children
          .filter((c): c is Element => 'attribs' in c)
          .map((el) => ({
            text: DomUtils.textContent(el),
            tag: el.name,
            attribs: el.attribs,
            rowSpan: Number(el.attribs.rowspan ?? 1),
            colSpan: Number(el.attribs.colspan ?? 1),
          })),
      })),
    ),
  );
}

/**
 * The tables of word/document.xml: gridSpan gives the column span; a vMerge="restart" cell spans down over
 * the vMerge="continue" cells below it in the same column. Continuation cells are not listed.
 */
export function docxGrids(xml: string): Grid[] {
  const doc = parseDocument(xml, { xmlMode: true });
  return DomUtils.getElementsByTagName('w:tbl', doc).map((table) => {
    const raw = elements(table, 'w:tr').map((tr) => {
      let column = 0;
      return elements(tr, 'w:tc').map((tc) => {
        const props = DomUtils.findOne((e) => e.name === 'w:tcPr', [tc]);
        const span = props && DomUtils.findOne((e) => e.name === 'w:gridSpan', [props]);
        const merge = props && DomUtils.findOne((e) => e.name === 'w:vMerge', [props]);
        const colSpan = Number(span?.attribs['w:val'] ?? 1);
        const cell = { tc, column, colSpan, merge: merge ? (merge.attribs['w:val'] ?? 'continue') : null };
        column += colSpan;
        return cell;
      });
    });
    const rows = raw.map((cells, r) => ({
      cells: cells
        .filter((c) => c.merge !== 'continue')
        .map((c) => {
          let rowSpan = 1;
          if (c.merge === 'restart')
            while (
              raw[r + rowSpan]?.some(
                (b) => b.column === c.column && b.merge === 'continue' && b.colSpan === c.colSpan,
              )
            )
              rowSpan++;
          return { text: DomUtils.textContent(c.tc), tag: 'w:tc', attribs: {}, rowSpan, colSpan: c.colSpan };
        }),
    }));
    return build(rows);
  });
}

/** A grid's cells as comparable tuples: [row, column, rowSpan, colSpan, text]. */
export const spans = (grid: Grid) =>
  grid.cells.map((c) => [c.row, c.column, c.rowSpan, c.colSpan, c.text.trim()]);
