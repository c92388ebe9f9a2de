import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../domain/report/index.ts';
import { derivedCells, parseReportHtml, parseReportPdf } from './index.ts';
import { pdfRows } from './pdf-layout.ts';
import type { PdfItem, Segment } from './pdf-layout.ts';

const fixture = (name: string) => join(import.meta.dirname, '../../test/fixtures/import', name);
const fromHtml = parseReportHtml(readFileSync(fixture('gov-page.html'), 'utf8')).report;

const cells = (report: AnnualReport, table: 'active' | 'requests' | 'appeals') =>
  Object.entries(report[table] as unknown as Record<string, Record<string, number | null>>).flatMap(
    ([row, cols]) => Object.entries(cols).map(([col, v]) => [`${row}.${col}`, v] as const),
  );

describe('PDF', () => {
  it('a table drawn with ruling lines is rebuilt as a grid: blanks stay in their column', async () => {
    const { report, findings } = await parseReportPdf(readFileSync(fixture('gov-page.pdf')));
    expect([report.agency, report.year, report.format]).toEqual(['北京市海淀区某某局', 2023, '2021']);
    for (const t of ['active', 'requests', 'appeals'] as const) expect(report[t]).toEqual(fromHtml[t]);
    expect(findings).toEqual([]);
    expect(report.sources?.['requests.new_received.natural']?.element).toMatch(
      /^page\[\d+\]\/line\[\d+\]\/td\[\d+\]$/,
    );
  });

  it('without ruling lines the cells come from gaps: what cannot be placed is left blank and reported, never guessed', async () => {
    const { report, findings } = await parseReportPdf(readFileSync(fixture('gov-page-borderless.pdf')));
    expect(report.active).toEqual(fromHtml.active);
    expect(report.appeals).toEqual(fromHtml.appeals);
    // a blank cell and a lost one look the same here: a derived value is the blank counted as 0
    const expected = new Map(cells(fromHtml, 'requests'));
    const derived = derivedCells(findings);
    for (const [path, value] of cells(report, 'requests'))
      if (value !== null)
        expect([path, value]).toEqual([
          path,
          derived.has(`requests.${path}`) ? (expected.get(path) ?? 0) : expected.get(path),
        ]);
    expect(findings.map((f) => f.code)).toContain('import.requests.row.unplaced');
  });

  it('layout: rows and merged cells from ruling lines, text outside as lines', () => {
    const h = (y: number, x1 = 0, x2 = 300): Segment => ({ x1, x2, y1: y, y2: y });
    const v = (x: number, y1 = 0, y2 = 60): Segment => ({ x1: x, x2: x, y1, y2 });
    const item = (text: string, x: number, y: number): PdfItem => ({
      text,
      x,
      y,
      width: text.length * 10,
      height: 10,
    });
    // three rows of 20pt; the first column of rows 2–3 merged (no line between them at x < 100)
    const segments = [h(60), h(40), h(20, 100, 300), h(0), v(0), v(100), v(200), v(300)];
    const items = [
      item('标题', 10, 80),
      item('表头', 10, 45),
      item('甲', 110, 45),
      item('乙', 210, 45),
      item('合并', 10, 25),
      item('1', 110, 25),
      item('2', 210, 25),
      item('3', 210, 5),
    ];
    const rows = pdfRows([{ items, segments }]);
    expect(rows.map((r) => [r.prose, r.cells.map((c) => c.text)])).toEqual([
      [true, ['标题']],
      [false, ['表头', '甲', '乙']],
      [false, ['合并', '1', '2']],
      [false, ['', '3']],
    ]);
    expect(rows[3]!.cells[1]!.source).toEqual({ line: 4, element: 'page[1]/line[4]/td[2]' });
  });
});
