import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph as DocxParagraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { registered } from '../../domain/application/lifecycle.fixture.ts';
import type { LetterDocument } from '../../domain/letters/index.ts';
import { letterContent, locked, paragraph, sealImageInfo } from '../../domain/letters/index.ts';
import { letterInput, run } from '../../domain/letters/letters.fixture.ts';
import {
  pdfFonts,
  pdfImages,
  pdfInfo,
  pdfLines,
  pdfPagePng,
  pdfText,
} from '../../../test/support/pdf-tools.ts';
import { sealPng } from '../../../test/support/seal-image.ts';
import { printSetup, withPrintFonts } from '../print-fonts.ts';
import { FONT } from '../report/docx/styles.ts';
import { docxToPdf } from '../report/pdf.ts';
import { readZipPart } from '../report/zip.ts';
import type { LetterSealImage } from './index.ts';
import { renderLetterDocx, renderLetterFile, renderLetterHtml } from './index.ts';
import { sampleLetters } from './samples.fixture.ts';

/**
 * Letters in 公文 form (GB/T 9704-2012), read back from the PDF LibreOffice makes (issue 12 point 6): the page,
 * the 版心, 22 lines of 28 characters, the fonts embedded (Simplified Chinese, never JP), the seal image, page
 * numbers, no 〔印章〕 placeholder, staff's own numbers not numbered twice. LibreOffice and poppler-utils are test
 * dependencies (scripts/prepare-tests.sh): without them these tests fail rather than skip.
 */
const PT_PER_MM = 72 / 25.4;
const mm = (pt: number) => pt / PT_PER_MM;

function seal(): LetterSealImage {
  const bytes = sealPng(300);
  const info = sealImageInfo(bytes);
  if ('error' in info) throw new Error(info.error);
  return { bytes, info };
}

/** A reply whose body runs over two pages of CJK text only (no half-width digits), to count lines and characters. */
function longLetter(): LetterDocument {
  const doc = sampleLetters().reply;
  const text = '本机关依照政府信息公开条例的规定对你提出的申请进行了审查现将有关情况告知如下'.repeat(40);
  return { ...doc, paragraphs: [paragraph(locked('facts', text)), ...doc.paragraphs] };
}

const cjkOnly = (line: string) => line.replace(/\s/g, '');

