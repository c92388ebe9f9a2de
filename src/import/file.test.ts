import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../test/support/seeds.ts';
import { parseReportFile } from './index.ts';
import { decodeText, sniff } from './sniff.ts';

const seed = loadSeeds().find((s) => s.id.startsWith('004'))!;
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('reading any file', () => {
  it('decodes UTF-8, UTF-8 with BOM, UTF-16 and GB 18030 text alike', async () => {
    const utf8 = strToU8(seed.text);
    const gb = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]); // 你好
    expect(decodeText(gb)).toEqual({ text: '你好', encoding: 'GB18030' });
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from(seed.text).flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]),
    ]);
    for (const bytes of [utf8, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), utf16]) {
      const { report, input } = await parseReportFile(bytes, 'report.txt');
      expect(input).toBe('text');
      expect(report.active.penalty.decisions).toBe(467);
    }
  });

  it('sniffs the content before the name', () => {
    expect(sniff(strToU8('%PDF-1.4 …'), 'a.txt').kind).toBe('pdf');
    expect(sniff(zipSync({ 'word/document.xml': strToU8('<w:document/>') }), 'a.txt').kind).toBe('docx');
    expect(sniff(strToU8('<!DOCTYPE html><p>x</p>'), 'a.txt').kind).toBe('html');
    expect(sniff(strToU8('| a | b |'), 'a.md').kind).toBe('markdown');
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'a.doc').kind).toBe('unsupported');
  });

  it('says so when the name and the content disagree, and when the file cannot be read', async () => {
    expect(codes((await parseReportFile(strToU8(seed.text), 'report.pdf')).findings)).toContain(
      'import.file.mismatch',
    );
    expect(
      codes((await parseReportFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'old.doc')).findings),
    ).toEqual(['import.file.unsupported']);
    const noBody = await parseReportFile(zipSync({ 'other.xml': strToU8('<x/>') }), 'a.docx');
    expect(codes(noBody.findings)).toContain('import.docx.unreadable');
    const badPdf = await parseReportFile(strToU8('%PDF-1.7\n1 0 obj garbage'), 'a.pdf');
    expect(codes(badPdf.findings)).toContain('import.pdf.unreadable');
  });

  it('options override the title: year and agency, with a warning when they differ', async () => {
    const { report, findings } = await parseReportFile(strToU8(seed.text), 'a.txt', {
      year: 2021,
      agency: '海宁市卫健局',
    });
    expect([report.agency, report.year, report.format]).toEqual(['海宁市卫健局', 2021, '2019']);
    expect(codes(findings)).toEqual(
      expect.arrayContaining(['import.meta.year_conflict', 'import.meta.agency_conflict']),
    );
  });
});
