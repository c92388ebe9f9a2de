import {
  AlignmentType,
  BorderStyle,
  Document,
  HorizontalPositionRelativeFrom,
  ImageRun,
  LineRuleType,
  Packer,
  Paragraph,
  TextRun,
  TextWrappingType,
  VerticalPositionRelativeFrom,
} from 'docx';
import type { IParagraphOptions, IStylesOptions, ParagraphChild } from 'docx';
import type { LetterDocument, SealImageInfo } from '../../domain/letters/index.ts';
import { LETTER_KIND_LABEL, numberedPoint, sealPrintSize } from '../../domain/letters/index.ts';
import { withChineseFonts } from '../report/docx/fonts.ts';
import { font, FONT, PAGE, pageNumberFooters, SIZE, STYLE, STYLES } from '../report/docx/styles.ts';
import { normalizeZip, stripCoreTimestamps } from '../report/zip.ts';
import { BLANK_FILL } from './html.ts';
import { DATE_RIGHT_CHARS, signatureIndents, textWidthChars } from './signature.ts';

/**
 * A letter as a Word document after GB/T 9704-2012 党政机关公文格式:
 * - 5.1/5.2.1: A4; 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm (so 35 mm below, 26 mm right);
 * - 5.2.2/5.2.3: 3号仿宋 (16 pt), 22 lines of 28 characters filling the 版心: a document grid of lines and
 *   characters (line pitch 225 mm / 22 = 579 twips, character pitch 156 mm / 28), body lines exactly 579 twips;
 * - 7.2.4–7.2.7 版头: the 发文机关标志 red 小标宋 centred; the 发文字号 (文号) two lines below it, centred; a red
 *   分隔线 as wide as the 版心 4 mm below the 文号;
 * - 7.3.1 the title 2号小标宋 two lines below the red line; 7.3.2 主送 one line below, flush left, full-width colon;
 *   7.3.3 paragraphs indented two characters; 7.3.4 附件 one line below the body;
 * - 7.3.5.1 署名 centred over the 成文日期, which sits four characters in from the right; the seal (the agency's
 *   uploaded 印章, when there is one; otherwise the area stays blank for a physical seal) centred on them and
 *   pressing down on both, so that they sit below its centre, its top within one line of the body;
 *   7.3.5.4 the date in Arabic numerals, 2026年3月4日;
 * - 7.5 页码: 4号半角宋体 “— 1 —” 7 mm below the 版心, odd pages right and even pages left, one character in.
 * Without a 发文机关标志 (the agency set none) the 文号 stands right-aligned under the title.
 */
const CHAR = 320; // one character of 三号 (16 pt) in twips
const FLUSH = { firstLine: 0, firstLineChars: 0 };
const RED = 'FF0000';
/** 225 mm / 22 lines, in twips (28.95 pt) */
export const LINE_PITCH = 579;
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right; // 156 mm = 8844 twips
/**
 * Character spacing in twentieths of a point: 28 characters of 16 pt are 448 pt, the 版心 is 156 mm = 442.2 pt
 * wide, so each character is condensed by 0.25 pt (28 × 15.75 pt = 441 pt). A Word document grid of lines and
 * characters would do the same in Word, but LibreOffice lays such a grid out differently (20 characters and
 * about half the lines per page), and the PDF is made by LibreOffice.
 */
export const CHAR_SPACING = -5;
const EMU_PER_MM = 36000;
const EMU_PER_TWIP = 635;

/** The letter's styles: the report's (fonts, sizes), with the 公文 line pitch. */
const LETTER_STYLES: IStylesOptions = {
  ...STYLES,
  default: {
    ...STYLES.default,
    document: {
      ...STYLES.default!.document,
      run: { ...STYLES.default!.document!.run, characterSpacing: CHAR_SPACING },
      paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
    },
  },
  paragraphStyles: STYLES.paragraphStyles!.map((s) =>
    s.id === STYLE.body
      ? {
          ...s,
          run: { ...s.run, characterSpacing: CHAR_SPACING },
          paragraph: {
            ...s.paragraph,
            spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          },
        }
      : s.id === STYLE.title
        ? {
            ...s,
            paragraph: {
              ...s.paragraph,
              spacing: { line: 720, lineRule: LineRuleType.EXACT, after: LINE_PITCH },
            },
          }
        : s,
  ),
};

/** An uploaded seal to print: the file's bytes and what sealImageInfo read from them. */
export interface LetterSealImage {
  bytes: Uint8Array;
  info: SealImageInfo;
}

export interface LetterRenderOptions {
  seal?: LetterSealImage | null;
}

const body = (children: ParagraphChild[], extra: IParagraphOptions = {}) =>
  new Paragraph({ style: STYLE.body, children, ...extra });
const blank = () => body([]);

/**
 * The seal as a floating picture anchored to the 署名 line: centred horizontally on the date (and the name),
 * its centre 8 pt below the top of the 署名 line, so the name and the date (two lines) sit below its centre.
 * A PNG (transparent background) lies over the text as a stamped seal does; a JPEG, which hides what it
 * covers, lies behind it.
 */
