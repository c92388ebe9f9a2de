import type { AnnualReport, Finding } from '../domain/report/index.ts';
import { activeBlocks, cellName, markMissing } from '../domain/report/index.ts';
import { fitRow } from './fit.ts';
import { foldWidth, labelKey, lcsLength } from './normalise.ts';
import { placeCell } from './place.ts';
import { dataTokens, splitRow } from './row-cells.ts';
import type { DocRow } from './types.ts';
import { markTableMissing, pictureTable, printsSomething, unreadableTable } from './unreadable.ts';

/**
 * Table 二 (主动公开政府信息情况): blocks headed 第二十条第（X）项, rows found by their statutory labels (规章,
 * 规范性文件, 行政许可 …) whatever the block headings say (they are often missing or misprinted: 第三十条).
 */

const ROW_KEYS: Record<string, string[]> = {
  rules: ['规章'],
  normative_documents: ['规范性文件', '行政规范性文件'],
  licensing: ['行政许可'],
  other_services: ['其他对外管理服务事项'],
  penalty: ['行政处罚'],
  coercion: ['行政强制'],
  fees: ['行政事业性收费'],
  procurement: ['政府集中采购'],
};

function matchRow(label: string, keys: readonly string[]): string | null {
  const key = labelKey(label);
  if (key.length < 2) return null;
  for (const row of keys) if (ROW_KEYS[row]!.includes(key)) return row;
  let best: string | null = null;
  let bestRatio = 0;
  for (const row of keys)
    for (const word of ROW_KEYS[row]!) {
      if (word.length < 4) continue;
      const ratio = lcsLength(key, word) / Math.max(key.length, word.length);
      if (ratio > bestRatio) [best, bestRatio] = [row, ratio];
    }
  return bestRatio >= 0.75 ? best : null;
}

const BLOCK = /第([二三])十条第?\(?([一二三四五六七八九十]{1,2})\)?项/;

/** A block heading of table 二 printed as a paragraph (Markdown, some web pages): “第二十条第（一）项”. */
export function isBlockHeading(text: string): boolean {
  const t = foldWidth(text).replace(/[\s*#]+/g, '');
  return t.length <= 16 && BLOCK.test(t);
}

export interface Table2Result {
  findings: Finding[];
  found: boolean;
}

export function parseTable2(rows: readonly DocRow[], report: AnnualReport): Table2Result {
  const findings: Finding[] = [];
  const format = report.format;
  const blocks = activeBlocks(format);
  const rowKeys = blocks.flatMap((b) => b.rows.map((r) => r.key));
  const headersSeen = new Set<string>();
  const done = new Set<string>();
  for (const row of rows) {
    if (row.prose && !isBlockHeading(row.cells[0]?.text ?? '')) continue;
    const { labels, data } = row.prose ? { labels: row.cells, data: [] } : splitRow(row);
    for (const cell of labels) {
      const m = BLOCK.exec(foldWidth(cell.text).replace(/\s+/g, ''));
      if (!m) continue;
      const header = `第二十条第（${m[2]}）项`;
      headersSeen.add(header);
      if (m[1] === '三')
        findings.push({
          code: 'import.active.heading_typo',
          severity: 'warning',
          location: { table: 'active' },
          actual: trimText(cell.text),
          expected: header,
          message: `表二的标题“${trimText(cell.text)}”应为“${header}”（条例第二十条），已按${header}读取。`,
        });
    }
    if (labels.length === 0 || row.prose) continue;
    const key = matchRow(labels[labels.length - 1]!.text, rowKeys);
    if (!key) continue;
    if (done.has(key)) {
      findings.push({
        code: 'import.active.duplicate_row',
        severity: 'warning',
        location: { table: 'active', row: key },
        message: `表二“${labels[labels.length - 1]!.text.trim()}”行出现了不止一次，只读取了第一次出现的数值。`,
      });
      continue;
    }
    done.add(key);
    const block = blocks.find((b) => b.rows.some((r) => r.key === key))!;
    const width = block.columns.length;
    const { tokens, aligned } = dataTokens(data, width, row.loose);
    const fit = fitRow(tokens, width);
    const unknown: string[] = [];
    block.columns.forEach((column, i) => {
      const placed = placeCell(report, 'active', key, column.key, fit.slots[i]!);
      if (placed.state === 'unknown') unknown.push(placed.path);
    });
    if (!aligned) {
      const label = block.rows.find((r) => r.key === key)!.label;
      const printed = tokens.filter((t) => t.value !== null).length;
      findings.push({
        code: unknown.length > 0 ? 'import.active.cells_unplaced' : 'import.active.cells_count',
        severity: unknown.length > 0 ? 'error' : 'warning',
        location: { table: 'active', row: key },
        expected: width,
        actual: tokens.length,
        message:
          `表二“${label}”行印出 ${tokens.length} 个单元格（其中数字 ${printed} 个），应为 ${width} 个` +
          (unknown.length > 0
            ? `，无法确定各数值所在的列，${unknown.map((p) => cellName(format, parse(p))).join('、')}按缺失处理（不按 0 计算），待核。`
            : '。'),
        ...(unknown.length > 0 ? { cells: unknown } : {}),
      });
    }
  }
  const missingRows = rowKeys.filter((k) => !done.has(k));
  if (done.size === 0) {
    const picture = pictureTable(report, 'active', rows);
    if (picture) {
      findings.push(picture);
      return { findings, found: true };
    }
    if (printsSomething(rows.slice(1))) {
      findings.push(
        unreadableTable(
          report,
          'active',
          rows,
          '其中没有一行能按表二的行名（规章、规范性文件、行政许可……）读取',
        ),
      );
      return { findings, found: true };
    }
    markTableMissing(report, 'active');
    findings.push({
      code: 'import.active.missing',
      severity: 'error',
      location: { table: 'active' },
      message: '未找到表二（主动公开政府信息情况），表二的单元格按缺失处理（不按 0 计算）。',
    });
    return { findings, found: false };
  }
  for (const key of missingRows) {
    const label = blocks.flatMap((b) => b.rows).find((r) => r.key === key)!.label;
    const block = blocks.find((b) => b.rows.some((r) => r.key === key))!;
    markMissing(
      report,
      block.columns.map((c) => `active.${key}.${c.key}`),
    );
    findings.push({
      code: 'import.active.row_missing',
      severity: 'error',
      location: { table: 'active', row: key },
      cells: block.columns.map((c) => `active.${key}.${c.key}`),
      message: `表二缺少“${label}”行（${format}年版格式应有此行），该行的单元格按缺失处理（不按 0 计算）。`,
    });
  }
  for (const block of blocks)
    if (!headersSeen.has(block.header))
      findings.push({
        code: 'import.active.heading_missing',
        severity: 'warning',
        location: { table: 'active' },
        expected: block.header,
        message: `表二缺少“${block.header}”的标题，该部分各行已按行名读取。`,
      });
  return { findings, found: true };
}

const trimText = (t: string) => t.replace(/[\s\u00a0\u3000]+/g, '');
const parse = (path: string) => {
  const [table, row, column] = path.split('.') as ['active', string, string];
  return { table, row, column };
};
