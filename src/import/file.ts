import { assertNesting } from './depth.ts';
import { parseReportDocx } from './docx-parse.ts';
import { parseReportHtml } from './html.ts';
import { parseReportPdf } from './pdf-parse.ts';
import { failedResult, guardAsync } from './safe.ts';
import { nameMismatch, sniff } from './sniff.ts';
import { parseText } from './text.ts';
import type { InputKind, ParseOptions, ParseResult } from './types.ts';

/**
 * Parse a report file of any supported kind (.txt, .md, .html/.htm, .docx, .pdf), chosen by its content
 * (and its name where the content does not say).
 */
export async function parseReportFile(
  bytes: Uint8Array,
  filename: string,
  options: ParseOptions = {},
): Promise<ParseResult> {
  return guardAsync('text', options, async () => {
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array();
    const kind = sniff(data, filename);
    let result: ParseResult;
    switch (kind.kind) {
      case 'docx':
        result = parseReportDocx(data, options);
        break;
      case 'pdf':
        result = await parseReportPdf(data, options);
        break;
      case 'html':
        assertNesting(kind.text, 'html', '网页文件');
        result = parseReportHtml(kind.text, options);
        break;
      case 'text':
      case 'markdown':
        result = parseText(kind.text, options, kind.kind);
        break;
      case 'unsupported': {
        const failed = failedResult(
          'text',
          new Error(`不支持的文件类型：${kind.what}，请另存为 .docx、PDF 或网页后再导入`),
          options,
        );
        return {
          ...failed,
          findings: failed.findings.map((f) => ({ ...f, code: 'import.file.unsupported' })),
        };
      }
    }
    const mismatch = nameMismatch(filename, result.input as InputKind);
    return mismatch ? { ...result, findings: [mismatch, ...result.findings] } : result;
  });
}
