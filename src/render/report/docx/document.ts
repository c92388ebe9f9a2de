import { Document, Paragraph, TextRun } from 'docx';
import type { FileChild } from 'docx';
import type { AnnualReport, Finding } from '../../../domain/report/index.ts';
import { FORMAT_DOCUMENT, reportTitle } from '../../../domain/report/index.ts';
import { cellMarks, SEVERITY_LABEL } from '../findings.ts';
import { reportSections } from '../narrative.ts';
import type { NarrativeBlock } from '../narrative.ts';
import { docxTable } from './table.ts';
import { font, FONT, PAGE, pageNumberFooters, STYLE, STYLES } from './styles.ts';

function blockParagraph(block: NarrativeBlock): Paragraph {
  if (block.kind === 'heading') return new Paragraph({ style: STYLE.heading2, text: block.text });
  const lead = block.lead ? [new TextRun({ text: block.lead, font: font(FONT.heading2) })] : [];
  return new Paragraph({ style: STYLE.body, children: [...lead, new TextRun(block.text)] });
}

function findingsParagraphs(findings: readonly Finding[]): Paragraph[] {
  const head = new Paragraph({ style: STYLE.heading1, text: '附：核对结果', pageBreakBefore: true });
  if (findings.length === 0) return [head, new Paragraph({ style: STYLE.body, text: '未发现问题。' })];
  return [
    head,
    ...findings.map(
      (f, i) =>
        new Paragraph({ style: STYLE.body, text: `${i + 1}. ${SEVERITY_LABEL[f.severity]}：${f.message}` }),
    ),
  ];
}

/** The Word document of a report (docx object model; `renderReportDocx` packs it). */
export function reportDocument(
  report: AnnualReport,
  options: { findings?: readonly Finding[] } = {},
): Document {
  const title = reportTitle(report.agency, report.year);
  const marks = options.findings ? cellMarks(options.findings) : undefined;
  const children: FileChild[] = [new Paragraph({ style: STYLE.title, text: title })];
  for (const section of reportSections(report)) {
    children.push(new Paragraph({ style: STYLE.heading1, text: section.heading }));
    children.push(...section.blocks.map(blockParagraph));
    // no spacer paragraph after a table: a heading always follows, and a spacer pushed onto a page of its
    // own (when the next table is kept whole on the page after) would leave that page blank
    if (section.table) children.push(docxTable(report, section.table, marks));
    else if (section.blocks.length === 0) children.push(new Paragraph({ style: STYLE.body, text: '' }));
  }
  if (options.findings) children.push(...findingsParagraphs(options.findings));
  const author = report.agency ?? 'Gongkai';
  return new Document({
    title,
    subject: '政府信息公开工作年度报告',
    creator: author,
    lastModifiedBy: author,
    revision: 1,
    description: `按${FORMAT_DOCUMENT[report.format]}格式编制`,
    styles: STYLES,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        footers: pageNumberFooters(),
        children,
      },
    ],
  });
}
