import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, generatedArb, reportArb, tablesOf } from '../../test/fixtures/import/reports.ts';
import type { AnnualReport } from '../domain/report/index.ts';
import { renderReport } from '../render/report/index.ts';
import type { ParseResult } from './index.ts';
import {
  parseReportDocx,
  parseReportFile,
  parseReportHtml,
  parseReportMarkdown,
  parseReportPdf,
} from './index.ts';

/**
 * Reports rendered by Gongkai's own renderer parse back to the identical model: every cell (blank vs 0,
 * negative changes, decimal amounts, eight-digit counts), agency, year and format.
 */

const errors = (result: ParseResult) =>
  result.findings.filter((f) => f.severity === 'error').map((f) => f.message);

async function roundTrip(report: AnnualReport, target: 'html' | 'md' | 'docx' | 'pdf'): Promise<ParseResult> {
  const bytes = await renderReport(report, target);
  switch (target) {
    case 'html':
      return parseReportHtml(bytes.toString('utf8'));
    case 'md':
      return parseReportMarkdown(bytes.toString('utf8'));
    case 'docx':
      return parseReportDocx(bytes);
    case 'pdf':
      return parseReportPdf(bytes);
  }
}

describe('round trip through the renderer', () => {
  for (const target of ['html', 'md', 'docx'] as const)
    it(`${target}: generated reports parse back to the identical tables, agency, year and format`, async () => {
      await fc.assert(
        fc.asyncProperty(reportArb, async (report) => {
          const result = await roundTrip(report, target);
          expect(tablesOf(result.report)).toEqual(tablesOf(report));
          expect(errors(result)).toEqual([]);
        }),
        { numRuns: 60, seed: 20250101 },
      );
    }, 120_000);

  it('pdf (through LibreOffice): generated reports parse back to the identical tables', async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, async (report) => {
        const result = await roundTrip(report, 'pdf');
        expect(tablesOf(result.report)).toEqual(tablesOf(report));
        expect(errors(result)).toEqual([]);
      }),
      // no shrinking: each run costs a LibreOffice conversion, and a failure must say so in minutes, not hang
      { numRuns: 5, seed: 7, endOnFailure: true },
    );
  }, 300_000);

  it('the narrative of sections 一, 五 and 六 survives HTML, Markdown and DOCX', async () => {
    const report = fc.sample(generatedArb, { numRuns: 1, seed: 3 }).map(buildReport)[0]!;
    for (const target of ['html', 'md', 'docx'] as const) {
      const { narrative } = (await roundTrip(report, target)).report;
      expect(narrative, target).toMatchObject({
        overview: report.narrative!.overview,
        problems: report.narrative!.problems,
        other: report.narrative!.other,
      });
    }
  });

  it('parseReportFile recognises every rendered kind by its content, whatever the file is called', async () => {
    const report = fc.sample(reportArb, { numRuns: 1, seed: 5 })[0]!;
    for (const [target, name] of [
      ['html', 'report.html'],
      ['md', 'report.md'],
      ['docx', 'report.docx'],
      ['docx', 'report.bin'],
    ] as const) {
      const result = await parseReportFile(await renderReport(report, target), name);
      expect(tablesOf(result.report), name).toEqual(tablesOf(report));
      expect(result.input).toBe(target === 'md' ? 'markdown' : target);
    }
  });
});