function sealRun(seal: LetterSealImage, dateText: string): ImageRun {
  const { widthMm, heightMm } = sealPrintSize(seal.info);
  const dateCentreFromRight = (DATE_RIGHT_CHARS + textWidthChars(dateText) / 2) * CHAR * EMU_PER_TWIP;
  const left = Math.round(TEXT_WIDTH * EMU_PER_TWIP - dateCentreFromRight - (widthMm * EMU_PER_MM) / 2);
  const top = Math.round(8 * 20 * EMU_PER_TWIP - (heightMm * EMU_PER_MM) / 2);
  const png = seal.info.mediaType === 'image/png';
  return new ImageRun({
    type: png ? 'png' : 'jpg',
    data: seal.bytes,
    // pixels at 96 dpi
    transformation: { width: (widthMm / 25.4) * 96, height: (heightMm / 25.4) * 96 },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, offset: Math.max(0, left) },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: top },
      allowOverlap: true,
      behindDocument: !png,
      wrap: { type: TextWrappingType.NONE },
    },
    altText: { name: '印章', description: '发文机关印章', title: '印章' },
  });
}

function signature(doc: LetterDocument, seal: LetterSealImage | null): Paragraph[] {
  const { agency, dateText } = doc.closing;
  const indent = signatureIndents(agency, dateText);
  const line = (children: ParagraphChild[], right: number) =>
    body(children, {
      alignment: AlignmentType.RIGHT,
      indent: { ...FLUSH, right: Math.round(right * CHAR) },
      keepNext: true,
      keepLines: true,
    });
  return [
    // the seal's room: two lines between the body and the 署名 (its top stays within one line of the body)
    body([], { keepNext: true }),
    body([], { keepNext: true }),
    line([...(seal ? [sealRun(seal, dateText)] : []), new TextRun(agency)], indent.name),
    line([new TextRun(dateText)], indent.date),
  ];
}

function attachments(names: readonly string[]): Paragraph[] {
  if (names.length === 0) return [];
  const numbered = names.length > 1;
  return [
    blank(),
    ...names.map((name, i) =>
      body([new TextRun(`${i === 0 ? '附件：' : ''}${numbered ? numberedPoint(i, name) : name}`)], {
        indent: i === 0 ? { left: 5 * CHAR, hanging: 3 * CHAR } : { ...FLUSH, left: 5 * CHAR },
      }),
    ),
  ];
}

/** 版头: 发文机关标志, 发文字号 two lines below, the red 分隔线 4 mm below the 文号. */
function letterhead(name: string, number: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 720, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [new TextRun({ text: name, font: font(FONT.title), size: 52, color: RED })],
    }),
    blank(),
    blank(),
    body([new TextRun(number)], {
      alignment: AlignmentType.CENTER,
      indent: FLUSH,
      // 4 mm ≈ 11 pt between the 文号 and the line (a border's space is in points)
      border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: RED, space: 11 } },
    }),
    blank(),
    blank(),
  ];
}

/** The Word document of a letter (docx object model; `renderLetterDocx` packs it). */
export function letterDocument(doc: LetterDocument, options: LetterRenderOptions = {}): Document {
  const children: Paragraph[] = [];
  if (doc.letterhead) children.push(...letterhead(doc.letterhead, doc.number));
  children.push(new Paragraph({ style: STYLE.title, text: doc.title }));
  if (!doc.letterhead)
    children.push(
      body([new TextRun(doc.number)], { alignment: AlignmentType.RIGHT, indent: FLUSH }),
      blank(),
    );
  children.push(
    body([new TextRun(`${doc.addressee}：`)], { alignment: AlignmentType.LEFT, indent: FLUSH }),
    ...doc.paragraphs.map((p) =>
      body(p.segments.map((s) => new TextRun(!s.locked && s.text.trim() === '' ? BLANK_FILL : s.text))),
    ),
    ...attachments(doc.attachments ?? []),
    ...signature(doc, options.seal ?? null),
  );
  if (doc.deliverTo)
    children.push(
      blank(),
      body([new TextRun({ text: doc.deliverTo, size: SIZE.pageNumber })], {
        indent: { ...FLUSH, left: CHAR / 2 },
        border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
      }),
    );
  return new Document({
    title: doc.title,
    subject: LETTER_KIND_LABEL[doc.kind],
    creator: doc.closing.agency,
    lastModifiedBy: doc.closing.agency,
    revision: 1,
    description: doc.number,
    styles: LETTER_STYLES,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin },
        },
        footers: pageNumberFooters(),
        children,
      },
    ],
  });
}

/** The letter as a .docx file. Deterministic: the same letter (and seal) gives the same bytes. */
export async function renderLetterDocx(
  doc: LetterDocument,
  options: LetterRenderOptions = {},
): Promise<Buffer> {
  const packed = await Packer.toBuffer(letterDocument(doc, options));
  return normalizeZip(packed, {
    'docProps/core.xml': stripCoreTimestamps,
    'word/fontTable.xml': withChineseFonts,
  });
}
