import type { ReportFormat, RequestRowSpec } from '../../../domain/report/index.ts';
import {
  APPLICANT_COLUMN_LABEL,
  APPLICANT_COLUMNS,
  APPLICANT_HEADER,
  BALANCE_NOTE,
  cellPath,
  GROUP_HEADING,
  ORGANISATION_COLUMNS,
  ORGANISATION_HEADER,
  requestRows,
  RESULTS_HEADING,
  SECTION_HEADINGS,
} from '../../../domain/report/index.ts';
import type { LayoutCell, TableLayout } from './types.ts';
import { label } from './types.ts';

/** Three label columns: 一、/三、 headings; （三）不予公开 … group headings; numbered sub-items. */
const LABEL_COLUMNS = 3;

function dataCells(row: RequestRowSpec): LayoutCell[] {
  return APPLICANT_COLUMNS.map((column) => {
    const ref = { table: 'requests' as const, row: row.key, column };
    return { type: 'data', ref, path: cellPath(ref), kind: 'count', colSpan: 1, rowSpan: 1 };
  });
}

/**
 * Table 三 (STATUTE.md §1.2): a three-row header (the 勾稽关系 note over the label columns; 申请人情况 over
 * 自然人 | 法人或其他组织 (five columns) | 总计), then the rows. 三、本年度办理结果 spans every row from （一） to
 * （七）总计 in the first label column; each group heading spans its numbered sub-items in the second; rows
 * without sub-items span the second and third; 一、 二、 四、 span all three.
 */
export function requestsLayout(format: ReportFormat): TableLayout {
  const specs = requestRows(format);
  const first = specs.findIndex((r) => r.result);
  const last = specs.findIndex((r) => r.key === 'total');
  const header: LayoutCell[][] = [
    [
      label('note', BALANCE_NOTE, LABEL_COLUMNS, 3),
      label('column', APPLICANT_HEADER, APPLICANT_COLUMNS.length),
    ],
    [
      label('column', APPLICANT_COLUMN_LABEL.natural, 1, 2),
      label('column', ORGANISATION_HEADER, ORGANISATION_COLUMNS.length),
      label('column', APPLICANT_COLUMN_LABEL.total, 1, 2),
    ],
    ORGANISATION_COLUMNS.map((c) => label('column', APPLICANT_COLUMN_LABEL[c])),
  ];
  const body = specs.map((row, i): LayoutCell[] => {
    if (i < first || i > last) return [label('row', row.label, LABEL_COLUMNS), ...dataCells(row)];
    const labels: LayoutCell[] = [];
    if (i === first) labels.push(label('rowgroup', RESULTS_HEADING, 1, last - first + 1));
    if (!row.group) labels.push(label('row', row.label, 2));
    else {
      if (specs[i - 1]?.group !== row.group) {
        const size = specs.filter((r) => r.group === row.group).length;
        labels.push(label('rowgroup', GROUP_HEADING[row.group], 1, size));
      }
      labels.push(label('row', row.label));
    }
    return [...labels, ...dataCells(row)];
  });
  return {
    table: 'requests',
    heading: SECTION_HEADINGS[2],
    columns: LABEL_COLUMNS + APPLICANT_COLUMNS.length,
    labelColumns: LABEL_COLUMNS,
    widths: [10, 17, 42, ...Array<number>(APPLICANT_COLUMNS.length).fill(12)],
    parts: [
      { header: true, rows: header },
      { header: false, rows: body },
    ],
  };
}
