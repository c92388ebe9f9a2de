import type { LetterDocument } from '../../domain/letters/index.ts';
import { printPdf } from '../print-fonts.ts';
import type { LetterRenderOptions } from './docx.ts';
import { renderLetterDocx } from './docx.ts';

/**
 * A letter as the file it is handed over in: the DOCX, or the PDF LibreOffice makes of it with this machine's
 * 公文 faces (仿宋 / 小标宋 where installed, otherwise Noto Serif CJK SC; see print-fonts.ts). Runs in a document
 * worker (task `render-letter`), never on the event loop.
 */
export async function renderLetterFile(
  doc: LetterDocument,
  format: 'docx' | 'pdf',
  options: LetterRenderOptions = {},
): Promise<Buffer> {
  const docx = await renderLetterDocx(doc, options);
  if (format === 'docx') return docx;
  return printPdf(docx);
}
