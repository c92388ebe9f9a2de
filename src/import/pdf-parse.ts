import { parseRows } from './parse-document.ts';
import { guardAsync } from './safe.ts';
import { readPdf } from './pdf.ts';
import type { ParseOptions, ParseResult } from './types.ts';

/** Parse a report from a PDF file (text PDFs; a scanned image has no text to read). */
export async function parseReportPdf(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  return guardAsync('pdf', options, () =>
    parsePdf(bytes instanceof Uint8Array ? bytes : new Uint8Array(), options),
  );
}

async function parsePdf(bytes: Uint8Array, options: ParseOptions): Promise<ParseResult> {
  const { rows, findings } = await readPdf(bytes);
  if (findings.length === 0 && rows.length === 0)
    findings.push({
      code: 'import.pdf.no_text',
      severity: 'error',
      location: { table: 'meta' },
      message: 'PDF 文件中没有可读取的文字（可能是扫描图片），请提供文字版 PDF、Word 或网页。',
    });
  const result = parseRows(rows, 'pdf', options);
  return { ...result, findings: [...findings, ...result.findings] };
}
