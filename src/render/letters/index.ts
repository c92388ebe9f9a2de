/** Rendering letters (告知书): a printable HTML page with marked fill-ins, and a GB/T 9704 Word document and PDF. */
export { renderLetterHtml, BLANK_FILL } from './html.ts';
export { renderLetterDocx, letterDocument } from './docx.ts';
export type { LetterRenderOptions, LetterSealImage } from './docx.ts';
export { renderLetterFile } from './file.ts';
export { LETTER_PAGE_CSS } from './style.ts';
