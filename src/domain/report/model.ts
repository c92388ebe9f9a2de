import type { Cell } from './cell.ts';
import type { ReportFormat } from './format.ts';
import { activeBlocks } from './table2.ts';
import { APPLICANT_COLUMNS, requestRows } from './table3.ts';
import type { ApplicantColumn, RequestRowKey2019, RequestRowKey2021 } from './table3.ts';
import { APPEAL_COLUMNS, APPEAL_GROUPS } from './table4.ts';
import type { AppealColumn, AppealGroup } from './table4.ts';

/** The interchange schema identifier (shared/reports/README.md). */
export const INTERCHANGE_SCHEMA = 'gongkai.annual-report/1';

export type RequestRow = Record<ApplicantColumn, Cell>;
export type AppealRow = Record<AppealColumn, Cell>;
export type Appeals = Record<AppealGroup, AppealRow>;

export interface Active2019 {
  rules: { made: Cell; published: Cell; total: Cell };
  normative_documents: { made: Cell; published: Cell; total: Cell };
  licensing: { previous: Cell; change: Cell; decisions: Cell };
  other_services: { previous: Cell; change: Cell; decisions: Cell };
  penalty: { previous: Cell; change: Cell; decisions: Cell };
  coercion: { previous: Cell; change: Cell; decisions: Cell };
  fees: { previous: Cell; change: Cell };
  procurement: { projects: Cell; amount: Cell };
}

export interface Active2021 {
  rules: { issued: Cell; repealed: Cell; in_force: Cell };
  normative_documents: { issued: Cell; repealed: Cell; in_force: Cell };
  licensing: { decisions: Cell };
  penalty: { decisions: Cell };
  coercion: { decisions: Cell };
  fees: { amount_wan: Cell };
}

/** The narrative sections 一, 五 and 六 (free text), and any prose around the tables of 二–四. */
export interface Narrative {
  /** 一、总体情况 */
  overview: string;
  /** 五、存在的主要问题及改进情况 */
  problems: string;
  /** 六、其他需要报告的事项 */
  other: string;
  /** prose printed around the tables of sections 二, 三 and 四 (imported reports often state figures there) */
  active?: string;
  requests?: string;
  appeals?: string;
}

/** Where a cell's value came from in an imported document. */
export interface CellSource {
  /** 1-based line of a text document */
  line?: number;
  /** a description of the element of an HTML/DOCX document, e.g. "table[2] tr[5] td[3]" */
  element?: string;
}

interface ReportBase {
  agency: string | null;
  year: number | null;
  /** Narrative of sections 一, 五, 六, when known. */
  narrative?: Narrative;
  /**
   * The text printed in a cell when it was not a plain number (e.g. "-53万元", "1,234件"), by cell path
   * ("active.fees.change"). The cell itself holds the number read from it. Validation reports these.
   */
  cellText?: Record<string, string>;
  /** Where each cell was read from, by cell path, for imported reports. */
  sources?: Record<string, CellSource>;
  /**
   * Cells that are unknown rather than blank, by cell path: printed but unreadable, or in a table (or the part
   * of a truncated document) that could not be read. They hold null but are never counted as 0: an identity
   * over a missing cell cannot be checked, so the report cannot come out consistent (STATUTE.md §1.2).
   */
  missing?: string[];
}

export interface Report2019 extends ReportBase {
  format: '2019';
  active: Active2019;
  requests: Record<RequestRowKey2019, RequestRow>;
  appeals: Appeals;
}

export interface Report2021 extends ReportBase {
  format: '2021';
  active: Active2021;
  requests: Record<RequestRowKey2021, RequestRow>;
  appeals: Appeals;
}

/** The statutory annual report (政府信息公开工作年度报告), in either format. */
export type AnnualReport = Report2019 | Report2021;

/** Uniform read access to any cell, for code that walks the table specs. */
export type CellTable = Record<string, Record<string, Cell>>;

export function tableOf(report: AnnualReport, table: 'active' | 'requests' | 'appeals'): CellTable {
  return report[table] as unknown as CellTable;
}

export function getCell(
  report: AnnualReport,
  table: 'active' | 'requests' | 'appeals',
  row: string,
  column: string,
): Cell {
  return tableOf(report, table)[row]?.[column] ?? null;
}

export function setCell(
  report: AnnualReport,
  table: 'active' | 'requests' | 'appeals',
  row: string,
  column: string,
  value: Cell,
): void {
  const t = tableOf(report, table);
  const r = (t[row] ??= {});
  r[column] = value;
}

/** A report with every cell set to `fill` (null: a blank form; 0: an all-zero report). */
export function emptyReport(format: ReportFormat, fill: Cell = null): AnnualReport {
  const active: CellTable = {};
  for (const block of activeBlocks(format))
    for (const row of block.rows)
      active[row.key] = Object.fromEntries(block.columns.map((c) => [c.key, fill]));
  const requests: CellTable = {};
  for (const row of requestRows(format))
    requests[row.key] = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, fill]));
  const appeals: CellTable = {};
  for (const group of APPEAL_GROUPS)
    appeals[group] = Object.fromEntries(APPEAL_COLUMNS.map((c) => [c, fill]));
  return { agency: null, year: null, format, active, requests, appeals } as unknown as AnnualReport;
}

/** A deep copy (reports are plain data). */
/** Is the cell unknown (unreadable, not read) rather than blank? */
export function isMissing(report: AnnualReport, path: string): boolean {
  return report.missing?.includes(path) ?? false;
}

/** Mark cells as unknown (missing): their value is null and they are never counted as 0. */
export function markMissing(report: AnnualReport, paths: Iterable<string>): void {
  const set = new Set(report.missing ?? []);
  for (const p of paths) set.add(p);
  if (set.size > 0) report.missing = [...set];
}

export function cloneReport<R extends AnnualReport>(report: R): R {
  return structuredClone(report);
}