describe('letter PDFs in 公文 form', { timeout: 180_000 }, () => {
  it('are A4 with the 版心 156 × 225 mm at 天头 37 mm and 订口 28 mm, 22 lines of 28 characters a page', async () => {
    const pdf = await renderLetterFile(longLetter(), 'pdf');
    const info = pdfInfo(pdf);
    expect(info.width).toBeCloseTo(595.3, 0); // 210 mm
    expect(info.height).toBeCloseTo(841.9, 0); // 297 mm
    expect(info.pages).toBeGreaterThanOrEqual(3);
    // page 2 is body text from top to bottom
    const lines = pdfLines(pdf, 2);
    const body = lines.filter((l) => !/^—\s*\d+\s*—$/.test(l.text));
    expect(body.length).toBe(22);
    for (const l of body) {
      expect(mm(l.xMin)).toBeGreaterThan(28 - 1);
      expect(mm(l.xMin)).toBeLessThan(28 + 1);
      expect(mm(l.xMax)).toBeLessThanOrEqual(28 + 156 + 1);
      expect(cjkOnly(l.text)).toHaveLength(28);
    }
    // the 版心's top is 37 mm from the top edge, its bottom 225 mm below it
    expect(mm(body[0]!.yMin)).toBeGreaterThan(37 - 1);
    expect(mm(body[0]!.yMin)).toBeLessThan(37 + 10.2);
    expect(mm(body.at(-1)!.yMax)).toBeLessThanOrEqual(37 + 225 + 1);
    // the full lines fill the 版心: the right edge within a character of 156 mm
    expect(mm(body[1]!.xMax - body[1]!.xMin)).toBeGreaterThan(156 - 5.6);
    // page numbers “— 1 —” below the 版心 (7 mm), odd pages right and even pages left
    const footer = (page: number) => pdfLines(pdf, page).find((l) => /^—\s*\d+\s*—$/.test(l.text))!;
    const [one, two] = [footer(1), footer(2)];
    expect(one.text.replace(/\s/g, '')).toBe('—1—');
    expect(two.text.replace(/\s/g, '')).toBe('—2—');
    expect(mm(one.yMin)).toBeGreaterThan(37 + 225 + 5);
    expect(mm(one.xMax)).toBeGreaterThan(28 + 156 - 12);
    expect(mm(two.xMin)).toBeLessThan(28 + 12);
  });

  it('print the 版头 (标志, 文号 under it), the title, the addressee, the signature and date, and no 〔印章〕', async () => {
    const doc = sampleLetters().reply;
    const pdf = await renderLetterFile(doc, 'pdf');
    const text = pdfText(pdf);
    const flat = text.replace(/\s/g, '');
    const at = (s: string) => flat.indexOf(s.replace(/\s/g, ''));
    const order = [
      doc.letterhead!,
      doc.number,
      doc.title,
      `${doc.addressee}：`,
      doc.closing.agency,
      doc.closing.dateText,
    ];
    // the 署名 is the agency's name again: look for it after the title
    const positions = order.map((s, i) => (i === 4 ? flat.indexOf(s, at(doc.title)) : at(s)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(flat).toContain('2026年10月20日');
    expect(text).not.toContain('印章');
    expect(pdfImages(pdf)).toEqual([]);
  });

  it('embed Simplified-Chinese fonts only (仿宋 / 小标宋 where installed, else Noto Serif CJK SC), never a JP face', async () => {
    const pdf = await renderLetterFile(sampleLetters().correction, 'pdf');
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f.embedded).toBe(true);
    const cjk = fonts.filter((f) =>
      /CJK|FangSong|仿宋|XiaoBiaoSong|小标宋|SimSun|宋体|SourceHan/i.test(f.name),
    );
    expect(cjk.length).toBeGreaterThan(0);
    for (const f of cjk) {
      expect(f.name).toMatch(/CJKsc|FangSong|仿宋|XiaoBiaoSong|小标宋|SimSun|宋体|SourceHanSerif(SC|CN)/i);
      expect(f.name).not.toMatch(/jp|kr|tc|hk/i);
    }
    expect(fonts.map((f) => f.name).join(' ')).not.toMatch(/CJKjp|CJK JP|Sans/i);
  });

  it('draw the Simplified-Chinese glyph forms, not the Japanese ones (直骨写角)', async () => {
    const sample = (fontName: string, lang: string) =>
      Packer.toBuffer(
        new Document({
          sections: [
            {
              children: [
                new DocxParagraph({
                  children: [
                    new TextRun({
                      text: '直骨写角',
                      font: { eastAsia: fontName, ascii: fontName, hAnsi: fontName },
                      size: 96,
                      language: { value: lang, eastAsia: lang },
                    }),
                  ],
                }),
              ],
            },
          ],
        }),
      );
    const { fonts, env } = await printSetup();
    const ours = await docxToPdf(withPrintFonts(await sample(FONT.body, 'zh-CN'), fonts), env ? { env } : {});
    const japanese = await docxToPdf(await sample('Noto Serif CJK JP', 'ja-JP'));
    expect(pdfText(ours)).toContain('直骨写角');
    expect(pdfPagePng(ours, 1, 50).equals(pdfPagePng(japanese, 1, 50))).toBe(false);
  });

  it('place the uploaded seal in the seal area at 42 mm', async () => {
    const doc = sampleLetters().reply;
    const pdf = await renderLetterFile(doc, 'pdf', { seal: seal() });
    const images = pdfImages(pdf).filter((i) => i.type === 'image');
    expect(images).toHaveLength(1);
    const [image] = images;
    expect([image!.width, image!.height]).toEqual([300, 300]);
    // 300 pixels over 42 mm
    expect(image!.xppi).toBeGreaterThan(178);
    expect(image!.xppi).toBeLessThan(184);
    // on the page of the signature
    expect(pdfText(pdf, image!.page)).toContain(
      doc.closing.dateText.replace(/(\d+)/g, ' $1 ').trim().split(' ')[0],
    );
    expect(pdfText(pdf)).not.toContain('印章');
    // page 1 of a letter, for the note
    const dir = join(import.meta.dirname, '../../../test-output/screenshots');
    mkdirSync(dir, { recursive: true });
    const last = pdfInfo(pdf).pages;
    writeFileSync(join(dir, 'letter-gongwen.png'), pdfPagePng(pdf, 1, 80));
    writeFileSync(join(dir, 'letter-gongwen-seal.png'), pdfPagePng(pdf, last, 80));
  });
});

describe('letter DOCX in 公文 form', () => {
  it('carry the seal as an image part anchored over the signature, and page numbers in the footers', async () => {
    const bytes = await renderLetterDocx(sampleLetters().reply, { seal: seal() });
    const xml = readZipPart(bytes, 'word/document.xml');
    const rels = readZipPart(bytes, 'word/_rels/document.xml.rels');
    const media = /Target="(media\/[^"]+\.png)"/.exec(rels);
    expect(media).not.toBeNull();
    expect(
      Buffer.from(readZipPart(bytes, `word/${media![1]}`), 'latin1')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(xml).toMatch(/<wp:anchor[^>]*behindDoc="0"/);
    // 42 mm = 1512000 EMU
    expect(xml).toContain('<wp:extent cx="1512000" cy="1512000"/>');
    expect(xml).not.toContain('印章〕');
    const footers = Object.keys(
      Object.fromEntries([...rels.matchAll(/Target="(footer\d+\.xml)"/g)].map((m) => [m[1], 1])),
    );
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      const footer = readZipPart(bytes, `word/${f}`);
      expect(footer).toContain('— ');
      expect(footer).toContain('PAGE');
      expect(footer).toContain('<w:sz w:val="28"/>'); // 4号
    }
    expect(readZipPart(bytes, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  it('leave the seal area blank without a seal: no placeholder text, no image', async () => {
    for (const doc of Object.values(sampleLetters())) {
      const bytes = await renderLetterDocx(doc);
      expect(readZipPart(bytes, 'word/document.xml')).not.toMatch(/印章|<w:drawing>/);
      expect(renderLetterHtml(doc)).not.toContain('印章');
    }
  });
});

describe("staff's own numbered points", () => {
  const correction = (points: string[]) =>
    letterContent(
      'correction',
      letterInput(
        run(registered('2026-09-24'), [
          ['2026-09-28', { type: 'request_correction', points, periodDays: 15 }],
        ]),
      ),
    );

  it(
    'are printed as typed, not numbered a second time (“1.1.”), in HTML, DOCX and PDF',
    { timeout: 120_000 },
    async () => {
      const doc = correction(['1. 请写明所需信息的名称', '2、请写明时间范围', '（3）请写明文号', '说明用途']);
      const html = renderLetterHtml(doc);
      const xml = readZipPart(await renderLetterDocx(doc), 'word/document.xml');
      const pdf = pdfText(await renderLetterFile(doc, 'pdf')).replace(/\s/g, '');
      for (const out of [html, xml, pdf]) {
        expect(out).toContain('1.请写明所需信息的名称；'.replace('.', out === pdf ? '.' : '. '));
        expect(out).toContain('2、请写明时间范围；');
        expect(out).toContain('（3）请写明文号；');
        expect(out).toContain('4.说明用途。');
        expect(out).not.toMatch(/\d\.\s*\d\.|\d\.\s*\d、|\d\.（\d）/);
      }
    },
  );

  it('are still numbered when staff did not number them, and a decimal is not a number', () => {
    const doc = correction(['请写明所需信息的名称', '2.5亿元项目的批复请写明年份']);
    const html = renderLetterHtml(doc);
    expect(html).toContain('1.请写明所需信息的名称；');
    expect(html).toContain('2.2.5亿元项目的批复请写明年份。');
  });
});
