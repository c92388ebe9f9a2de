import type { AnnualReport, Finding } from '../domain/report/index.ts';
import { APPLICANT_COLUMNS, requestRows } from '../domain/report/index.ts';
import { placeCell } from './place.ts';
import { table3Findings } from './table3-findings.ts';
import { placeRows } from './table3-placement.ts';
import { narrowSplits } from './table3-splits.ts';
import { printedRows, WIDTH } from './table3-rows.ts';
import type { DocRow } from './types.ts';
import { markTableMissing, printsSomething, unreadableTable } from './unreadable.ts';

/**
 * Table 三 (收到和处理政府信息公开申请情况): the printed rows (table3-rows.ts) placed on the statutory rows by
 * label, order and count (table3-placement.ts), written into the report with their sources, and explained
 * (table3-findings.ts). What cannot be fixed stays blank, with a finding naming the rows.
 */
export interface Table3Result {
  findings: Finding[];
  found: boolean;
}

export function parseTable3(docRows: readonly DocRow[], report: AnnualReport): Table3Result {
  const findings: Finding[] = [];
  const format = report.format;
  const rows = printedRows(docRows, format);
  if (rows.length === 0) {
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
