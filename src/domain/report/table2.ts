import type { CellKind } from './cell.ts';
import type { ReportFormat } from './format.ts';

/**
 * Table 二 (主动公开政府信息情况), STATUTE.md §1.1. The two formats do not map onto each other
 * (对外公开总数量 ≠ 现行有效件数): two schemas, each a list of blocks.
 */
export interface ActiveColumnSpec {
  key: string;
  label: string;
  kind: CellKind;
}

export interface ActiveRowSpec {
  key: string;
  label: string;
}

export interface ActiveBlockSpec {
  /** e.g. 第二十条第（一）项 — the Art. 20 item the block reports */
  header: string;
  columns: readonly ActiveColumnSpec[];
  rows: readonly ActiveRowSpec[];
}

/** The label column of every block. */
export const ACTIVE_LABEL_HEADER = '信息内容';

const DECISIONS_2021: ActiveColumnSpec = { key: 'decisions', label: '本年处理决定数量', kind: 'count' };

export const ACTIVE_BLOCKS_2021: readonly ActiveBlockSpec[] = [
  {
    header: '第二十条第（一）项',
    columns: [
      { key: 'issued', label: '本年制发件数', kind: 'count' },
      { key: 'repealed', label: '本年废止件数', kind: 'count' },
      { key: 'in_force', label: '现行有效件数', kind: 'count' },
    ],
    rows: [
      { key: 'rules', label: '规章' },
      { key: 'normative_documents', label: '行政规范性文件' },
    ],
  },
  {
    header: '第二十条第（五）项',
    columns: [DECISIONS_2021],
    rows: [{ key: 'licensing', label: '行政许可' }],
  },
  {
    header: '第二十条第（六）项',
    columns: [DECISIONS_2021],
    rows: [
      { key: 'penalty', label: '行政处罚' },
      { key: 'coercion', label: '行政强制' },
    ],
  },
  {
    header: '第二十条第（八）项',
    columns: [{ key: 'amount_wan', label: '本年收费金额（单位：万元）', kind: 'amount' }],
    rows: [{ key: 'fees', label: '行政事业性收费' }],
  },
];

const PREVIOUS: ActiveColumnSpec = { key: 'previous', label: '上一年项目数量', kind: 'count' };
const CHANGE: ActiveColumnSpec = { key: 'change', label: '本年增/减', kind: 'signed_count' };
const DECISIONS_2019: ActiveColumnSpec = { key: 'decisions', label: '处理决定数量', kind: 'count' };

export const ACTIVE_BLOCKS_2019: readonly ActiveBlockSpec[] = [
  {
    header: '第二十条第（一）项',
    columns: [
      { key: 'made', label: '本年新制作数量', kind: 'count' },
      { key: 'published', label: '本年新公开数量', kind: 'count' },
      { key: 'total', label: '对外公开总数量', kind: 'count' },
    ],
    rows: [
      { key: 'rules', label: '规章' },
      { key: 'normative_documents', label: '规范性文件' },
    ],
  },
  {
    header: '第二十条第（五）项',
    columns: [PREVIOUS, CHANGE, DECISIONS_2019],
    rows: [
      { key: 'licensing', label: '行政许可' },
      { key: 'other_services', label: '其他对外管理服务事项' },
    ],
  },
  {
    header: '第二十条第（六）项',
    columns: [PREVIOUS, CHANGE, DECISIONS_2019],
    rows: [
      { key: 'penalty', label: '行政处罚' },
      { key: 'coercion', label: '行政强制' },
    ],
  },
  {
    header: '第二十条第（八）项',
    columns: [PREVIOUS, CHANGE],
    rows: [{ key: 'fees', label: '行政事业性收费' }],
  },
  {
    header: '第二十条第（九）项',
    columns: [
      { key: 'projects', label: '采购项目数量', kind: 'count' },
      { key: 'amount', label: '采购总金额', kind: 'amount' },
    ],
    rows: [{ key: 'procurement', label: '政府集中采购' }],
  },
];

export function activeBlocks(format: ReportFormat): readonly ActiveBlockSpec[] {
  return format === '2019' ? ACTIVE_BLOCKS_2019 : ACTIVE_BLOCKS_2021;
}

/** Every (row, column) of table 二 in print order, with its block and kind. */
export function activeCells(
  format: ReportFormat,
): { block: ActiveBlockSpec; row: ActiveRowSpec; column: ActiveColumnSpec }[] {
  return activeBlocks(format).flatMap((block) =>
    block.rows.flatMap((row) => block.columns.map((column) => ({ block, row, column }))),
  );
}
