import type { ReactNode } from 'react';
import type { CellRef } from '../../domain/report/cell.ts';
import type { DataCell, TableLayout } from '../../render/report/layout/index.ts';
import { spans } from './report-spans.ts';
import { ReportTableLabel } from './ReportTableLabel.tsx';

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
                  <ReportTableLabel key={c} cell={cell} />
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
