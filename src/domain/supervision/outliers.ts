import type { CellRef } from '../report/cell.ts';
import type { Finding } from '../report/finding.ts';
import type { AnnualReport } from '../report/model.ts';
import { getCell } from '../report/model.ts';
import { APPEAL_GROUPS } from '../report/table4.ts';
import { cellName } from '../report/validate/labels.ts';
import { layoutCells } from './cells.ts';
import type { SupervisionSettings } from './settings.ts';

/**
 * Checks a supervisor runs over subordinate agencies' reports that the validator does not: figures that are
 * possible but suspicious (30号: late, inaccurate or copy-paste reports lead to accountability). Warnings only —
 * the agency is asked to confirm, not told it is wrong.
 * - `outlier.requests_equal_licensing`: 本年新收 equals the 行政许可 decisions (seed 000: 1978 and 1978 — a figure
 *   copied into the wrong table);
 * - `outlier.jump`: a key figure grew or shrank by the configured factor since last year;
 * - `outlier.no_requests_many_items`: not one application while table 二 lists many decisions;
 * - `outlier.same_as_previous`: every cell equals last year's (a copied report).
 */
export const OUTLIER_CODES = [
  'outlier.requests_equal_licensing',
  'outlier.jump',
  'outlier.no_requests_many_items',
  'outlier.same_as_previous',
] as const;
export type OutlierCode = (typeof OUTLIER_CODES)[number];

/** Below this, equal figures are a coincidence rather than a copy. */
export const EQUAL_FIGURES_MINIMUM = 10;

interface KeyFigure {
  label: string;
  unit: string;
  /** the cell it is read from, when it is one cell */
  ref: CellRef | null;
  read: (r: AnnualReport) => number | null;
}

const cell = (ref: CellRef) => (r: AnnualReport) => getCell(r, ref.table, ref.row, ref.column);
const NEW_RECEIVED: CellRef = { table: 'requests', row: 'new_received', column: 'total' };

/** The figures watched for jumps. */
export const KEY_FIGURES: readonly KeyFigure[] = [
  { label: '表三“一、本年新收”总计', unit: '件', ref: NEW_RECEIVED, read: cell(NEW_RECEIVED) },
  ...(['licensing', 'penalty', 'coercion'] as const).map((row) => {
    const ref: CellRef = { table: 'active', row, column: 'decisions' };
    const name = { licensing: '行政许可', penalty: '行政处罚', coercion: '行政强制' }[row];
    return { label: `表二“${name}”处理决定数量`, unit: '件', ref, read: cell(ref) };
  }),
  {
    label: '表四复议、诉讼案件总计',
    unit: '件',
    ref: null,
    read: (r) => {
      const totals = APPEAL_GROUPS.map((g) => getCell(r, 'appeals', g, 'total'));
      return totals.every((t) => t === null) ? null : totals.reduce<number>((s, t) => s + (t ?? 0), 0);
    },
  },
];

const times = (a: number, b: number) => (b === 0 ? '从零' : `${(a / b).toFixed(1)} 倍`);

export function findOutliers(
  report: AnnualReport,
  previous: AnnualReport | null,
  settings: Pick<SupervisionSettings, 'jumpFactor' | 'jumpMinimum' | 'manyItems'>,
): Finding[] {
  const findings: Finding[] = [];
  const received = getCell(report, 'requests', 'new_received', 'total');
  const licensing = getCell(report, 'active', 'licensing', 'decisions');
  if (received !== null && received >= EQUAL_FIGURES_MINIMUM && received === licensing)
    findings.push({
      code: 'outlier.requests_equal_licensing',
      severity: 'warning',
      location: { table: 'requests', row: 'new_received', column: 'total' },
      expected: null,
      actual: received,
      message: `表三“一、本年新收”总计 ${received} 件与表二“行政许可”处理决定数量 ${licensing} 件完全相同，可能误把行政许可数量填入了表三，请核实。`,
      cells: ['requests.new_received.total', 'active.licensing.decisions'],
    });

  const decisions = (['licensing', 'penalty', 'coercion'] as const).reduce(
    (s, row) => s + (getCell(report, 'active', row, 'decisions') ?? 0),
    0,
  );
  if (received === 0 && decisions >= settings.manyItems)
    findings.push({
      code: 'outlier.no_requests_many_items',
      severity: 'warning',
      location: { table: 'requests', row: 'new_received', column: 'total' },
      expected: null,
      actual: 0,
      message: `全年未收到政府信息公开申请，但表二行政许可、处罚、强制处理决定共 ${decisions} 件，请核实申请是否漏统计。`,
      cells: ['requests.new_received.total'],
    });

  if (!previous || previous.year === null || report.year === null || previous.year !== report.year - 1)
    return findings;

  for (const figure of KEY_FIGURES) {
    const now = figure.read(report);
    const before = figure.read(previous);
    if (now === null || before === null) continue;
    const [high, low] = now >= before ? [now, before] : [before, now];
    if (high < settings.jumpMinimum || high < settings.jumpFactor * low) continue;
    const grew = now > before;
    findings.push({
      code: 'outlier.jump',
      severity: 'warning',
      location: figure.ref ?? { table: 'appeals' },
      expected: before,
      actual: now,
      message: `${figure.label}由上年度 ${before} ${figure.unit}${grew ? '增至' : '降至'} ${now} ${figure.unit}（${grew ? times(now, before) : `减少 ${Math.round((1 - now / before) * 100)}%`}），变化超过 ${settings.jumpFactor} 倍，请核实。`,
      ...(figure.ref ? { cells: [`${figure.ref.table}.${figure.ref.row}.${figure.ref.column}`] } : {}),
    });
  }

  if (previous.format === report.format) {
    const cells = layoutCells(report.format);
    const values = cells.map((ref) => getCell(report, ref.table, ref.row, ref.column));
    const same = cells.every((ref, i) => values[i] === getCell(previous, ref.table, ref.row, ref.column));
    if (same && values.some((v) => v !== null && v !== 0))
      findings.push({
        code: 'outlier.same_as_previous',
        severity: 'warning',
        location: { table: 'meta' },
        message: `表二、表三、表四的全部数字与上年度报告完全相同，可能照搬了上年度报告，请核实。`,
      });
  }
  return findings;
}

/** The statutory name of a finding's cell, for tables of findings across agencies. */
export function findingPlace(report: AnnualReport, finding: Finding): string {
  const { table, row, column } = finding.location;
  if ((table === 'active' || table === 'requests' || table === 'appeals') && row && column)
    return cellName(report.format, { table, row, column });
  return {
    active: '表二',
    requests: '表三',
    appeals: '表四',
    format: '格式',
    narrative: '正文',
    meta: '报告',
  }[table];
}
