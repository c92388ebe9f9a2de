import type { AnnualReport, Finding, ReportFormat } from '../domain/report/index.ts';
import { decodeReport, emptyReport, getCell, validateReport } from '../domain/report/index.ts';
import { reportCells } from '../domain/report/validate/cells.ts';
import { AppError } from '../domain/errors.ts';
import type { ParseOptions, ParseResult } from './types.ts';
import { newBudget, readZipEntry, zipDirectory } from './zip.ts';

/**
 * Reading many report documents at once — a folder or a .zip of a year's reports of a subtree, as collected —
 * one result per file. One implementation for `gongkai report import-dir` and the supervisor's bulk upload in
 * the console: the CLI parses in its own process, the server through the document workers (the parser is
 * passed in), and both count the cells and findings the same way.
 */
export const BULK_KINDS = ['.txt', '.md', '.html', '.htm', '.docx', '.pdf', '.json'] as const;
export const MAX_BULK_FILES = 5000;

export interface BulkDocument {
  name: string;
  bytes: Uint8Array;
}

export const isBulkKind = (name: string) => {
  const m = /\.[^./\\]+$/.exec(name);
  return m !== null && (BULK_KINDS as readonly string[]).includes(m[0].toLowerCase());
};

/**
 * The report documents of a .zip (folders kept in the names; macOS resource forks and other kinds skipped),
 * inflated under the document budget (DOCUMENT_MAX_MB for the whole archive) and the entry limit; past either
 * it is refused (413), never half read.
 */
export function unpackZip(bytes: Uint8Array, what: string): BulkDocument[] {
  // a broken archive is the uploader's to fix (400 naming the upload); our own limits' refusals pass as they are
  const opening = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError(
        'validation',
        `无法打开压缩包${what}：${error instanceof Error ? error.message : String(error)}`,
        'files',
      );
    }
  };
  const listed = opening(() => zipDirectory(bytes, what));
  const entries = listed.filter(
    (e) => !e.name.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(e.name) && isBulkKind(e.name),
  );
  if (entries.length > MAX_BULK_FILES)
    throw new AppError('too_large', `${what}中的报告文件超过 ${MAX_BULK_FILES} 个`, 'file');
  const budget = newBudget();
  const docs: BulkDocument[] = [];
  for (const entry of entries) {
    const out = opening(() => readZipEntry(bytes, entry, budget, what));
    docs.push({ name: entry.name, bytes: out });
  }
  return docs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface CellCounts {
  read: number;
  blank: number;
  missing: number;
  total: number;
}

/** The cells of the report's format: read (a value), blank (printed empty) and missing (present but unreadable, or not there). */
export function cellCounts(report: AnnualReport): CellCounts {
  const counts = { read: 0, blank: 0, missing: 0, total: 0 };
  for (const ref of reportCells(report)) {
    counts.total++;
    const path = `${ref.table}.${ref.row}.${ref.column}`;
    if (report.missing?.includes(path)) counts.missing++;
    else if (getCell(report, ref.table, ref.row, ref.column) === null) counts.blank++;
    else counts.read++;
  }
  return counts;
}

export type ReadDocument = (
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions,
) => Promise<ParseResult>;

export interface BulkRead {
  report: AnnualReport;
  /** the import's findings, then the validation's */
  findings: Finding[];
  agency: string | null;
  year: number | null;
  format: ReportFormat;
  cells: CellCounts;
  errors: number;
  warnings: number;
}

/** One document read: interchange .json decoded, any other kind parsed by `parse`; then validated. */
export async function readBulkDocument(
  doc: BulkDocument,
  options: ParseOptions,
  parse: ReadDocument,
): Promise<BulkRead> {
  let read: { report: AnnualReport; findings: Finding[] };
  if (/\.json$/i.test(doc.name)) {
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder().decode(doc.bytes).replace(/^\uFEFF/, ''));
    } catch {
      value = null;
    }
    const decoded = decodeReport(value);
    read = decoded.report
      ? { report: decoded.report, findings: decoded.findings }
      : {
          report: emptyReport('2021'),
          findings: [
            {
              code: 'import.dir.bad_json',
              severity: 'error',
              location: { table: 'meta' },
              message: `${doc.name.replace(/^.*[\\/]/, '')} 不是有效的报告 JSON。`,
            },
          ],
        };
  } else read = await parse(doc.bytes, doc.name.replace(/^.*[\\/]/, ''), options);
  const findings = [...read.findings, ...validateReport(read.report)];
  return {
    report: read.report,
    findings,
    agency: read.report.agency,
    year: read.report.year,
    format: read.report.format,
    cells: cellCounts(read.report),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
