import { AlignmentType, BorderStyle, Document, Packer, Paragraph, TextRun } from 'docx';
import type { IParagraphOptions } from 'docx';
import type { LetterDocument } from '../../domain/letters/index.ts';
import { LETTER_KIND_LABEL } from '../../domain/letters/index.ts';
import { withChineseFonts } from '../report/docx/fonts.ts';
import { font, FONT, PAGE, SIZE, STYLE, STYLES } from '../report/docx/styles.ts';
import { normalizeZip, stripCoreTimestamps } from '../report/zip.ts';
import { BLANK_FILL } from './html.ts';
import { signatureIndents } from './signature.ts';

/**
 * A letter as a Word document after GB/T 9704-2012, with the report's page set-up and styles (A4; margins
 * 37/35/28/26 mm; title 方正小标宋简体 二号 falling back to 宋体; body 仿宋_GB2312 三号 on exact 28 pt lines with
 * a two-character indent). The 发文机关标志 is red over a red rule; 文号 right-aligned; 主送 flush left;
 * 附件 under the body; 署名 and 成文日期 right, four characters in; the delivery line in 版记 style.
 */
const CHAR = 320; // one character of 三号 (16 pt) in twips
const FLUSH = { firstLine: 0, firstLineChars: 0 };
const RED = 'FF0000';

const body = (children: TextRun[], extra: IParagraphOptions = {}) =>
  new Paragraph({ style: STYLE.body, children, ...extra });
const blank = () => body([]);

function signature(doc: LetterDocument): Paragraph[] {
  const { agency, dateText, seal } = doc.closing;
  const indent = signatureIndents(agency, dateText, seal);
  const line = (text: string, right: number, color?: string) =>
    body([new TextRun({ text, ...(color ? { color } : {}) })], {
      alignment: AlignmentType.RIGHT,
      indent: { ...FLUSH, right: Math.round(right * CHAR) },
      keepNext: true,
      keepLines: true,
    });
  return [
    blank(),
    blank(),
    line(agency, indent.name),
    line(dateText, indent.date),
    line(seal, indent.seal, '808080'),
  ];
}

function attachments(names: readonly string[]): Paragraph[] {
  if (names.length === 0) return [];
  const numbered = names.length > 1;
  return [
    blank(),
    ...names.map((name, i) =>
      body([new TextRun(`${i === 0 ? '附件：' : ''}${numbered ? `${i + 1}.` : ''}${name}`)], {
        indent: i === 0 ? { left: 5 * CHAR, hanging: 3 * CHAR } : { ...FLUSH, left: 5 * CHAR },
      }),
    ),
  ];
}

/** The Word document of a letter (docx object model; `renderLetterDocx` packs it). */
export function letterDocument(doc: LetterDocument): Document {
  const children: Paragraph[] = [];
  if (doc.letterhead)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 240, before: 0, after: 560 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
        children: [new TextRun({ text: doc.letterhead, font: font(FONT.title), size: 52, color: RED })],
      }),
    );
  children.push(
    new Paragraph({ style: STYLE.title, text: doc.title }),
    body([new TextRun(doc.number)], { alignment: AlignmentType.RIGHT, indent: FLUSH }),
    blank(),
    body([new TextRun(`${doc.addressee}：`)], { alignment: AlignmentType.LEFT, indent: FLUSH }),
    ...doc.paragraphs.map((p) =>
      body(p.segments.map((s) => new TextRun(!s.locked && s.text.trim() === '' ? BLANK_FILL : s.text))),
    ),
    ...attachments(doc.attachments ?? []),
    ...signature(doc),
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
    styles: STYLES,
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        children,
      },
    ],
  });
}

/** The letter as a .docx file. Deterministic: the same letter gives the same bytes. */
export async function renderLetterDocx(doc: LetterDocument): Promise<Buffer> {
  const packed = await Packer.toBuffer(letterDocument(doc));
  return normalizeZip(packed, {
    'docProps/core.xml': stripCoreTimestamps,
    'word/fontTable.xml': withChineseFonts,
  });
}
