import { describe, expect, it } from 'vitest';
import type { SealImageInfo } from '../../domain/letters/index.ts';
import {
  letterContent,
  LETTER_KINDS,
  paragraphText,
  sealImageInfo,
  sealPrintSize,
} from '../../domain/letters/index.ts';
import { sealPng } from '../../../test/support/seal-image.ts';
import { closedWith, letterInput } from '../../domain/letters/letters.fixture.ts';
import { PAGE } from '../report/docx/styles.ts';
import { readZipPart } from '../report/zip.ts';
import { BLANK_FILL, renderLetterDocx, renderLetterHtml } from './index.ts';
import { sampleLetters } from './samples.fixture.ts';
import { signatureIndents, textWidthChars } from './signature.ts';

const EVIL = '<script>alert("x")</script>';
const hostile = () =>
  letterContent(
    'reply',
    letterInput(closedWith('granted', 'disclosed'), {
      applicant: { name: `${EVIL}&张三`, type: 'natural', address: '<b>幸福路</b>', contactPerson: null },
      number: '某卫依申〔2026〕<i>12</i>号',
      provision: { howToObtain: '<img src=x onerror=alert(1)>', attachments: ['<iframe>'] },
    }),
  );

/** The text of each w:p of a document.xml, runs joined, entities decoded. */
function docxParagraphs(xml: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) =>
    decode([...m[1]!.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
}

describe('HTML letters', () => {
  it('escape everything from the record: no markup survives, the text is kept', () => {
    const html = renderLetterHtml(hostile());
    expect(html).not.toMatch(/<script|<img|<iframe|<b>|<i>/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;张三：');
    expect(html).toContain('某卫依申〔2026〕&lt;i&gt;12&lt;/i&gt;号');
    expect(html).toContain(
      '<span class="fill" data-fill="how_to_obtain">&lt;img src=x onerror=alert(1)&gt;</span>',
    );
    expect(html).toContain('送达地址：&lt;b&gt;幸福路&lt;/b&gt;');
  });

  it('mark locked text and fill-ins for the console, and blanks as blanks', () => {
    const doc = letterContent(
      'reply',
      letterInput(closedWith('granted', 'already_public'), { provision: {} }),
    );
    const html = renderLetterHtml(doc);
    expect(html).toContain(`<span class="fill empty" data-fill="published_at">${BLANK_FILL}</span>`);
    expect(html).toMatch(/<span data-locked="remedies">根据《中华人民共和国行政复议法》/);
    expect(html).toContain('<span class="fill" data-fill="closing_note">特此告知。</span>');
    const fills = [...html.matchAll(/data-fill="([a-z_]+)"/g)].map((m) => m[1]);
    expect(fills).toEqual(
      doc.paragraphs.flatMap((p) => p.segments.flatMap((s) => (s.locked ? [] : [s.fill]))),
    );
  });

  it('lay out an A4 page: title, 文号, addressee, paragraphs, signature, in order', () => {
    for (const doc of Object.values(sampleLetters())) {
      const html = renderLetterHtml(doc);
      expect(html).toContain('@page{size:A4;margin:37mm 26mm 35mm 28mm}');
      const title = `<h1>${doc.title}</h1>`;
      const number = `<p class="number" data-locked="number">${doc.number}</p>`;
      // 版头 (GB/T 9704 7.2): the 文号 under the 发文机关标志, above the red line and the title
      expect(doc.letterhead).toBeTruthy();
      expect(html).toContain(
        `<header class="letterhead"><p class="issuer">${doc.letterhead}</p>\n${number}\n</header>`,
      );
      const order = [
        number,
        title,
        `<p class="addressee" data-locked="addressee">${doc.addressee}：</p>`,
        '<p class="body">',
        `<p class="agency">${doc.closing.agency}</p>`,
        `<time datetime="${doc.closing.date}">${doc.closing.dateText}</time>`,
      ].map((s) => html.indexOf(s));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(html.match(/<p class="body">/g)!.length).toBe(doc.paragraphs.length);
    }
  });

  it("print the agency's seal in the seal area at its printed size: a PNG over the text, a JPEG behind it", () => {
    const doc = sampleLetters().reply;
    const png = sealPng(300);
    const html = renderLetterHtml(doc, { seal: { bytes: png, info: sealImageInfo(png) as SealImageInfo } });
    const { widthMm } = sealPrintSize({ width: 300, height: 300 });
    const img = `<img class="seal" alt="印章" src="data:image/png;base64,${png.toString('base64')}" style="width:${widthMm}mm;height:${widthMm}mm">`;
    // inside the signature block, before the 署名: centred on it by the stylesheet
    expect(html).toContain(`<div class="signature">${img}<p class="agency">${doc.closing.agency}</p>`);
    expect(html).toContain('.letter .seal{position:absolute;left:50%;top:8pt;');
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    const behind = renderLetterHtml(doc, {
      seal: { bytes: jpeg, info: { mediaType: 'image/jpeg', width: 600, height: 300 } },
    });
    expect(behind).toContain(
      '<img class="seal behind" alt="印章" src="data:image/jpeg;base64,/9j/4A==" style="width:42mm;height:21mm">',
    );
    expect(renderLetterHtml(doc)).not.toContain('<img');
  });
});

describe('DOCX letters', () => {
  it('open as a package whose document.xml holds the title and every paragraph', async () => {
    const letters = sampleLetters();
    for (const kind of LETTER_KINDS) {
      const doc = letters[kind];
      const xml = readZipPart(await renderLetterDocx(doc), 'word/document.xml');
      const paragraphs = docxParagraphs(xml);
      expect(paragraphs).toContain(doc.title);
      expect(paragraphs).toContain(doc.number);
      expect(paragraphs).toContain(`${doc.addressee}：`);
      for (const p of doc.paragraphs) expect(paragraphs).toContain(paragraphText(p));
      expect(paragraphs).toContain(doc.closing.agency);
      expect(paragraphs).toContain(doc.closing.dateText);
    }
  });

  it('use the GB/T 9704 page and fonts', async () => {
    const bytes = await renderLetterDocx(sampleLetters().reply);
    const xml = readZipPart(bytes, 'word/document.xml');
    const m = PAGE.margin;
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(
      new RegExp(`<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}"`),
    );
    expect([m.top, m.bottom, m.left, m.right]).toEqual([2098, 1984, 1587, 1474]);
    const styles = readZipPart(bytes, 'word/styles.xml');
    expect(styles).toContain('方正小标宋简体');
    expect(styles).toContain('仿宋_GB2312');
    // 225 mm / 22 lines = 28.95 pt = 579 twips; characters condensed 0.25 pt so that 28 fill the 156 mm line
    expect(styles).toContain('w:line="579" w:lineRule="exact"');
    expect(styles).toContain('<w:spacing w:val="-5"/>');
    expect(styles).toContain('<w:sz w:val="44"/>');
    expect(styles).toContain('<w:sz w:val="32"/>');
    expect(readZipPart(bytes, 'word/fontTable.xml')).toContain('<w:altName w:val="宋体"/>');
    // 版头 (7.2.4–7.2.7): the red 发文机关标志, the 文号 centred under it over the red 分隔线, then the title
    const doc = sampleLetters().reply;
    const paragraphs = docxParagraphs(xml);
    const at = (t: string) => paragraphs.indexOf(t);
    const [head, number, title] = [at(doc.letterhead!), at(doc.number), at(doc.title)] as const;
    expect(head).toBe(0);
    expect(number).toBeGreaterThan(head);
    expect(title).toBeGreaterThan(number);
    const numberXml = [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)][number]![1]!;
    expect(numberXml).toContain('<w:jc w:val="center"/>');
    expect(numberXml).toMatch(/<w:bottom w:val="single" w:color="FF0000"[^>]*w:space="11"/);
    expect(xml).toMatch(/<w:color w:val="FF0000"\/>[\s\S]*?<w:sz w:val="52"\/>/);
  });

  it('are deterministic: the same letter gives the same bytes, with no time stamps', async () => {
    const doc = sampleLetters().fee;
    const [a, b] = [await renderLetterDocx(doc), await renderLetterDocx(doc)];
    expect(a.equals(b)).toBe(true);
    expect(readZipPart(a, 'docProps/core.xml')).not.toMatch(/dcterms:(created|modified)/);
  });

  it('escape the text as XML', async () => {
    const bytes = await renderLetterDocx(hostile());
    const xml = readZipPart(bytes, 'word/document.xml');
    expect(xml).not.toMatch(/<(script|img|iframe|b|i)[\s>]/);
    expect(docxParagraphs(xml)).toContain(`${EVIL}&张三：`);
  });
});

describe('signature block', () => {
  it('centres the agency over the date, which sits four characters in', () => {
    expect(textWidthChars('2026年10月20日')).toBe(7);
    expect(signatureIndents('某市某区卫生健康局', '2026年10月20日')).toEqual({ name: 3, date: 4 });
    expect(signatureIndents('国家税务总局某市某区税务局第一分局', '2026年1月5日').name).toBe(0);
  });
});
