import { formatForYear } from '../report/format.ts';
import type { CsvRow } from './csv.ts';
import type { YearlyFigure } from './yearly-figures.ts';
import { checkFigure, enteredCells, LIFECYCLE_ROWS } from './yearly-figures.ts';
import { activeCells } from '../report/table2.ts';

/**
 * Importing yearly figures from a CSV or XLSX sheet. One figure per row; the columns are found by their
 * headers, in any order: 年度, 事项 (or 信息内容: the row label of table 二, e.g. 行政许可), 指标 (the column label,
 * e.g. 本年处理决定数量), 数值, and optionally 备注. Labels are those of the layout of the row's year. Every
 * problem is reported with its row and column; nothing is imported unless every row is valid.
 */
export const IMPORT_HEADERS = {
  year: '年度',
  row: '事项',
  column: '指标',
  value: '数值',
  note: '备注',
} as const;
const HEADER_ALIASES: Record<keyof typeof IMPORT_HEADERS, readonly string[]> = {
  year: ['年度', '年份'],
  row: ['事项', '信息内容', '项目'],
  column: ['指标', '统计项'],
  value: ['数值', '数量', '金额'],
  note: ['备注', '说明'],
};

export interface ImportProblem {
  /** the spreadsheet row (1 = the header row) */
  row: number;
  /** the column header the problem is about, when one */
  column: string | null;
  message: string;
}

/** Labels compared without spaces and with ASCII brackets and colons made full-width. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/:/g, '：');
}

function parseNumber(text: string): number | null {
  const t = text.normalize('NFKC').replace(/[,\s]/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}

export function parseFigureRows(rows: readonly CsvRow[]): {
  figures: YearlyFigure[];
  problems: ImportProblem[];
} {
  const problems: ImportProblem[] = [];
  const header = rows[0];
  if (!header)
    return {
      figures: [],
      problems: [
        { row: 1, column: null, message: '文件为空：第一行应为表头（年度、事项、指标、数值、备注）' },
      ],
    };
  const index: Partial<Record<keyof typeof IMPORT_HEADERS, number>> = {};
  header.cells.forEach((cell, i) => {
    const label = normaliseLabel(cell);
    for (const [key, aliases] of Object.entries(HEADER_ALIASES) as [
      keyof typeof IMPORT_HEADERS,
      readonly string[],
    ][])
      if (aliases.includes(label) && index[key] === undefined) index[key] = i;
  });
  for (const key of ['year', 'row', 'column', 'value'] as const)
    if (index[key] === undefined)
      problems.push({
        row: header.line,
        column: IMPORT_HEADERS[key],
        message: `表头缺少“${IMPORT_HEADERS[key]}”列`,
      });
  if (problems.length > 0) return { figures: [], problems };

  const figures: YearlyFigure[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows.slice(1)) {
    const get = (key: keyof typeof IMPORT_HEADERS) =>
      index[key] === undefined ? '' : (cells[index[key]] ?? '').trim();
    const fail = (key: keyof typeof IMPORT_HEADERS, message: string) =>
      problems.push({
        row: line,
        column: IMPORT_HEADERS[key],
        message: `第 ${line} 行“${IMPORT_HEADERS[key]}”列：${message}`,
      });
    const yearText = get('year').replace(/年$/, '');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 2008 || year > 2100) {
      fail('year', `“${get('year')}”不是有效年度（应为 2008–2100 的四位数字）`);
      continue;
    }
    const format = formatForYear(year);
    const rowLabel = normaliseLabel(get('row'));
    const columnLabel = normaliseLabel(get('column'));
    const lifecycle = activeCells(format).find(
      (c) => LIFECYCLE_ROWS.includes(c.row.key) && normaliseLabel(c.row.label) === rowLabel,
    );
    if (lifecycle) {
      fail('row', `“${get('row')}”的件数由规章和规范性文件台账自动统计，不能导入`);
      continue;
    }
    const candidates = enteredCells(format).filter((c) => normaliseLabel(c.rowLabel) === rowLabel);
    if (candidates.length === 0) {
      const labels = [...new Set(enteredCells(format).map((c) => c.rowLabel))].join('、');
      fail('row', `“${get('row')}”不是 ${year} 年度表二中需要填报的事项（可填：${labels}）`);
      continue;
    }
    const cell = candidates.find((c) => normaliseLabel(c.columnLabel) === columnLabel);
    if (!cell) {
      fail(
        'column',
        `“${get('row')}”没有“${get('column')}”这一指标（可填：${candidates.map((c) => c.columnLabel).join('、')}）`,
      );
      continue;
    }
    const value = parseNumber(get('value'));
    if (value === null) {
      fail('value', `“${get('value')}”不是数字`);
      continue;
    }
    const bad = checkFigure(cell.kind, value);
    if (bad) {
      fail('value', `${cell.rowLabel}“${cell.columnLabel}”${bad}`);
      continue;
    }
    const id = `${year}:${cell.key}`;
    const first = seen.get(id);
    if (first !== undefined) {
      fail('row', `${year} 年度“${cell.rowLabel}”的“${cell.columnLabel}”与第 ${first} 行重复`);
      continue;
    }
    seen.set(id, line);
    figures.push({ year, key: cell.key, value, note: get('note') || null });
  }
  if (rows.length < 2) problems.push({ row: header.line, column: null, message: '文件只有表头，没有数据行' });
  return { figures, problems };
}
