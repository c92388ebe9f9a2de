import type { CsvRow } from './csv.ts';
import type { FieldProblem } from './item.ts';
import type { MatterInput } from './matters.ts';
import { checkMatterInput, MATTER_AUDIENCE_LABEL, MATTER_COLUMNS } from './matters.ts';
import { DISCLOSURE_METHOD_LABEL } from './item.ts';

/**
 * The standard catalog as the sheet agencies exchange: one row per 事项 under a header row with the guideline's
 * column labels (any order; "公开层级" may be one column holding 县级、乡级 or two columns 县级 / 乡级 marked ✓).
 * All or nothing: every problem is listed with its row and column.
 */
export interface SheetProblem extends FieldProblem {
  line: number;
}

type Key = (typeof MATTER_COLUMNS)[number][0];

const HEADER_ALIASES: Record<string, Key | 'tiers'> = {
  ...(Object.fromEntries(MATTER_COLUMNS.map(([k, label]) => [label, k])) as Record<string, Key>),
  公开内容: 'content',
  '公开内容(要素)': 'content',
  公开渠道: 'channels',
  公开渠道和载体: 'channels',
  公开层级: 'tiers',
  县级: 'county',
  乡级: 'township',
};

const norm = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
const ALIASES = new Map(Object.entries(HEADER_ALIASES).map(([k, v]) => [norm(k), v]));
const YES = /^(√|✓|✔|●|是|有|1|true|Y|y)$/;

export function matterRowsToInputs(rows: readonly CsvRow[]): {
  matters: MatterInput[];
  problems: SheetProblem[];
} {
  const problems: SheetProblem[] = [];
  const headerIndex = rows.findIndex((r) => r.cells.some((c) => ALIASES.get(norm(c)) === 'level1'));
  if (headerIndex < 0)
    return {
      matters: [],
      problems: [{ line: 1, field: 'file', message: '找不到表头：第一行应包含“一级事项”“二级事项”等列名' }],
    };
  const header = rows[headerIndex]!;
  const columns = new Map<Key | 'tiers', number>();
  header.cells.forEach((c, i) => {
    const key = ALIASES.get(norm(c));
    if (key && !columns.has(key)) columns.set(key, i);
  });
  for (const required of ['level1', 'level2', 'timeLimit'] as const)
    if (!columns.has(required))
      problems.push({
        line: header.line,
        field: required,
        message: `第 ${header.line} 行表头缺少“${MATTER_COLUMNS.find(([k]) => k === required)![1]}”列`,
      });
  if (problems.length > 0) return { matters: [], problems };
  const matters: MatterInput[] = [];
  const label = Object.fromEntries(MATTER_COLUMNS) as Record<Key, string>;
  let last1 = '';
  for (const row of rows.slice(headerIndex + 1)) {
    const cell = (k: Key | 'tiers') => {
      const i = columns.get(k);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    // a merged 一级事项 cell is read as blank below its first row: it carries down
    const level1 = cell('level1') || last1;
    last1 = level1;
    const audienceText = cell('audience') || '全社会';
    const audience = (Object.entries(MATTER_AUDIENCE_LABEL).find(([, l]) => audienceText.includes(l))?.[0] ??
      null) as MatterInput['audience'] | null;
    const methodText = cell('method') || '主动公开';
    const method = methodText.includes('依申请')
      ? 'on_request'
      : methodText.includes('主动')
        ? 'proactive'
        : null;
    const tiers = cell('tiers');
    const county = columns.has('tiers') ? tiers.includes('县') : YES.test(cell('county'));
    const township = columns.has('tiers') ? tiers.includes('乡') : YES.test(cell('township'));
    const at = `第 ${row.line} 行`;
    if (!audience)
      problems.push({
        line: row.line,
        field: 'audience',
        message: `${at}“${label.audience}”应为全社会或特定群体（现为“${audienceText}”）`,
      });
    if (!method)
      problems.push({
        line: row.line,
        field: 'method',
        message: `${at}“${label.method}”应为${DISCLOSURE_METHOD_LABEL.proactive}或${DISCLOSURE_METHOD_LABEL.on_request}（现为“${methodText}”）`,
      });
    const input: MatterInput = {
      level1,
      level2: cell('level2'),
      content: cell('content'),
      basis: cell('basis'),
      timeLimit: cell('timeLimit'),
      subject: cell('subject'),
      channels: cell('channels'),
      audience: audience ?? 'public',
      method: method ?? 'proactive',
      county,
      township,
    };
    for (const p of checkMatterInput(input))
      if (p.field !== 'audience' && p.field !== 'method')
        problems.push({ line: row.line, field: p.field, message: `${at}：${p.message}` });
    matters.push(input);
  }
  const seen = new Map<string, number>();
  matters.forEach((m, i) => {
    const key = `${m.level1}\u0000${m.level2}`;
    const line = rows[headerIndex + 1 + i]!.line;
    if (seen.has(key))
      problems.push({
        line,
        field: 'level2',
        message: `第 ${line} 行的事项“${m.level1} / ${m.level2}”与第 ${seen.get(key)} 行重复`,
      });
    else seen.set(key, line);
  });
  if (matters.length === 0 && problems.length === 0)
    problems.push({ line: header.line, field: 'file', message: '表头下没有事项' });
  return { matters, problems };
}

/** A 事项 as a sheet row, in MATTER_COLUMNS order. */
export function matterToRow(m: MatterInput): string[] {
  return MATTER_COLUMNS.map(([k]) => {
    switch (k) {
      case 'audience':
        return MATTER_AUDIENCE_LABEL[m.audience];
      case 'method':
        return DISCLOSURE_METHOD_LABEL[m.method];
      case 'county':
        return m.county ? '√' : '';
      case 'township':
        return m.township ? '√' : '';
      default:
        return m[k];
    }
  });
}
