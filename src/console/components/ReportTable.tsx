import type { ReactNode } from 'react';
import type { CellRef } from '../../domain/report/cell.ts';
import type { DataCell, LabelCell, TableLayout } from '../../render/report/layout/index.ts';

const spans = (c: { colSpan: number; rowSpan: number }) => ({
  ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}),
  ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
});

function Label({ cell }: { cell: LabelCell }) {
  switch (cell.role) {
    case 'note':
      return (
        <td className="note" {...spans(cell)}>
          {cell.text}
        </td>
      );
    case 'block':
      return (
        <th className="block" scope="colgroup" {...spans(cell)}>
          {cell.text}
        </th>
      );
    case 'column':
      return (
        <th scope={cell.colSpan > 1 ? 'colgroup' : 'col'} {...spans(cell)}>
          {cell.text}
        </th>
      );
    case 'row':
      return (
        <th className="label" scope="row" {...spans(cell)}>
          {cell.text}
        </th>
      );
    case 'rowgroup':
      return (
        <th className="group" scope="row" {...spans(cell)}>
          {cell.text}
        </th>
      );
  }
}

/**
 * A report table in the official layout (src/render/report/layout — the same description the HTML, DOCX and
 * XLSX renderers use); each data cell is drawn by `renderCell` (a number, a drill-down button, an input …).
 */
export function ReportTable({
  layout,
  caption,
  renderCell,
  cellClass,
}: {
  layout: TableLayout;
  caption?: string;
  renderCell: (cell: DataCell) => ReactNode;
  cellClass?: (ref: CellRef) => string | undefined;
}) {
  return (
    <div className="report-table-wrap" role="region" aria-label={caption ?? layout.heading} tabIndex={0}>
      <table className={`report-table report-table-${layout.table}`}>
        {caption && <caption>{caption}</caption>}
        {layout.parts.map((part, p) => {
          const rows = part.rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((cell, c) =>
                cell.type === 'label' ? (
                  <Label key={c} cell={cell} />
                ) : (
                  <td key={c} {...spans(cell)} className={cellClass?.(cell.ref)} data-cell={cell.path}>
                    {renderCell(cell)}
                  </td>
                ),
              )}
            </tr>
          ));
          return part.header ? <thead key={p}>{rows}</thead> : <tbody key={p}>{rows}</tbody>;
        })}
      </table>
    </div>
  );
}
