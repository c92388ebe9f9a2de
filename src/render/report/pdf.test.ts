import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../domain/report/index.ts';
import {
  activeCells,
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMN_LABEL,
  APPLICANT_COLUMNS,
  getCell,
  requestRows,
} from '../../domain/report/index.ts';
import { seedReports } from '../../../test/golden/report/golden.ts';
import { pdfFonts } from '../../../test/support/pdf-tools.ts';
import { docxToPdf, renderReport, renderReportDocx } from './index.ts';

const onPath = (name: string) =>
  (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(join(dir, name)));
// LibreOffice and poppler-utils are test dependencies (.ci/run installs them): without them these tests fail
// rather than skip
for (const tool of ['soffice', 'pdftotext'])
  if (!onPath(tool))
    throw new Error(`${tool} is not on the PATH: install LibreOffice and poppler-utils (see .ci/run)`);

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdftext-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every printed number of the three tables, in print order (row by row, left to right). */
function tableNumbers(report: AnnualReport): string[] {
  const values = [
    ...activeCells(report.format).map(({ row, column }) => getCell(report, 'active', row.key, column.key)),
    ...requestRows(report.format).flatMap((row) =>
      APPLICANT_COLUMNS.map((c) => getCell(report, 'requests', row.key, c)),
    ),
    ...APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => getCell(report, 'appeals', g, c))),
  ];
  return values.filter((v): v is number => v !== null).map(String);
}

/** True when `needles` occur in `haystack` in this order (other items may come between). */
function inOrder(haystack: string[], needles: string[]): string | null {
  let i = 0;
  for (const needle of needles) {
    while (i < haystack.length && haystack[i] !== needle) i++;
    if (i === haystack.length) return needle;
    i++;
  }
  return null;
}

describe('DOCX → PDF with LibreOffice keeps the tables intact', () => {
  for (const { id, report } of seedReports())
    it(id, { timeout: 180_000 }, async () => {
      const pdf = await renderReport(report, 'pdf');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(pdf);
      const compact = text.replace(/\s+/g, '');
      for (const label of [
        '第二十条第（一）项',
        '第二十条第（九）项',
        '申请人情况',
        '法人或其他组织',
        // labels narrow enough not to wrap in their cells
        APPLICANT_COLUMN_LABEL.natural,
        APPLICANT_COLUMN_LABEL.other,
        APPLICANT_COLUMN_LABEL.total,
        '（一）予以公开',
        '1.属于国家秘密',
        '（七）总计',
        '一、本年新收政府信息公开申请数量',
        '四、结转下年度继续办理',
        '行政复议',
        '未经复议直接起诉',
        '复议后起诉',
      ])
        expect(compact, label).toContain(label);
      // all numbers of the tables appear in print order: no row lost, split or reordered
      const tokens = text.match(/-?\d+(\.\d+)?/g) ?? [];
      expect(inOrder(tokens, tableNumbers(report)), '未按顺序找到的数字').toBeNull();
      // table 三's （七）总计 row prints on one line with its numbers, left to right
      const totals = APPLICANT_COLUMNS.map((c) => getCell(report, 'requests', 'total', c))
        .filter((v) => v !== null)
        .join('\\s+');
      expect(text).toMatch(new RegExp(`（七）总计\\s+${totals}\\s*\\n`));
    });
});

describe('the report PDF', () => {
  it(
    'embeds Simplified-Chinese faces only (仿宋, 小标宋, 黑体, 楷体 where installed, else Noto CJK SC), never a JP one',
    { timeout: 180_000 },
    async () => {
      const pdf = await renderReport(seedReports()[0]!.report, 'pdf');
      const fonts = pdfFonts(pdf);
      for (const f of fonts) expect(f.embedded, f.name).toBe(true);
      const cjk = fonts.filter((f) =>
        /CJK|FangSong|仿宋|XiaoBiaoSong|小标宋|SimSun|宋体|SimHei|黑体|KaiTi|楷体|SourceHan/i.test(f.name),
      );
      // the body, the headings (黑体 → sans) and the tables' bold header cells
      expect(cjk.length).toBeGreaterThanOrEqual(3);
      for (const f of cjk) {
        expect(f.name).toMatch(
          /CJKsc|FangSong|仿宋|XiaoBiaoSong|小标宋|SimSun|宋体|SimHei|黑体|KaiTi|楷体|SourceHan(Serif|Sans)(SC|CN)/i,
        );
        expect(f.name).not.toMatch(/jp|kr|tc|hk/i);
      }
    },
  );
});

describe('docxToPdf', () => {
  it('runs concurrent conversions side by side (a profile each)', { timeout: 180_000 }, async () => {
    const [a, b] = seedReports();
    const pdfs = await Promise.all(
      [a!, b!].map(async ({ report }) => docxToPdf(await renderReportDocx(report))),
    );
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(pdfs[0]!)).toContain(a!.report.agency!);
    expect(pdfText(pdfs[1]!)).toContain(b!.report.agency!);
  });

  it('says in Chinese that LibreOffice is missing', async () => {
    const docx = await renderReportDocx(seedReports()[0]!.report);
    await expect(docxToPdf(docx, { soffice: '/nonexistent/soffice' })).rejects.toThrow(
      /未安装 LibreOffice（未找到 \/nonexistent\/soffice）.*libreoffice-writer-nogui/,
    );
  });
});

describe('LibreOffice left without its Writer module', () => {
  it('answers a PDF with the package to install, not "请检查 Word 文档"', async () => {
    // what `apt-get remove libreoffice-writer-nogui` leaves: a soffice that starts and writes nothing
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-core-only-'));
    try {
      const soffice = join(dir, 'soffice');
      writeFileSync(soffice, '#!/bin/sh\necho "Error: source file could not be loaded" >&2\nexit 0\n', {
        mode: 0o755,
      });
      const refused = await docxToPdf(new Uint8Array([80, 75, 3, 4]), { soffice }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'unavailable' });
      expect((refused as Error).message).toContain('缺少 Writer 组件');
      expect((refused as Error).message).toContain('apt-get install libreoffice-writer-nogui');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
