import type { IStylesOptions } from 'docx';
import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';

/**
 * GB/T 9704-2012 党政机关公文格式, as far as a report needs it: A4 paper, margins (天头 37 mm, 订口 28 mm), the
 * fonts and sizes of the title, the headings, the body and the page numbers. Sizes are in half-points
 * (docx), lengths in twips (1/20 pt).
 */
/** Millimetres to twips, rounded (docx's own helper truncates: 37 mm would be 2097 instead of 2098). */
const mm = (value: number) => Math.round((value * 1440) / 25.4);

export const PAGE = {
  width: 11906,
  height: 16838,
  margin: {
    top: mm(37),
    bottom: mm(35),
    left: mm(28),
    right: mm(26),
    header: mm(15),
    /** the page number sits 7 mm below the text block */
    footer: mm(23),
  },
} as const;
/** The width of the text block: tables span it exactly. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** Font names as Word knows them; fontTable.xml names a substitute for each (see fonts.ts). */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt — in half-points. */
export const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21, note: 18 } as const;

/** A run font: the East Asian face, with Times New Roman for Latin letters and digits. */
export const font = (eastAsia: string) => ({
  eastAsia,
  ascii: FONT.latin,
  hAnsi: FONT.latin,
  cs: FONT.latin,
});

/** 28 pt exact line spacing; a two-character first-line indent. */
const BODY_SPACING = { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const INDENT = { firstLineChars: 200, firstLine: 640 };

export const STYLE = {
  title: 'ReportTitle',
  heading1: 'Heading1',
  heading2: 'Heading2',
  body: 'ReportBody',
  table: 'ReportTable',
} as const;

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: font(FONT.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
      paragraph: { spacing: BODY_SPACING },
    },
  },
  paragraphStyles: [
    {
      id: STYLE.title,
      name: 'Title',
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      run: { font: font(FONT.title), size: SIZE.title },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { line: 720, lineRule: LineRuleType.EXACT, after: 560 },
      },
    },
    {
      id: STYLE.heading1,
      name: 'heading 1',
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      run: { font: font(FONT.heading1), size: SIZE.body },
      paragraph: { spacing: BODY_SPACING, indent: INDENT, outlineLevel: 0, keepNext: true },
    },
    {
      id: STYLE.heading2,
      name: 'heading 2',
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      run: { font: font(FONT.heading2), size: SIZE.body },
      paragraph: { spacing: BODY_SPACING, indent: INDENT, outlineLevel: 1, keepNext: true },
    },
    {
      id: STYLE.body,
      name: 'Body Text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { font: font(FONT.body), size: SIZE.body },
      paragraph: { spacing: BODY_SPACING, indent: INDENT, alignment: AlignmentType.JUSTIFIED },
    },
    {
      id: STYLE.table,
      name: 'Table Text',
      basedOn: 'Normal',
      run: { font: font(FONT.body), size: SIZE.table },
      paragraph: {
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        alignment: AlignmentType.CENTER,
      },
    },
  ],
};

/**
 * GB/T 9704 7.5 page numbers, for reports and letters alike: “— 1 —” in 4号宋体, odd pages right and even pages
 * left, one character in (the document's `footers`; it needs `evenAndOddHeaderAndFooters`).
 */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  const footer = (alignment: 'right' | 'left') =>
    new Footer({
      children: [
        new Paragraph({
          alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: alignment === 'right' ? { right: 280 } : { left: 280 },
          spacing: { line: 240, before: 0, after: 0 },
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: font(FONT.pageNumber),
              size: SIZE.pageNumber,
            }),
          ],
        }),
      ],
    });
  return { default: footer('right'), even: footer('left') };
}
