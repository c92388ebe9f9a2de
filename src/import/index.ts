/** Importing published annual reports: text, Markdown, HTML, DOCX and PDF → the report model + findings. */
export { parseReportText } from './text.ts';
export { parseReportHtml } from './html.ts';
export type { DocCell, DocRow, InputKind, ParseOptions, ParseResult } from './types.ts';
export { parseReportDocx } from './docx-parse.ts';
export { parseReportPdf } from './pdf-parse.ts';
