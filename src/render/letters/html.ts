import type { LetterDocument, Segment } from '../../domain/letters/index.ts';
import { numberedPoint, sealPrintSize } from '../../domain/letters/index.ts';
import { escapeHtml } from '../report/html/escape.ts';
import type { LetterRenderOptions, LetterSealImage } from './docx.ts';
import { LETTER_PAGE_CSS } from './style.ts';

/** What an empty fill-in prints as: a blank line to write on. */
export const BLANK_FILL = '＿＿＿＿＿＿＿＿';

function segmentHtml(s: Segment): string {
  if (s.locked) return `<span data-locked="${s.part}">${escapeHtml(s.text)}</span>`;
  const empty = s.text.trim() === '';
  return (
    `<span class="fill${empty ? ' empty' : ''}" data-fill="${s.fill}">` +
    `${empty ? BLANK_FILL : escapeHtml(s.text)}</span>`
  );
}

function attachmentsHtml(attachments: readonly string[]): string {
  if (attachments.length === 0) return '';
  const numbered = attachments.length > 1;
  const lines = attachments.map(
    (a, i) =>
      `<p${i === 0 ? ' class="first"' : ''}>${i === 0 ? '附件：' : ''}${escapeHtml(numbered ? numberedPoint(i, a) : a)}</p>`,
  );
  return `<div class="attachments">${lines.join('')}</div>\n`;
}

/**
 * The seal in the seal area (GB/T 9704-2012 7.3.5.1), as the DOCX and PDF print it: its printed size, centred on
 * the 署名 and the date, its centre 8 pt below the top of the 署名 line; a PNG (transparent) over the text as a
 * stamped seal, a JPEG (which hides what it covers) behind it. Inline as a data: URL, so the page stands alone
 * (the console shows it in a sandboxed frame, and a saved page still shows the seal).
 */
function sealHtml(seal: LetterSealImage): string {
  const { widthMm, heightMm } = sealPrintSize(seal.info);
  const png = seal.info.mediaType === 'image/png';
  const src = `data:${seal.info.mediaType};base64,${Buffer.from(seal.bytes).toString('base64')}`;
  return (
    `<img class="seal${png ? '' : ' behind'}" alt="印章" src="${src}" ` +
    `style="width:${widthMm}mm;height:${heightMm}mm">`
  );
}

/**
 * A letter as a standalone printable page (A4, GB/T 9704 fonts and layout). Every text is escaped; each
 * fill-in is a `<span class="fill" data-fill="key">` and each locked text a `<span data-locked="part">`, so the
 * console can preview a letter and offer its fill-ins for editing.
 */
export function renderLetterHtml(doc: LetterDocument, options: LetterRenderOptions = {}): string {
  const title = escapeHtml(doc.title);
  const body = doc.paragraphs
    .map((p) => `<p class="body">${p.segments.map(segmentHtml).join('')}</p>`)
    .join('\n');
  const { closing } = doc;
  const number = `<p class="number" data-locked="number">${escapeHtml(doc.number)}</p>\n`;
  return (
    `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n` +
    `<style>${LETTER_PAGE_CSS}</style>\n</head>\n<body>\n<main>\n` +
    `<article class="letter" data-kind="${doc.kind}">\n` +
    // 版头 (GB/T 9704-2012 7.2.4–7.2.7): 发文机关标志, 发文字号 under it, the red 分隔线
    (doc.letterhead
      ? `<header class="letterhead"><p class="issuer">${escapeHtml(doc.letterhead)}</p>\n${number}</header>\n`
      : '') +
    `<h1>${title}</h1>\n` +
    (doc.letterhead ? '' : number) +
    `<p class="addressee" data-locked="addressee">${escapeHtml(doc.addressee)}：</p>\n` +
    `${body}\n` +
    attachmentsHtml(doc.attachments ?? []) +
    // the seal area (7.3.5.1): the agency's seal image when it has one, otherwise blank for a physical seal
    `<div class="closing" data-locked="closing"><div class="signature">` +
    (options.seal ? sealHtml(options.seal) : '') +
    `<p class="agency">${escapeHtml(closing.agency)}</p>` +
    `<p class="date"><time datetime="${escapeHtml(closing.date)}">${escapeHtml(closing.dateText)}</time></p>` +
    `</div></div>\n` +
    (doc.deliverTo ? `<footer class="delivery">${escapeHtml(doc.deliverTo)}</footer>\n` : '') +
    `</article>\n</main>\n</body>\n</html>\n`
  );
}
