import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../test/support/seeds.ts';
import { reportArb, tablesOf } from '../../test/fixtures/import/reports.ts';
import type { AnnualReport } from '../domain/report/index.ts';
import { getCell, setCell, validateReport } from '../domain/report/index.ts';
import { renderReport } from '../render/report/index.ts';
import { docxRows, docxXml } from './docx.ts';
import { parseReportHtml, parseReportText } from './index.ts';
import type { DocRow } from './types.ts';

/** Text as Word's “save as text” gives it: a cell per line after a tab, a blank line after each row. */
function wordText(rows: readonly DocRow[]): string {
  return rows
    .map((r) =>
      r.prose ? r.cells[0]!.text : `${r.cells.map((c) => `\t${c.text.replace(/\n/g, '')}`).join('\n')}\n`,
    )
    .join('\n');
}

/** Text as a PDF extractor gives it: a row per line, cells separated by tabs. */
function tabText(rows: readonly DocRow[]): string {
  return rows.map((r) => r.cells.map((c) => c.text.replace(/\n/g, '')).join('\t')).join('\n');
}

async function renderedRows(report: AnnualReport): Promise<DocRow[]> {
  const xml = docxXml(new Uint8Array(await renderReport(report, 'docx')));
  if (typeof xml !== 'string') throw new Error(xml.message);
  return docxRows(xml);
}

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('text layouts', () => {
  it('a cell per line (Word text), both formats, blanks kept in place', async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, async (report) => {
        const { report: parsed, findings } = parseReportText(wordText(await renderedRows(report)));
        expect(tablesOf(parsed)).toEqual(tablesOf(report));
        expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 25, seed: 11 },
    );
  }, 120_000);

  it('tab-separated rows (PDF text): values read in order when every cell is printed', async () => {
    const full = reportArb.filter((r) =>
      (['active', 'requests', 'appeals'] as const).every((t) =>
        Object.values(r[t] as unknown as Record<string, Record<string, number | null>>).every((row) =>
          Object.values(row).every((v) => v !== null),
        ),
      ),
    );
    const noBlanks = reportArb.map((r) => {
      for (const t of ['active', 'requests', 'appeals'] as const)
        for (const row of Object.values(r[t] as unknown as Record<string, Record<string, number | null>>))
          for (const k of Object.keys(row)) row[k] ??= 0;
      return r;
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(full, noBlanks), async (report) => {
        const { report: parsed } = parseReportText(tabText(await renderedRows(report)));
        expect(tablesOf(parsed)).toEqual(tablesOf(report));
      }),
      { numRuns: 20, seed: 12 },
    );
  }, 120_000);

  it('tab-separated rows: a printed blank cannot be told from a lost cell, so it is never read as a blank in place', async () => {
    const report = fc.sample(reportArb, { numRuns: 1, seed: 13 })[0]!;
    report.requests.granted.research = null;
    report.requests.granted.natural = 5;
    report.requests.granted.commercial = 7;
    const { report: parsed, findings } = parseReportText(tabText(await renderedRows(report)));
    // six values for seven columns: nothing is placed unless every placement agrees
    const row = parsed.requests.granted;
    expect(Object.values(row).filter((v) => v !== null).length).toBeLessThan(7);
    expect(codes(findings)).toContain('import.requests.row.unplaced');
  });

  it('Markdown with escapes and pipes reads like any other table', async () => {
    const report = fc.sample(reportArb, { numRuns: 1, seed: 14 })[0]!;
    report.agency = '某区[卫生健康局]&#1';
    const { report: parsed } = parseReportText((await renderReport(report, 'md')).toString('utf8'));
    expect(tablesOf(parsed)).toEqual(tablesOf(report));
  });
});

