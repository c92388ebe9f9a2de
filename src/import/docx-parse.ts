import { readDocx } from './docx.ts';
import { parseRows } from './parse-document.ts';
import type { ParseOptions, ParseResult } from './types.ts';

/** Parse a report from a Word .docx file. */
export function parseReportDocx(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const { rows, findings } = readDocx(bytes);
  const result = parseRows(rows, 'docx', options);
  return { ...result, findings: [...findings, ...result.findings] };
}
