import { confirmScanned } from './ocr-confirm.ts';
import { parseRows } from './parse-document.ts';
import { guardAsync } from './safe.ts';
import { readPdf } from './pdf.ts';
import type { ParseOptions, ParseResult } from './types.ts';

/**
 * Parse a report from a PDF file: the text layer where there is one; pages that are scanned images (no text
 * layer) are read by OCR (ocr.ts) and their numbers kept only where the table identities confirm them
 * (ocr-confirm.ts).
 */
export async function parseReportPdf(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  return guardAsync('pdf', options, () =>
    parsePdf(bytes instanceof Uint8Array ? bytes : new Uint8Array(), options),
  );
}

const pageList = (pages: readonly number[]) => {
  const ranges: string[] = [];
  for (let i = 0; i < pages.length;) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    ranges.push(i === j ? `${pages[i]}` : `${pages[i]}–${pages[j]}`);
    i = j + 1;
  }
  return ranges.join('、');
};

async function parsePdf(bytes: Uint8Array, options: ParseOptions): Promise<ParseResult> {
  const { rows, findings, scannedPages, emptyPages } = await readPdf(bytes);
  if (findings.length === 0 && rows.length === 0)
    findings.push({
      code: 'import.pdf.unreadable',
      severity: 'error',
      location: { table: 'meta' },
      message:
        scannedPages.length > 0
          ? `PDF 文件是扫描件（第 ${pageList(scannedPages)} 页为图片），文字识别未读出任何文字，无法读取：请提供更清晰的扫描件、文字版 PDF、Word 或网页。`
          : `PDF 文件无法读取：${emptyPages > 0 ? '其中既没有文字，也没有扫描图片' : '其中没有任何页面内容'}，请提供文字版 PDF、Word 或网页。`,
    });
  const result = parseRows(rows, 'pdf', options);
  const all = [...findings, ...result.findings];
  if (scannedPages.length > 0 && rows.length > 0) {
    const confirmation = confirmScanned(result.report, rows, scannedPages, all);
    all.unshift({
      code: 'import.ocr.scanned',
      severity: 'warning',
      location: { table: 'meta' },
      message: `第 ${pageList(scannedPages)} 页为扫描图片（没有文字层），已用文字识别（OCR）读取：表格中 ${confirmation.confirmed} 个单元格经表内关系核实后采用，${confirmation.unconfirmed} 个未经核实按缺失处理，需人工核对。`,
    });
    all.push(...confirmation.findings);
  }
  return { ...result, findings: all };
}
