import type { AnnualReport, CellRef, Finding, TableKey } from '../domain/report/index.ts';
import {
  APPEAL_GROUPS,
  APPEAL_PARTS,
  APPLICANT_COLUMNS,
  APPLICANT_PARTS,
  cellName,
  cellPath,
  getCell,
  isMissing,
  markMissing,
  parseCellPath,
  requestRows,
  resultRows,
  setCell,
  tableOf,
} from '../domain/report/index.ts';
import { derivedCells, isDerivedFinding } from './derived.ts';
import type { DocCell, DocRow } from './types.ts';

/**
 * The rule for numbers read by OCR from a scanned page: a number is accepted only when the table's identities
 * confirm it — some identity it takes part in (table 三: each row's 自然人 and 法人或其他组织 → 总计, each
 * column's results → （七）总计, each column's 一 + 二 = （七）+ 四; table 四: each group's parts → 总计) holds
 * with every one of its cells read, none of them below the confidence floor or derived. OCR mistakes digits;
 * one wrong digit breaks every identity through its cell. A number no identity confirms (every cell of table 二,
 * which has none) is `missing`, with a finding naming the cell for a person to read — never guessed, never 0.
 */

/** Below this Tesseract confidence a read is not used, whatever the sums say. */
export const OCR_CONFIDENCE_FLOOR = 60;

interface Identity {
  cells: string[];
  holds: (value: (path: string) => number) => boolean;
}

const ref = (table: TableKey, row: string, column: string) => cellPath({ table, row, column });

function identities(report: AnnualReport): Identity[] {
  const f = report.format;
  const sum = (left: string[], right: string[]): Identity => ({
    cells: [...left, ...right],
    holds: (v) => {
      const l = left.reduce((a, p) => a + v(p), 0);
      const r = right.reduce((a, p) => a + v(p), 0);
      return Math.abs(l - r) < 1e-6;
    },
  });
  const out: Identity[] = [];
  for (const c of APPLICANT_COLUMNS) {
    out.push(
      sum(
        [ref('requests', 'new_received', c), ref('requests', 'carried_over', c)],
        [ref('requests', 'total', c), ref('requests', 'carry_forward', c)],
      ),
    );
    out.push(
      sum(
        resultRows(f).map((r) => ref('requests', r.key, c)),
        [ref('requests', 'total', c)],
      ),
    );
  }
  for (const row of requestRows(f))
    out.push(
      sum(
        APPLICANT_PARTS.map((c) => ref('requests', row.key, c)),
        [ref('requests', row.key, 'total')],
      ),
    );
  for (const g of APPEAL_GROUPS)
    out.push(
      sum(
        APPEAL_PARTS.map((c) => ref('appeals', g, c)),
        [ref('appeals', g, 'total')],
      ),
    );
  return out;
}

const pageOf = (element: string | undefined) => {
  const m = /^page\[(\d+)\]/.exec(element ?? '');
  return m ? Number(m[1]) : null;
};

export interface Confirmation {
  findings: Finding[];
  /** cells of the tables read from scanned pages and confirmed */
  confirmed: number;
  /** cells read from scanned pages that no identity confirms, now missing */
  unconfirmed: number;
}

/**
 * Applies the rule to a report read from rows of which some came from scanned pages: unconfirmed cells become
 * missing (in place) and are named; derived values on scanned pages are dropped (a sum cannot confirm the value
 * it was computed from). Returns the findings to add and the counts; `findings` loses the derived findings
 * that no longer hold.
 */