describe('labels as real reports print them', () => {
  const seed = (prefix: string) => loadSeeds().find((s) => s.id.startsWith(prefix))!;

  it('Traditional characters are converted, and said so', () => {
    const s = seed('003');
    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(s.text);
    expect(traditional).toContain('總計');
    const { report, findings } = parseReportText(traditional);
    expect(tablesOf(report)).toEqual(tablesOf(parseReportText(s.text).report));
    expect(report.agency).toBe('湖南省卫生健康委');
    expect(codes(findings)).toContain('import.traditional');
  });

  it('spaces inside labels, half-width brackets, 或 dropped, ， for 、, labels broken over lines', () => {
    const s = seed('003');
    const mangled = s.text
      .replace('（一）予以公开', '(一) 予 以 公 开')
      .replace('1.属于国家秘密', '1．属于\n国家秘密')
      .replace('确认或重新出具', '确认重新出具')
      .replace('（七）总计', '(七)总 计')
      .replace('二、上年结转政府信息公开申请数量', '二、上年结转政府信息\n公开申请数量')
      .replace('第二十条第（五）项', '第二十条第(五)项');
    const { report, findings } = parseReportText(mangled);
    expect(tablesOf(report)).toEqual(tablesOf(parseReportText(s.text).report));
    expect(findings).toEqual([]);
  });

  it('a misprinted heading (第三十条) and a typo in a row label are corrected and reported', () => {
    const s = seed('000');
    const text = s.text
      .replace('第二十条第（六）项', '第三十条第（六）项')
      .replace('3.要求提供公开出版物', '3.要求提拱公开出版物');
    const { report, findings } = parseReportText(text);
    expect(tablesOf(report)).toEqual(tablesOf(parseReportText(s.text).report));
    expect(codes(findings).sort()).toEqual(['import.active.heading_typo', 'import.requests.label_typo']);
  });

  it('2021 layout: the three （六） sub-rows, with 、 or ，', async () => {
    const report = fc.sample(
      reportArb.filter((r) => r.format === '2021'),
      { numRuns: 1, seed: 15 },
    )[0]!;
    setCell(report, 'requests', 'other_no_correction', 'natural', 11);
    setCell(report, 'requests', 'other_no_fee', 'natural', 22);
    setCell(report, 'requests', 'other_other', 'natural', 33);
    const text = wordText(await renderedRows(report)).replace(/、行政机关不再处理/g, '，行政机关不再处理');
    const parsed = parseReportText(text).report;
    expect(getCell(parsed, 'requests', 'other_no_correction', 'natural')).toBe(11);
    expect(getCell(parsed, 'requests', 'other_no_fee', 'natural')).toBe(22);
    expect(getCell(parsed, 'requests', 'other_other', 'natural')).toBe(33);
  });
});

describe('a government web page', () => {
  const html = readFileSync(join(import.meta.dirname, '../../test/fixtures/import/gov-page.html'), 'utf8');
  const { report, findings } = parseReportHtml(html);

  it('reads the title, the layout and the tables through rowspan/colspan, nav and scripts', () => {
    expect([report.agency, report.year, report.format]).toEqual(['北京市海淀区某某局', 2023, '2021']);
    expect(report.active.normative_documents).toEqual({ issued: 2, repealed: 1, in_force: 15 });
    expect(report.requests.unable_not_held).toEqual({
      natural: 100,
      commercial: 1,
      research: null,
      nonprofit: 0,
      legal: 0,
      other: 1,
      total: 102,
    });
    expect(getCell(report, 'requests', 'other_other', 'total')).toBe(0);
    expect(report.appeals.reconsideration).toEqual({
      upheld: 2,
      corrected: 1,
      other: 0,
      pending: 1,
      total: 4,
    });
    expect(findings).toEqual([]);
  });

  it('keeps thousands separators, units and placeholders as printed text, and blanks as null', () => {
    expect(report.requests.new_received.natural).toBe(1204);
    expect(report.active.licensing).toEqual({ decisions: 3456 });
    expect(report.active.coercion.decisions).toBeNull();
    expect(report.cellText).toMatchObject({
      'active.licensing.decisions': '3,456件',
      'active.coercion.decisions': '/',
      'appeals.litigation_after_reconsideration.total': '—',
    });
    expect(validateReport(report).map((f) => f.code)).toContain('cell.unit');
  });

  it('records the element each cell came from', () => {
    expect(report.sources?.['requests.unable_not_held.natural']).toEqual({
      element: 'table[2]/tr[16]/td[3]',
    });
    expect(report.sources?.['requests.new_received.natural']).toEqual({ element: 'table[2]/tr[4]/td[2]' });
    expect(report.narrative?.overview).toBe('2023年，本局全年受理政府信息公开申请1210件。');
  });
});

describe('broken documents', () => {
  it('a truncated report: what was found, and findings listing what is missing', () => {
    const s = loadSeeds().find((x) => x.id.startsWith('003'))!;
    const cut = s.text.slice(0, s.text.indexOf('3.补正后申请内容仍不明确'));
    const { report, findings } = parseReportText(cut);
    expect(report.active.licensing).toEqual({ previous: 5298, change: 1718, decisions: 7016 });
    expect(report.requests.unable_needs_creation.natural).toBe(0);
    expect(report.requests.total.total).toBeNull();
    const found = codes(findings);
    expect(found).toContain('import.requests.row_missing');
    expect(found).toContain('import.appeals.missing');
    expect(findings.filter((f) => f.code === 'import.section.missing').map((f) => f.location.row)).toEqual([
      'appeals',
      'problems',
      'other',
    ]);
  });

  it('empty text, binary garbage, an empty page: a blank report and an error saying why', () => {
    for (const input of ['', '\u0000\u0001\u0002\u0003garbage\u0000\u0000\u0000\u0000\u0000']) {
      const { report, findings } = parseReportText(input);
      expect(report.requests.total.total).toBeNull();
      expect(findings.some((f) => f.severity === 'error' && /^import\.(empty|binary)$/.test(f.code))).toBe(
        true,
      );
    }
    expect(codes(parseReportHtml('<html><body></body></html>').findings)).toContain(
      'import.requests.missing',
    );
  });
});
