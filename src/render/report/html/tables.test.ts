import { describe, expect, it } from 'vitest';
import type { AnnualReport, ReportFormat } from '../../../domain/report/index.ts';
import {
  APPLICANT_COLUMNS,
  BALANCE_NOTE,
  emptyReport,
  requestRows,
  RESULTS_HEADING,
  setCell,
} from '../../../domain/report/index.ts';
import { consistentReport } from '../../../../test/support/report-arbitrary.ts';
import type { Grid, GridCell } from '../testing/table-grid.ts';
import { htmlGrids } from '../testing/table-grid.ts';
import { renderReportTablesHtml } from './tables.ts';

function tables(report: AnnualReport): Grid[] {
  return htmlGrids(renderReportTablesHtml(report));
}

const find = (cells: GridCell[], text: string) => {
  const found = cells.filter((c) => c.text === text);
  expect(found, `“${text}”应恰好出现一次`).toHaveLength(1);
  return found[0]!;
};
const span = (c: GridCell) => ({ row: c.row, column: c.column, rowSpan: c.rowSpan, colSpan: c.colSpan });

/** The official layout of table 三, written out by hand: results rowspan and the group rowspans. */
const EXPECTED_GROUPS: Record<ReportFormat, { results: number; groups: [string, number][] }> = {
  '2019': {
    results: 20,
    groups: [
      ['（三）不予公开', 8],
      ['（四）无法提供', 3],
      ['（五）不予处理', 5],
    ],
  },
  '2021': {
    results: 22,
    groups: [
      ['（三）不予公开', 8],
      ['（四）无法提供', 3],
      ['（五）不予处理', 5],
      ['（六）其他处理', 3],
    ],
  },
};

describe('table 三 in HTML: the official three-row header and rowspans', () => {
  for (const format of ['2019', '2021'] as const)
    it(`${format} format`, () => {
      let n = 0;
      const report = consistentReport(format, () => n++ % 37);
      const { cells, at, width } = tables(report)[1]!;
      expect(width).toBe(10);
      expect(span(find(cells, BALANCE_NOTE))).toEqual({ row: 0, column: 0, rowSpan: 3, colSpan: 3 });
      expect(span(find(cells, '申请人情况'))).toEqual({ row: 0, column: 3, rowSpan: 1, colSpan: 7 });
      expect(span(find(cells, '自然人'))).toEqual({ row: 1, column: 3, rowSpan: 2, colSpan: 1 });
      expect(span(find(cells, '法人或其他组织'))).toEqual({ row: 1, column: 4, rowSpan: 1, colSpan: 5 });
      expect(span(find(cells, '总计'))).toEqual({ row: 1, column: 9, rowSpan: 2, colSpan: 1 });
      expect([4, 5, 6, 7, 8].map((c) => at(2, c).text)).toEqual([
        '商业企业',
        '科研机构',
        '社会公益组织',
        '法律服务机构',
        '其他',
      ]);

      const expected = EXPECTED_GROUPS[format];
      expect(span(find(cells, RESULTS_HEADING))).toEqual({
        row: 5,
        column: 0,
        rowSpan: expected.results,
        colSpan: 1,
      });
      for (const [heading, size] of expected.groups)
        expect(find(cells, heading)).toMatchObject({ column: 1, rowSpan: size, colSpan: 1 });
      for (const text of ['（一）予以公开', '（七）总计', ...(format === '2019' ? ['（六）其他处理'] : [])])
        expect(find(cells, text)).toMatchObject({ column: 1, rowSpan: 1, colSpan: 2 });
      expect(find(cells, '1.属于国家秘密')).toMatchObject({ column: 2, rowSpan: 1, colSpan: 1 });
      for (const text of [
        '一、本年新收政府信息公开申请数量',
        '二、上年结转政府信息公开申请数量',
        '四、结转下年度继续办理',
      ])
        expect(find(cells, text)).toMatchObject({ column: 0, rowSpan: 1, colSpan: 3 });

      // every statutory row: seven data cells in column order, holding the report's numbers
      requestRows(format).forEach((row, i) => {
        const r = 3 + i;
        const data = APPLICANT_COLUMNS.map((_, c) => at(r, 3 + c));
        expect(data.map((d) => d.tag)).toEqual(Array(7).fill('td'));
        expect(data.map((d) => d.attribs['data-cell'])).toEqual(
          APPLICANT_COLUMNS.map((c) => `requests.${row.key}.${c}`),
        );
        const values = report.requests as unknown as Record<string, Record<string, number>>;
        expect(data.map((d) => d.text)).toEqual(APPLICANT_COLUMNS.map((c) => String(values[row.key]![c])));
      });
    });
});

