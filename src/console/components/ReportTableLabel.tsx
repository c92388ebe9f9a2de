import type { LabelCell } from '../../render/report/layout/index.ts';
import { spans } from './report-spans.ts';

/** A label cell of a report table: the note, a block header, a column header, a row label or a row group. */
export function ReportTableLabel({ cell }: { cell: LabelCell }) {
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
