import type { Finding } from '../domain/report/index.ts';
import { emptyReport, formatForYear } from '../domain/report/index.ts';
import { isLimitError } from './limits.ts';
import type { InputKind, ParseOptions, ParseResult } from './types.ts';

/**
 * The import never throws: an unexpected error inside the parser still yields a (blank) report and a finding
 * saying the document could not be read, so a batch of imports goes on. A document past the reading limits
 * (limits.ts) is the exception: it is refused with its own error.
 */
export function failedResult(input: InputKind, error: unknown, options: ParseOptions = {}): ParseResult {
  const report = emptyReport(options.year !== undefined ? formatForYear(options.year) : '2021');
  report.agency = options.agency?.trim() || null;
  report.year = options.year ?? null;
  const finding: Finding = {
    code: 'import.internal',
    severity: 'error',
    location: { table: 'meta' },
    message: `读取文档时出错（${error instanceof Error ? error.message : String(error)}），未能导入任何数据。`,
  };
  return { report, findings: [finding], input };
}

export function guard(input: InputKind, options: ParseOptions, parse: () => ParseResult): ParseResult {
  try {
    return parse();
  } catch (error) {
    if (isLimitError(error)) throw error; // a hostile document is refused, not read as blank
    return failedResult(input, error, options);
  }
}

export async function guardAsync(
  input: InputKind,
  options: ParseOptions,
  parse: () => Promise<ParseResult>,
): Promise<ParseResult> {
  try {
    return await parse();
  } catch (error) {
    if (isLimitError(error)) throw error;
    return failedResult(input, error, options);
  }
}

/** Findings about the text itself: empty, or binary bytes read as text. */
export function textFindings(text: string, garbage: number): Finding[] {
  if (text.trim() === '')
    return [
      {
        code: 'import.empty',
        severity: 'error',
        location: { table: 'meta' },
        message: '文档是空的，没有可读取的内容。',
      },
    ];
  if (garbage > 0.1)
    return [
      {
        code: 'import.binary',
        severity: 'error',
        location: { table: 'meta' },
        actual: Math.round(garbage * 100),
        message: `文档中约 ${Math.round(garbage * 100)}% 的字符是控制字符或无法识别的字节，可能不是文本文件；只读取了能识别的部分。`,
      },
    ];
  return [];
}