describe('tables 二 and 四 in HTML', () => {
  it('table 二: each block header spans the width; blank prints empty, 0 prints 0', () => {
    const report = emptyReport('2021', 5);
    setCell(report, 'active', 'penalty', 'decisions', null);
    setCell(report, 'active', 'coercion', 'decisions', 0);
    const { cells, width } = tables(report)[0]!;
    expect(width).toBe(4);
    const blocks = cells.filter((c) => c.text.startsWith('第二十条'));
    expect(blocks.map((c) => [c.text, c.colSpan])).toEqual([
      ['第二十条第（一）项', 4],
      ['第二十条第（五）项', 4],
      ['第二十条第（六）项', 4],
      ['第二十条第（八）项', 4],
    ]);
    const cell = (path: string) => cells.find((c) => c.attribs['data-cell'] === path)!;
    expect(cell('active.penalty.decisions')).toMatchObject({ text: '', colSpan: 3 });
    expect(cell('active.coercion.decisions').text).toBe('0');
    expect(cell('active.rules.in_force')).toMatchObject({ text: '5', colSpan: 1 });
  });

  it('table 四: 行政复议 | 行政诉讼 over 未经复议直接起诉 and 复议后起诉, then fifteen cells', () => {
    const { cells, at, width } = tables(emptyReport('2019', 1))[2]!;
    expect(width).toBe(15);
    expect(span(find(cells, '行政复议'))).toEqual({ row: 0, column: 0, rowSpan: 2, colSpan: 5 });
    expect(span(find(cells, '行政诉讼'))).toEqual({ row: 0, column: 5, rowSpan: 1, colSpan: 10 });
    expect(span(find(cells, '未经复议直接起诉'))).toEqual({ row: 1, column: 5, rowSpan: 1, colSpan: 5 });
    expect(span(find(cells, '复议后起诉'))).toEqual({ row: 1, column: 10, rowSpan: 1, colSpan: 5 });
    const labels = Array.from({ length: 15 }, (_, c) => at(2, c).text);
    expect(labels.slice(0, 5)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(labels.slice(10)).toEqual(labels.slice(0, 5));
    expect(Array.from({ length: 15 }, (_, c) => at(3, c).tag)).toEqual(Array(15).fill('td'));
  });

  it('marks the cells findings name, with the message as title', () => {
    const report = emptyReport('2021', 0);
    const html = renderReportTablesHtml(report, {
      findings: [
        {
          code: 'x',
          severity: 'error',
          location: { table: 'requests', row: 'total', column: 'natural' },
          message: '总计<不对>',
        },
        {
          code: 'y',
          severity: 'warning',
          location: { table: 'requests' },
          message: '空白',
          cells: ['appeals.reconsideration.total'],
        },
      ],
    });
    expect(html).toContain(
      '<td data-cell="requests.total.natural" class="finding-error" title="总计&lt;不对&gt;">0</td>',
    );
    expect(html).toContain('data-cell="appeals.reconsideration.total" class="finding-warning"');
    expect(html.match(/finding-/g)).toHaveLength(2);
  });
});
