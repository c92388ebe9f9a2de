import { readDocx } from './docx.ts';
import { parseRows } from './parse-document.ts';
import { guard } from './safe.ts';
import type { ParseOptions, ParseResult } from './types.ts';

/** Parse a report from a Word .docx file. */
export function parseReportDocx(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  return guard('docx', options, () => {
    const { rows, findings } = readDocx(bytes instanceof Uint8Array ? bytes : new Uint8Array());
    const result = parseRows(rows, 'docx', options);
    return { ...result, findings: [...findings, ...result.findings] };
  });
}
