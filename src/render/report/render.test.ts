import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportTitle, SECTION_HEADINGS, validateReport } from '../../domain/report/index.ts';
import { seedReports } from '../../../test/golden/report/golden.ts';
import { isRenderTarget, renderReport, SHEET_NAMES } from './index.ts';
import { readZipPart } from './zip.ts';

const seeds = seedReports();
const TARGETS = ['html', 'md', 'docx', 'xlsx'] as const;

describe('every seed report renders to every format, deterministically', () => {
  for (const { id, report } of seeds)
    it(id, async () => {
      for (const target of TARGETS) {
        const first = await renderReport(report, target);
        expect(first.length, target).toBeGreaterThan(1000);
        expect((await renderReport(report, target)).equals(first), `${target} 两次输出应相同`).toBe(true);
        const withFindings = await renderReport(report, target, { findings: validateReport(report) });
        expect(withFindings.length, target).toBeGreaterThan(0);
      }
    });
  it('knows its targets', () => {
    expect(['html', 'docx', 'xlsx', 'md', 'pdf'].every(isRenderTarget)).toBe(true);
    expect(isRenderTarget('json')).toBe(false);
  });
});

describe('HTML page', () => {
  const { report } = seeds[0]!;
  const html = (await_: Buffer) => await_.toString('utf8');
  it('is a standalone zh-CN page: title, six sections in order, print stylesheet', async () => {
    const page = html(await renderReport(report, 'html'));
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(page).toContain(`<h1>${reportTitle(report.agency, report.year)}</h1>`);
    const positions = SECTION_HEADINGS.map((h) => page.indexOf(`>${h}</h2>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page).toContain('@page{size:A4;margin:37mm 26mm 35mm 28mm}');
    expect(page).toMatch(/@media print\{[^]*thead\{display:table-header-group\}/);
    expect(page).toContain('"仿宋_GB2312"');
    expect(page.match(/<table /g)).toHaveLength(3);
    expect(page).not.toContain('<script');
  });
  it('lists findings and marks their cells only when given', async () => {
    const findings = validateReport(seeds[3]!.report);
    const page = html(await renderReport(seeds[3]!.report, 'html', { findings }));
    expect(page).toContain('<h2 id="findings-heading">核对结果</h2>');
    expect(page).toContain('class="finding-error"');
    expect(html(await renderReport(seeds[3]!.report, 'html'))).not.toContain('class="finding-');
  });
});

describe('DOCX follows GB/T 9704', () => {
  it('A4, margins 37/35/28/26 mm, fonts and sizes, page numbers, no time stamps', async () => {
    const docx = await renderReport(seeds[1]!.report, 'docx');
    const document = readZipPart(docx, 'word/document.xml');
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const styles = readZipPart(docx, 'word/styles.xml');
    const style = (id: string) =>
      styles.slice(
        styles.indexOf(`w:styleId="${id}"`),
        styles.indexOf('</w:style>', styles.indexOf(`w:styleId="${id}"`)),
      );
    expect(style('ReportTitle')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style('ReportTitle')).toContain('<w:sz w:val="44"/>');
    expect(style('ReportTitle')).toContain('<w:jc w:val="center"/>');
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style('ReportBody')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(style('ReportBody')).toContain('<w:sz w:val="32"/>');
    expect(style('ReportBody')).toMatch(/w:firstLineChars="200"/);
    expect(style('ReportBody')).toMatch(/w:line="560" w:lineRule="exact"/);
    expect(style('ReportTable')).toContain('<w:sz w:val="21"/>');
    expect(readZipPart(docx, 'word/fontTable.xml')).toContain(
      '<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>',
    );
    const footer = readZipPart(docx, 'word/footer1.xml');
    expect(footer).toMatch(/— [^]*PAGE[^]* —/);
    expect(readZipPart(docx, 'docProps/core.xml')).not.toMatch(/dcterms:(created|modified)/);
    expect(document).toContain('<w:tblHeader/>');
  });
});

describe('XLSX', () => {
  it('one sheet per table, numbers as numbers, frozen header rows, no time stamps', async () => {
    const bytes = await renderReport(seeds[2]!.report, 'xlsx');
    expect(readZipPart(bytes, 'docProps/core.xml')).not.toMatch(/dcterms:(created|modified)/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...SHEET_NAMES]);
    const requests = workbook.worksheets[1]!;
    expect(requests.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 5 });
    const total = seeds[2]!.report.requests.total.total;
    expect(typeof total).toBe('number');
    let totalRow = 0;
    requests.eachRow((row, n) => (row.getCell(2).value === '（七）总计' ? (totalRow = n) : undefined));
    expect(totalRow).toBe(27); // 2 title rows, 3 header rows, then （七）总计 is row 22 of the 2019 format's 23
    expect(requests.getCell(`J${totalRow}`).value).toBe(total);
    expect(requests.getCell(`D${totalRow}`).value).toBe(seeds[2]!.report.requests.total.natural);
  });
});
