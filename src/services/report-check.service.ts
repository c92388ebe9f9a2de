import type { AnnualReport, Finding } from '../domain/report/index.ts';
import { decodeReport, reportToJson, validateReport } from '../domain/report/index.ts';
import { AppError, validationError } from '../domain/errors.ts';
import type { DocumentWorkers } from '../workers/pool.ts';

/** A report read from what a person pasted or uploaded, with every finding (reading + validation). */
export interface CheckedReport {
  report: AnnualReport;
  findings: Finding[];
  /** the report as interchange JSON (what was read, normalised) */
  json: string;
}

/** Parses JSON text into a report; a syntax error names the line and column. */
export function reportFromJsonText(
  text: string,
  field: string,
): { report: AnnualReport; findings: Finding[] } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(message);
    let where = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      where = `（第 ${before.split('\n').length} 行第 ${before.length - before.lastIndexOf('\n')} 列附近）`;
    }
    throw validationError(field, `报告 JSON 格式有误${where}：请检查引号、逗号和括号`);
  }
  const { report, findings } = decodeReport(value);
  if (!report) throw validationError(field, findings.map((f) => f.message).join('；'));
  return { report, findings };
}

/** The report checker: what was pasted or uploaded (an upload read by the document workers), checked. */
export async function checkReport(
  documents: Pick<DocumentWorkers, 'parseReport'>,
  input: {
    json?: string | undefined;
    file?: { filename: string; bytes: Uint8Array } | undefined;
    previous?: string | undefined;
  },
): Promise<CheckedReport> {
  let read: { report: AnnualReport; findings: Finding[] };
  if (input.file && input.file.bytes.length > 0) {
    if (/\.json$/i.test(input.file.filename))
      read = reportFromJsonText(new TextDecoder().decode(input.file.bytes), 'file');
    else {
      read = await documents.parseReport(input.file.bytes, input.file.filename);
      const unsupported = read.findings.find((f) => f.code === 'import.file.unsupported');
      if (unsupported) throw new AppError('unsupported_media', unsupported.message, 'file');
    }
  } else if (input.json?.trim()) read = reportFromJsonText(input.json, 'json');
  else throw new AppError('validation', '请粘贴报告 JSON 或上传报告文件', 'json');
  const previous = input.previous?.trim() ? reportFromJsonText(input.previous, 'previous').report : null;
  const findings = [...read.findings, ...validateReport(read.report, { previous })];
  return { report: read.report, findings, json: reportToJson(read.report) };
}
