import type { TableKey } from '../report/cell.ts';
import { cellPath, TABLE_NUMBER } from '../report/cell.ts';
import type { Finding } from '../report/finding.ts';
import type { AnnualReport } from '../report/model.ts';
import { getCell } from '../report/model.ts';
import { reportCells } from '../report/validate/cells.ts';
import { cellName, listNames } from '../report/validate/labels.ts';
import { blockingFindings, NARRATIVE_SECTION_LABEL, NARRATIVE_SECTIONS } from './assemble.ts';
import type { NarrativeSection } from './assemble.ts';
import { PLACEHOLDER } from './narrative-template.ts';

/**
 * What is still missing from a report before it may be submitted, cleared or published (issue 12 point 7; 条例
 * Art. 49, 50 name its contents): a 〔待填〕 the template left in the narrative, a section left empty, a blank
 * cell of tables 二–四 (a zero is written "0", never left blank), and every error-level finding that blocks
 * (blockingFindings). The list is data, in print order, each item saying where and what in Chinese.
 */
export type ReportGapKind = 'placeholder' | 'empty_section' | 'blank_cell' | 'error';

export const REPORT_GAP_LABEL: Record<ReportGapKind, string> = {
  placeholder: '正文待填',
  empty_section: '正文空白',
  blank_cell: '空白单元格',
  error: '核对错误',
};

export interface ReportGap {
  kind: ReportGapKind;
  /** narrative section, or cell path ("active.licensing.decisions"), or the finding's code */
  where: string;
  message: string;
}

/** A few characters either side of each 〔待填〕, so the author finds it. */
function placeholderContexts(text: string): string[] {
  const out: string[] = [];
  let at = text.indexOf(PLACEHOLDER);
  while (at >= 0) {
    const from = Math.max(0, at - 12);
    const to = Math.min(text.length, at + PLACEHOLDER.length + 4);
    out.push(
      `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`,
    );
    at = text.indexOf(PLACEHOLDER, at + PLACEHOLDER.length);
  }
  return out;
}

export function reportGaps(report: AnnualReport, findings: readonly Finding[]): ReportGap[] {
  const gaps: ReportGap[] = [];
  const narrative = report.narrative ?? { overview: '', problems: '', other: '' };
  for (const section of NARRATIVE_SECTIONS as readonly NarrativeSection[]) {
    const text = narrative[section] ?? '';
    const label = NARRATIVE_SECTION_LABEL[section];
    if (text.trim() === '') {
      gaps.push({ kind: 'empty_section', where: section, message: `正文“${label}”尚未填写` });
      continue;
    }
    const places = placeholderContexts(text);
    if (places.length > 0)
      gaps.push({
        kind: 'placeholder',
        where: section,
        message: `正文“${label}”还有 ${places.length} 处${PLACEHOLDER}：${places.join('；')}`,
      });
  }
  for (const ref of reportCells(report))
    if (getCell(report, ref.table, ref.row, ref.column) === null)
      gaps.push({
        kind: 'blank_cell',
        where: cellPath(ref),
        message: `${cellName(report.format, ref)}未填写`,
      });
  for (const f of blockingFindings(findings)) gaps.push({ kind: 'error', where: f.code, message: f.message });
  return gaps;
}

/**
 * The gaps in one line each group: narrative items whole, blank cells counted per table with the first names,
 * errors whole. For the refusal's message; the full list goes with it as data.
 */
export function summariseGaps(gaps: readonly ReportGap[]): string[] {
  const lines: string[] = [];
  for (const g of gaps) if (g.kind === 'placeholder' || g.kind === 'empty_section') lines.push(g.message);
  const blanks = new Map<TableKey, string[]>();
  for (const g of gaps)
    if (g.kind === 'blank_cell') {
      const table = g.where.split('.')[0] as TableKey;
      (blanks.get(table) ?? blanks.set(table, []).get(table)!).push(g.message.replace(/未填写$/, ''));
    }
  for (const [table, names] of blanks)
    lines.push(
      `表${TABLE_NUMBER[table]}有 ${names.length} 个空白单元格（数量为零应填写“0”）：${listNames(
        names.map((n) => n.replace(`表${TABLE_NUMBER[table]}`, '')),
      )}`,
    );
  for (const g of gaps) if (g.kind === 'error') lines.push(g.message);
  return lines;
}
