import type { AnnualReport, Finding } from '../domain/report/index.ts';
import { APPLICANT_COLUMNS, requestRows } from '../domain/report/index.ts';
import { placeCell } from './place.ts';
import { table3Findings } from './table3-findings.ts';
import { placeRows } from './table3-placement.ts';
import { narrowSplits } from './table3-splits.ts';
import type { PrintedRow } from './table3-rows.ts';
import { printedRows, WIDTH } from './table3-rows.ts';
import type { DocRow } from './types.ts';
import { markTableMissing, pictureTable, printsSomething, unreadableTable } from './unreadable.ts';

/**
 * Table 三 (收到和处理政府信息公开申请情况): the printed rows (table3-rows.ts) placed on the statutory rows by
 * label, order and count (table3-placement.ts), written into the report with their sources, and explained
 * (table3-findings.ts). What cannot be fixed stays blank, with a finding naming the rows.
 */
export interface Table3Result {
  findings: Finding[];
  found: boolean;
}

export interface Table3Options {
  /** the document stops inside table 三 (a truncated text): its last row is what was printed before the cut */
  truncated?: boolean;
}

export function parseTable3(
  docRows: readonly DocRow[],
  report: AnnualReport,
  options: Table3Options = {},
): Table3Result {
  const findings: Finding[] = [];
  const format = report.format;
  const rows = printedRows(docRows, format);
  const lost = options.truncated ? truncate(rows, format) : new Set<number>();
  if (rows.length === 0) {
    const picture = pictureTable(report, 'requests', docRows);
    if (picture) {
      findings.push(picture);
      return { findings, found: true };
    }
    if (printsSomething(docRows)) {
      findings.push(
        unreadableTable(report, 'requests', docRows, '其中没有一行能按表三的行标签和七列（申请人情况）读取'),
      );
      return { findings, found: true };
    }
    markTableMissing(report, 'requests');
    findings.push({
      code: 'import.requests.missing',
      severity: 'error',
      location: { table: 'requests' },
      message: '未找到表三（收到和处理政府信息公开申请情况），表三的单元格按缺失处理（不按 0 计算）。',
    });
    return { findings, found: false };
  }
  narrowSplits(rows, format);
  const placement = placeRows(rows, format, findings);
  // the rows after the cut, and the cells of the cut row after its last value, were not printed: unknown,
  // whatever the identities would give
  for (const slot of lost)
    for (let c = 0; c < WIDTH; c++) placement.cells[slot * WIDTH + c] = { state: 'unknown' };
  for (const [p, slot] of placement.fixed)
    if (rows[p]!.cut)
      for (let c = rows[p]!.tokens.length; c < WIDTH; c++)
        placement.cells[slot * WIDTH + c] = { state: 'unknown' };
  // place every cell; collect derived and undetermined cells per statutory row
  const derived = new Map<number, string[]>();
  const unknown = new Map<number, string[]>();
  requestRows(format).forEach((row, r) =>
    APPLICANT_COLUMNS.forEach((column, c) => {
      const placed = placeCell(report, 'requests', row.key, column, placement.cells[r * WIDTH + c]!);
      const bucket = placed.state === 'derived' ? derived : placed.state === 'unknown' ? unknown : null;
      if (bucket) (bucket.get(r) ?? bucket.set(r, []).get(r)!).push(placed.path);
    }),
  );

  findings.push(...table3Findings(rows, format, placement, derived, unknown));
  return { findings, found: true };
}

/**
 * A document cut inside table 三: the last printed row is read as far as it goes (its values in print
 * order from the first column: the rest of the line is what was cut), and the statutory rows after it are
 * lost. Returns the lost statutory rows.
 */
function truncate(rows: PrintedRow[], format: AnnualReport['format']): Set<number> {
  const spec = requestRows(format);
  const last = [...rows].reverse().find((r) => r.key !== null);
  if (!last) return new Set();
  const at = spec.findIndex((r) => r.key === last.key);
  if (last === rows[rows.length - 1] && last.tokens.length < WIDTH && !last.fit.runTogether) {
    last.fit = {
      slots: Array.from({ length: WIDTH }, (_, c) => {
        const t = last.tokens[c];
        return t === undefined
          ? { state: 'unknown' as const }
          : t.value === null
            ? { state: 'blank' as const, token: t }
            : { state: 'read' as const, token: t };
      }),
      candidates: 1,
      gaveUp: false,
    };
    last.cut = true;
  }
  const lost = new Set<number>();
  for (let s = at + 1; s < spec.length; s++) lost.add(s);
  return lost;
}
