import type { AnnualReport, Finding } from '../domain/report/index.ts';
import {
  APPEAL_COLUMNS,
  APPEAL_GROUP_LABEL,
  APPEAL_GROUPS,
  cellName,
  parseCellPath,
} from '../domain/report/index.ts';
import type { Token } from './fit.ts';
import { fitRow, sumIdentity } from './fit.ts';
import { labelKey } from './normalise.ts';
import { placeCell } from './place.ts';
import { dataTokens, hasDataValue, splitRow, toToken } from './row-cells.ts';
import type { DocRow } from './types.ts';
import { markTableMissing, pictureTable, printsSomething, unreadableTable } from './unreadable.ts';

/**
 * Table 四 (政府信息公开行政复议、行政诉讼情况): fifteen cells, 行政复议 | 未经复议直接起诉 | 复议后起诉, each
 * 结果维持 结果纠正 其他结果 尚未审结 总计. Usually one data row under a three-row header; some layouts print
 * one row per group (行政复议 0 0 0 0 0). A surplus or missing value is fitted (fit.ts): values are placed only
 * where every way of reading the row agrees, lost cells derived from 总计 = the other four.
 */

export const APPEAL_WIDTH = APPEAL_GROUPS.length * APPEAL_COLUMNS.length;
const GROUP_IDENTITIES = APPEAL_GROUPS.map((_, g) =>
  sumIdentity(
    [0, 1, 2, 3].map((c) => g * 5 + c),
    g * 5 + 4,
  ),
);

const GROUP_KEYS = APPEAL_GROUPS.map((g) => labelKey(APPEAL_GROUP_LABEL[g]));

function groupOf(labels: DocRow['cells']): number {
  for (const cell of labels) {
    const key = labelKey(cell.text);
    const i = GROUP_KEYS.findIndex((g) => key === g || (key.length >= 4 && key.endsWith(g)));
    if (i >= 0) return i;
  }
  return -1;
}

export interface Table4Result {
  findings: Finding[];
  found: boolean;
}

export function parseTable4(rows: readonly DocRow[], report: AnnualReport): Table4Result {
  const findings: Finding[] = [];
  const data: { group: number; cells: DocRow['cells']; loose: boolean }[] = [];
  for (const row of rows) {
    if (row.prose) continue;
    const split = splitRow(row);
    if (!hasDataValue(split.data)) continue;
    data.push({ group: groupOf(split.labels), cells: split.data, loose: row.loose === true });
  }
  if (data.length === 0) {
    const picture = pictureTable(report, 'appeals', rows);
    if (picture) {
      findings.push(picture);
      return { findings, found: true };
    }
    if (printsSomething(rows)) {
      findings.push(
        unreadableTable(report, 'appeals', rows, '其中没有能按行政复议、行政诉讼的十五个单元格读取的数据行'),
      );
      return { findings, found: true };
    }
    markTableMissing(report, 'appeals');
    findings.push({
      code: 'import.appeals.missing',
      severity: 'error',
      location: { table: 'appeals' },
      message:
        '未找到表四（政府信息公开行政复议、行政诉讼情况）的数据行，表四的单元格按缺失处理（不按 0 计算）。',
    });
    return { findings, found: false };
  }
  let tokens: Token[];
  let aligned: boolean;
  const byGroup = data.length === APPEAL_GROUPS.length && data.every((d, i) => d.group === i);
  if (byGroup) {
    const parts = data.map((d) => dataTokens(d.cells, APPEAL_COLUMNS.length, d.loose));
    aligned = parts.every((p) => p.aligned && p.tokens.length === APPEAL_COLUMNS.length);
    tokens = parts.flatMap((p) => p.tokens);
  } else if (data.length === 1) {
    ({ tokens, aligned } = dataTokens(data[0]!.cells, APPEAL_WIDTH, data[0]!.loose));
  } else {
    // the row broken over several lines: its values in print order
    tokens = data.flatMap((d) => d.cells.filter((c) => c.text.trim() !== '').map(toToken));
    aligned = tokens.length === APPEAL_WIDTH;
  }
  const fit = fitRow(
    tokens,
    APPEAL_WIDTH,
    GROUP_IDENTITIES,
    data.every((d) => d.loose),
  );
  const derived: string[] = [];
  const unknown: string[] = [];
  APPEAL_GROUPS.forEach((group, g) =>
    APPEAL_COLUMNS.forEach((column, c) => {
      const placed = placeCell(report, 'appeals', group, column, fit.slots[g * 5 + c]!);
      if (placed.state === 'derived') derived.push(placed.path);
      if (placed.state === 'unknown') unknown.push(placed.path);
    }),
  );
  const run = fit.runTogether;
  if (run)
    findings.push(
      run.options.length === 1
        ? {
            code: 'import.appeals.row_split',
            severity: 'warning',
            location: { table: 'appeals' },
            actual: run.text,
            message: `表四的数字连在一起印出（“${run.text}”）；只有一种拆分能使每组的总计等于结果维持、结果纠正、其他结果、尚未审结之和，已按 ${run.options[0]!.join('、')} 读取（请核对原表）。`,
          }
        : {
            code: 'import.appeals.row_unreadable',
            severity: 'error',
            location: { table: 'appeals' },
            actual: run.text,
            cells: unknown,
            message: `表四无法读取：数字连在一起印出（“${run.text}”），${run.gaveUp ? '可能的拆分方式太多' : `有 ${run.options.length} 种拆分都能使每组的总计成立`}，无法确定，表四的单元格按缺失处理。`,
          },
    );
  else if (!aligned) {
    const k = tokens.length;
    const printed =
      k > APPEAL_WIDTH
        ? `表四数据行印出 ${k} 个数，比 ${APPEAL_WIDTH} 个单元格多 ${k - APPEAL_WIDTH} 个，无法确定多出的是哪一个`
        : `表四数据行只印出 ${k} 个数（应为 ${APPEAL_WIDTH} 个），无法确定缺的是哪几个`;
    const placedAll = unknown.length === 0;
    const zeros = tokens.every((t) => t.value === 0);
    findings.push({
      code: k > APPEAL_WIDTH ? 'import.appeals.extra_cells' : 'import.appeals.missing_cells',
      severity: placedAll ? 'warning' : 'error',
      location: { table: 'appeals' },
      expected: APPEAL_WIDTH,
      actual: k,
      message:
        printed +
        (placedAll
          ? zeros
            ? '；所有数均为 0，无论怎样对应每个单元格都是 0，已按 0 读取。'
            : '；各种可能的对应方式结果一致，已读取。'
          : `；${unknown.map((p) => cellName(report.format, parseCellPath(p)!)).join('、')}无法确定，按缺失处理（不按 0 计算），待核。`),
      ...(unknown.length > 0 ? { cells: unknown } : {}),
    });
  }
  if (derived.length > 0)
    findings.push({
      code: 'import.appeals.derived',
      severity: 'warning',
      location: { table: 'appeals' },
      cells: derived,
      message: `表四有 ${derived.length} 个单元格未能直接读取，按“总计等于结果维持、结果纠正、其他结果、尚未审结之和”推算填入（请核对原表）。`,
    });
  return { findings, found: true };
}
