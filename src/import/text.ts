import { parseRows } from './parse-document.ts';
import { guard, textFindings } from './safe.ts';
import { garbageRatio } from './sniff.ts';
import { textRows } from './text-rows.ts';
import type { ParseOptions, ParseResult } from './types.ts';

export function parseText(text: string, options: ParseOptions, input: 'text' | 'markdown'): ParseResult {
  return guard(input, options, () => {
    const clean = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
    const pre = textFindings(clean, garbageRatio(clean.slice(0, 20000)));
    const result = parseRows(textRows(clean), input, options);
    return { ...result, findings: [...pre, ...result.findings] };
  });
}

/**
 * Parse a report from plain text — as extracted from Word (a cell per line) or PDF (tab-separated rows), or
 * pasted — or from Markdown (pipe tables).
 */
export function parseReportText(text: string, options: ParseOptions = {}): ParseResult {
  return parseText(text, options, 'text');
}

/** Parse a report from Markdown (the same reader: pipe tables are one of its layouts). */
export function parseReportMarkdown(text: string, options: ParseOptions = {}): ParseResult {
  return parseText(text, options, 'markdown');
}
