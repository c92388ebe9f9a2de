/** Rendering letters (告知书): a printable HTML page with marked fill-ins, and a GB/T 9704 Word document. */
export { renderLetterHtml, BLANK_FILL } from './html.ts';
export { renderLetterDocx, letterDocument } from './docx.ts';
export { LETTER_PAGE_CSS } from './style.ts';
