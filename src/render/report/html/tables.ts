import type { AnnualReport, Finding, ReportFormat } from '../../../domain/report/index.ts';
import { cellName } from '../../../domain/report/index.ts';
import type { CellMarks } from '../findings.ts';
import { cellMarks } from '../findings.ts';
import { cellText, cellValue, reportLayouts } from '../layout/index.ts';
import type { DataCell, LabelCell, TableLayout } from '../layout/index.ts';
import { escapeHtml } from './escape.ts';

/**
 * HTML of the report tables by plain string building. Everything that does not depend on the report — the
 * markup of the layout and its labels — is built once per format; rendering a report only fills the data
 * cells in, which keeps validation + rendering of thousands of reports cheap.
 */
interface DataSlot {
  cell: DataCell;
  /** "<td" with its spans and data-cell attributes, without the closing ">" */
  open: string;
}
type Compiled = readonly (string | DataSlot)[];

const spans = (cell: { colSpan: number; rowSpan: number }) =>
  (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '') +
  (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '');

function labelHtml(cell: LabelCell): string {
  const text = escapeHtml(cell.text);
  switch (cell.role) {
    case 'note':
      return `<td class="note"${spans(cell)}>${text}</td>`;
    case 'block':
      return `<th class="block" scope="colgroup"${spans(cell)}>${text}</th>`;
    case 'column':
      return `<th scope="${cell.colSpan > 1 ? 'colgroup' : 'col'}"${spans(cell)}>${text}</th>`;
    case 'row':
      return `<th class="label" scope="row"${spans(cell)}>${text}</th>`;
    case 'rowgroup':
      return `<th class="group" scope="row"${spans(cell)}>${text}</th>`;
  }
}

function compile(layout: TableLayout): Compiled {
  const out: (string | DataSlot)[] = [];
  let html = `<colgroup>${'<col>'.repeat(layout.columns)}</colgroup>\n`;
  for (const part of layout.parts) {
    html += part.header ? '<thead>\n' : '<tbody>\n';
    for (const row of part.rows) {
      html += '<tr>';
      for (const cell of row)
        if (cell.type === 'label') html += labelHtml(cell);
        else {
          out.push(html, { cell, open: `<td${spans(cell)} data-cell="${escapeHtml(cell.path)}"` });
          html = '';
        }
      html += '</tr>\n';
    }
    html += part.header ? '</thead>' : '</tbody>';
  }
  out.push(html);
  return out;
}

const compiled = new Map<ReportFormat, readonly Compiled[]>();
function compiledTables(format: ReportFormat): readonly Compiled[] {
  let tables = compiled.get(format);
  if (!tables) compiled.set(format, (tables = reportLayouts(format).map(compile)));
  return tables;
}

/**
 * The inside of one table (colgroup, thead, tbody) for a report. Every data cell carries its path
 * (data-cell="requests.total.natural") for pages that point at cells; cells named by findings are marked.
 */
export function tableBodyHtml(
  report: AnnualReport,
  index: number,
  marks?: CellMarks,
  editable = false,
): string {
  let html = '';
  for (const piece of compiledTables(report.format)[index]!) {
    if (typeof piece === 'string') {
      html += piece;
      continue;
    }
    let text = cellText(cellValue(report, piece.cell.ref));
    if (editable) {
      const printed = report.cellText?.[piece.cell.path];
      const value = printed === undefined ? text : escapeHtml(printed);
      text = `<input class="cell-input" name="cell:${escapeHtml(piece.cell.path)}" value="${value}" aria-label="${escapeHtml(cellName(report.format, piece.cell.ref))}">`;
    }
    const mark = marks?.get(piece.cell.path);
    html += mark
      ? `${piece.open} class="finding-${mark.severity}" title="${escapeHtml(mark.messages.join('\n'))}">${text}</td>`
      : `${piece.open}>${text}</td>`;
  }
  return html;
}

export function tableClass(layout: TableLayout): string {
  return `report-table report-table-${layout.table}`;
}

/**
 * The three tables as an HTML fragment for embedding in a page: each in a scrollable region, captioned with
 * its section heading; cells that findings name are marked. Style it with `REPORT_TABLE_CSS`.
 */
export function renderReportTablesHtml(
  report: AnnualReport,
  options: { findings?: readonly Finding[]; editable?: boolean } = {},
): string {
  const marks = options.findings ? cellMarks(options.findings) : undefined;
  return reportLayouts(report.format)
    .map((layout, i) => {
      const heading = escapeHtml(layout.heading);
      return (
        `<div class="table-wrap" role="region" aria-label="${heading}" tabindex="0">` +
        `<table class="${tableClass(layout)}"><caption>${heading}</caption>` +
        `${tableBodyHtml(report, i, marks, options.editable)}</table></div>`
      );
    })
    .join('\n');
}
