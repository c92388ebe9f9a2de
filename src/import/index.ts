/** Importing published annual reports: text, Markdown, HTML, DOCX and PDF → the report model + findings. */
export { parseReportText, parseReportMarkdown } from './text.ts';
export { parseReportHtml } from './html.ts';
export { parseReportDocx } from './docx-parse.ts';
export { parseReportPdf } from './pdf-parse.ts';
export { parseReportFile } from './file.ts';
export { isDerivedFinding, derivedCells } from './derived.ts';
export type { DocCell, DocRow, InputKind, ParseOptions, ParseResult } from './types.ts';
