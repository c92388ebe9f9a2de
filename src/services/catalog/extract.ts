import { createRequire } from 'node:module';
import { strFromU8 } from 'fflate';
import ExcelJS from 'exceljs';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { isLimitError } from '../../import/limits.ts';
import { assertPdfPages } from '../../import/pdf.ts';
import { pdfDecodedBytes } from '../../import/pdf-streams.ts';
import { checkZipBudget, readZipParts, zipDirectory } from '../../import/zip.ts';

/**
 * Attachments: what a file is (by its bytes, not its name) and its text, for the scanner and search. DOCX —
 * word/document.xml unzipped with fflate; PDF — pdfjs-dist's legacy (Node) build; XLSX — the cell texts;
 * plain text as is. Images carry no text: they are kept, and the scanner asks a reviewer to look at them.
 * Every reader is held to the document limits (src/import/limits.ts) and runs in the document workers
 * (src/workers) when called through `ctx.documents`.
 */
export type AttachmentType = 'pdf' | 'docx' | 'xlsx' | 'txt' | 'png' | 'jpeg';

export const MEDIA_TYPE: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain; charset=utf-8',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** The names a ZIP lists (its central directory only: nothing is inflated to tell a DOCX from an XLSX). */
function zipNames(bytes: Uint8Array): Set<string> | null {
  try {
    return new Set(zipDirectory(bytes, '附件').map((e) => e.name));
  } catch (error) {
    if (isLimitError(error)) throw error;
    return null;
  }
}

export function detectAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    const names = zipNames(bytes);
    if (names?.has('word/document.xml')) return 'docx';
    if (names?.has('xl/workbook.xml')) return 'xlsx';
    return null;
  }
  if (bytes.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'txt';
  } catch {
    return null;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : ENTITIES[e]!,
  );

/** The text of a DOCX body: runs joined, one line per paragraph, tabs and breaks kept. */
export function docxText(bytes: Uint8Array): string {
  const part = readZipParts(bytes, (name) => name === 'word/document.xml', 'Word 附件')['word/document.xml'];
  if (!part) throw new Error('Word 文件中没有正文部分（word/document.xml）');
  const xml = strFromU8(part);
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<\/w:p>/g)) {
    if (m[1] !== undefined) out += decodeXml(m[1]);
    else if (m[0] === '<w:tab/>') out += '\t';
    else out += '\n';
  }
  return out.trim();
}

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

export async function pdfText(bytes: Uint8Array): Promise<string> {
  pdfDecodedBytes(bytes); // a flate bomb is refused before pdfjs decodes anything
  const lib = await (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
  const dir = createRequire(import.meta.url)
    .resolve('pdfjs-dist/package.json')
    .replace(/package\.json$/, '');
  const doc = await lib.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${dir}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${dir}standard_fonts/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    assertPdfPages(doc.numPages);
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
    }
    return pages.join('\n').trim();
  } finally {
    await doc.destroy();
  }
}

export async function xlsxText(bytes: Uint8Array): Promise<string> {
  checkZipBudget(bytes, 'Excel 附件'); // ExcelJS inflates every part: measure them under the cap first
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const lines: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => lines.push(rowTexts(row).join('\t'))));
  return lines.join('\n');
}

/** A non-blank row of a worksheet: its line number and cell texts. */
export interface SheetRow {
  line: number;
  cells: string[];
}

/** The non-blank rows of a workbook's first worksheet (null without one); throws on a damaged workbook. */
export async function firstSheetRows(bytes: Uint8Array): Promise<SheetRow[] | null> {
  checkZipBudget(bytes, 'Excel 工作簿');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  const rows: SheetRow[] = [];
  sheet.eachRow((row, line) => {
    const cells = rowTexts(row);
    if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells });
  });
  return rows;
}

/** The texts of a worksheet row's cells, by column (formulas by their result). */
export function rowTexts(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cells[col - 1] = cell.text ?? '';
  });
  return Array.from(cells, (c) => c ?? '');
}

/** The text of an attachment; images have none. Throws on a damaged or password-protected file. */
export async function attachmentText(type: AttachmentType, bytes: Uint8Array): Promise<string> {
  switch (type) {
    case 'pdf':
      return pdfText(bytes);
    case 'docx':
      return docxText(bytes);
    case 'xlsx':
      return xlsxText(bytes);
    case 'txt':
      return new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
    case 'png':
    case 'jpeg':
      return '';
  }
}
