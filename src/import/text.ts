import { parseRows } from './parse-document.ts';
import { textRows } from './text-rows.ts';
import type { ParseOptions, ParseResult } from './types.ts';

/** Parse a report from plain text (as extracted from Word or PDF, or pasted) or Markdown. */
export function parseReportText(text: string, options: ParseOptions = {}, input: 'text' | 'markdown' = 'text'): ParseResult {
  return parseRows(textRows(text.replace(/^\uFEFF/, '')), input, options);
}
