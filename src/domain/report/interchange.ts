import { readCellText } from './cell-text.ts';
import type { Cell, TableKey } from './cell.ts';
import { cellPath } from './cell.ts';
import type { Finding } from './finding.ts';
import { formatForYear, isReportFormat } from './format.ts';
import type { ReportFormat } from './format.ts';
import type { AnnualReport, CellSource, Narrative } from './model.ts';
import { emptyReport, INTERCHANGE_SCHEMA, tableOf } from './model.ts';
import { activeBlocks } from './table2.ts';
import { APPLICANT_COLUMNS, requestRows } from './table3.ts';
import { APPEAL_COLUMNS, APPEAL_GROUPS } from './table4.ts';

/**
 * The JSON interchange format `gongkai.annual-report/1` (shared/reports/README.md) is the report's serialised
 * form. `decodeReport` is lenient: it reads what it can, keeps every cell it cannot read as blank, and returns
 * findings for the structure; cell-level problems (units, text, blanks) are recorded for the validator.
 */
export interface Decoded {
  report: AnnualReport | null;
  findings: Finding[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function detectFormat(input: Json): ReportFormat {
  if (isReportFormat(input.format)) return input.format;
  if (typeof input.format === 'number' && isReportFormat(String(input.format)))
    return String(input.format) as ReportFormat;
  const requests = isObject(input.requests) ? input.requests : {};
  const active = isObject(input.active) ? input.active : {};
  const rules = isObject(active.rules) ? active.rules : {};
  if ('other_handling' in requests || 'made' in rules || 'procurement' in active) return '2019';
  if ('other_no_correction' in requests || 'issued' in rules) return '2021';
  return typeof input.year === 'number' ? formatForYear(input.year) : '2021';
}

const META_KEYS = new Set([
  'schema',
  '$schema',
  'agency',
  'year',
  'format',
  'active',
  'requests',
  'appeals',
  'narrative',
  'cellText',
  'sources',
  'missing',
  // fields of the hand-checked expected files
  'consistent',
  'notes',
  'findings',
]);

export function decodeReport(input: unknown): Decoded {
  const findings: Finding[] = [];
  if (!isObject(input)) {
    findings.push({
      code: 'interchange.not_object',
      severity: 'error',
      location: { table: 'meta' },
      message: '报告数据必须是一个 JSON 对象（gongkai.annual-report/1 格式）。',
    });
    return { report: null, findings };
  }
  const format = detectFormat(input);
  const report = emptyReport(format);
  report.agency = typeof input.agency === 'string' && input.agency.trim() ? input.agency.trim() : null;
  if (typeof input.year === 'number' && Number.isInteger(input.year)) report.year = input.year;
  else if (typeof input.year === 'string' && /^\d{4}$/.test(input.year.trim()))
    report.year = Number(input.year);
  else if (input.year !== undefined && input.year !== null)
    findings.push({
      code: 'interchange.bad_year',
      severity: 'error',
      location: { table: 'meta', column: 'year' },
      actual: String(input.year),
      message: `报告年度“${String(input.year)}”不是四位数年份。`,
    });
  if (input.format !== undefined && !isReportFormat(input.format) && !isReportFormat(String(input.format)))
    findings.push({
      code: 'interchange.bad_format',
      severity: 'error',
      location: { table: 'meta', column: 'format' },
      actual: String(input.format),
      message: `格式“${String(input.format)}”无法识别，只能是 "2019" 或 "2021"；已按表格内容判断为 ${format} 格式。`,
    });
  for (const key of Object.keys(input))
    if (!META_KEYS.has(key))
      findings.push({
        code: 'interchange.unknown_key',
        severity: 'warning',
        location: { table: 'meta', column: key },
        message: `未知字段“${key}”已忽略。`,
      });

  const cellText: Record<string, string> = {};
  if (isObject(input.cellText))
    for (const [path, text] of Object.entries(input.cellText))
      if (typeof text === 'string') cellText[path] = text;

  const readTable = (table: TableKey, rows: { key: string; columns: readonly string[] }[]) => {
    const source = input[table];
    if (source !== undefined && !isObject(source)) {
      findings.push({
        code: 'interchange.bad_table',
        severity: 'error',
        location: { table },
        message: `表格“${table}”必须是对象。`,
      });
      return;
    }
    const given = isObject(source) ? source : {};
    const known = new Set(rows.map((r) => r.key));
    for (const key of Object.keys(given))
      if (!known.has(key))
        findings.push({
          code: 'interchange.unknown_row',
          severity: 'warning',
          location: { table, row: key },
          message: `表格中的行“${key}”不属于 ${format} 格式，已忽略。`,
        });
    const target = tableOf(report, table);
    for (const { key, columns } of rows) {
      const rowValue = given[key];
      const rowObj = isObject(rowValue) ? rowValue : {};
      for (const column of columns) {
        const ref = { table, row: key, column };
        const path = cellPath(ref);
        const raw = rowObj[column];
        let value: Cell = null;
        if (typeof raw === 'number' && Number.isFinite(raw)) value = raw;
        else if (typeof raw === 'string') {
          value = readCellText(raw).value;
          cellText[path] ??= raw;
        } else if (raw !== null && raw !== undefined)
          findings.push({
            code: 'interchange.bad_cell',
            severity: 'error',
            location: { table, row: key, column },
            actual: JSON.stringify(raw).slice(0, 40),
            message: `单元格只能是数字或空（null），这里是 ${JSON.stringify(raw).slice(0, 40)}，已按空白处理。`,
          });
        target[key]![column] = value;
      }
    }
  };
  readTable(
    'active',
    activeBlocks(format).flatMap((b) =>
      b.rows.map((r) => ({ key: r.key, columns: b.columns.map((c) => c.key) })),
    ),
  );
  readTable(
    'requests',
    requestRows(format).map((r) => ({ key: r.key, columns: APPLICANT_COLUMNS })),
  );
  readTable(
    'appeals',
    APPEAL_GROUPS.map((g) => ({ key: g, columns: APPEAL_COLUMNS })),
  );

  if (Object.keys(cellText).length > 0) report.cellText = cellText;
  if (isObject(input.narrative)) {
    const n = input.narrative;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const narrative: Narrative = {
      overview: text(n.overview),
      problems: text(n.problems),
      other: text(n.other),
    };
    for (const key of ['active', 'requests', 'appeals'] as const)
      if (typeof n[key] === 'string') narrative[key] = n[key];
    report.narrative = narrative;
  }
  if (isObject(input.sources)) {
    const sources: Record<string, CellSource> = {};
    for (const [path, s] of Object.entries(input.sources))
      if (isObject(s)) {
        const src: CellSource = {};
        if (typeof s.line === 'number') src.line = s.line;
        if (typeof s.element === 'string') src.element = s.element;
        sources[path] = src;
      }
    report.sources = sources;
  }
  if (Array.isArray(input.missing)) {
    const missing = input.missing.filter(
      (p): p is string =>
        typeof p === 'string' &&
        (() => {
          const [table, row, column] = p.split('.');
          const t =
            table === 'active' || table === 'requests' || table === 'appeals' ? tableOf(report, table) : null;
          return t !== null && row !== undefined && column !== undefined && column in (t[row] ?? {});
        })(),
    );
    // a missing cell holds nothing, whatever the file says
    for (const path of missing) {
      const [table, row, column] = path.split('.') as [TableKey, string, string];
      tableOf(report, table)[row]![column] = null;
    }
    if (missing.length > 0) report.missing = [...new Set(missing)];
  }
  return { report, findings };
}

/** The interchange JSON object of a report (key order follows the statutory order). */
export function encodeReport(report: AnnualReport): Record<string, unknown> {
  const out: Record<string, unknown> = {
    schema: INTERCHANGE_SCHEMA,
    agency: report.agency,
    year: report.year,
    format: report.format,
    active: report.active,
    requests: report.requests,
    appeals: report.appeals,
  };
  if (report.narrative) out.narrative = report.narrative;
  if (report.cellText && Object.keys(report.cellText).length > 0) out.cellText = report.cellText;
  if (report.sources && Object.keys(report.sources).length > 0) out.sources = report.sources;
  if (report.missing && report.missing.length > 0) out.missing = report.missing;
  return out;
}

export function reportToJson(report: AnnualReport): string {
  return JSON.stringify(encodeReport(report), null, 1) + '\n';
}