export function confirmScanned(
  report: AnnualReport,
  rows: readonly DocRow[],
  scannedPages: readonly number[],
  findings: Finding[],
): Confirmation {
  const scanned = new Set(scannedPages);
  const byElement = new Map<string, DocCell>();
  for (const row of rows)
    for (const cell of row.cells) if (cell.source.element) byElement.set(cell.source.element, cell);
  const derived = derivedCells(findings);

  // the cells the rule applies to: every cell of the tables not read from a page with a text layer
  const subject: string[] = [];
  for (const table of ['active', 'requests', 'appeals'] as const)
    for (const [row, columns] of Object.entries(tableOf(report, table)))
      for (const column of Object.keys(columns)) {
        const path = ref(table, row, column);
        if (isMissing(report, path)) continue;
        const page = pageOf(report.sources?.[path]?.element);
        if (page !== null && !scanned.has(page)) continue;
        subject.push(path);
      }
  const subjectSet = new Set(subject);
  const doubt = new Map<string, string>();
  for (const path of subject) {
    const cell = byElement.get(report.sources?.[path]?.element ?? '');
    if (derived.has(path)) doubt.set(path, '未能从扫描件读出，由表内关系推算');
    else if (cell?.confidence !== undefined && cell.confidence < OCR_CONFIDENCE_FLOOR)
      doubt.set(path, `识别置信度低（${Math.round(cell.confidence)}）`);
  }
  // a row whose numbers were not each read from its own cell, column after column (its label lost, a value
  // placed by fitting): where each number belongs is not known, and a sum of zeros would not show it
  const td = (path: string) => {
    const m = /^(page\[\d+\]\/line\[\d+\])\/td\[(\d+)\]$/.exec(report.sources?.[path]?.element ?? '');
    return m ? { line: m[1]!, index: Number(m[2]) } : null;
  };
  const rowGroups: string[][] = [
    ...requestRows(report.format).map((row) => APPLICANT_COLUMNS.map((c) => ref('requests', row.key, c))),
    ...APPEAL_GROUPS.map((g) => [...APPEAL_PARTS, 'total'].map((c) => ref('appeals', g, c))),
  ];
  for (const paths of rowGroups) {
    const cells = paths.filter((p) => subjectSet.has(p));
    if (cells.length === 0) continue;
    const places = paths.map(td);
    const aligned = places.every(
      (at, i) =>
        at !== null &&
        (i === 0 || (at.line === places[i - 1]!.line && at.index === places[i - 1]!.index + 1)),
    );
    if (!aligned)
      for (const p of cells) if (!doubt.has(p)) doubt.set(p, '该行各数未能逐格对应到列，位置无法核实');
  }
  const value = (path: string) => {
    const r = parseCellPath(path)!;
    return getCell(report, r.table, r.row, r.column) ?? 0;
  };
  const confirmed = new Set<string>();
  for (const identity of identities(report)) {
    if (identity.cells.some((p) => isMissing(report, p) || doubt.has(p))) continue;
    if (identity.holds(value)) for (const p of identity.cells) confirmed.add(p);
  }

  const out: Finding[] = [];
  const unconfirmed = subject.filter((p) => !confirmed.has(p));
  for (const path of unconfirmed) {
    const r = parseCellPath(path) as CellRef;
    const source = report.sources?.[path];
    const printed = byElement.get(source?.element ?? '')?.text.trim() ?? '';
    const page = pageOf(source?.element);
    const read = derived.has(path)
      ? '未能从扫描件读出'
      : printed === ''
        ? '识别为空白'
        : `识别为“${printed}”`;
    const why = doubt.get(path);
    out.push({
      code: 'import.ocr.unconfirmed',
      severity: 'error',
      location: { table: r.table, row: r.row, column: r.column },
      ...(printed !== '' && !derived.has(path) ? { actual: printed } : {}),
      cells: [path],
      message: `${cellName(report.format, r)}${page !== null ? `（扫描件第 ${page} 页）` : ''}：扫描识别结果未经表内关系核实，需人工核对（${read}${why && !derived.has(path) ? `，${why}` : ''}；已按缺失处理，不按 0 计算）。`,
    });
    setCell(report, r.table, r.row, r.column, null);
    if (report.cellText) delete report.cellText[path];
  }
  markMissing(report, unconfirmed);

  // a derived value on a scanned page is not kept: its finding goes (the cell's own finding says why)
  for (let i = findings.length - 1; i >= 0; i--) {
    const f = findings[i]!;
    if (!isDerivedFinding(f)) continue;
    const rest = (f.cells ?? []).filter((p) => !subjectSet.has(p));
    if (rest.length === 0) findings.splice(i, 1);
    else findings[i] = { ...f, cells: rest };
  }
  return { findings: out, confirmed: subject.length - unconfirmed.length, unconfirmed: unconfirmed.length };
}
