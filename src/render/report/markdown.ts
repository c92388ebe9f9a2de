import type { AnnualReport, Finding } from '../../domain/report/index.ts';
import {
  activeBlocks,
  APPEAL_COLUMN_LABEL,
  APPEAL_COLUMNS,
  APPEAL_GROUP_LABEL,
  APPEAL_GROUPS,
  APPLICANT_COLUMN_LABEL,
  APPLICANT_COLUMNS,
  BALANCE_NOTE,
  GROUP_HEADING,
  LITIGATION_HEADER,
  ORGANISATION_COLUMNS,
  ORGANISATION_HEADER,
  reportTitle,
  requestRows,
} from '../../domain/report/index.ts';
import { SEVERITY_LABEL } from './findings.ts';
import { cellText } from './layout/index.ts';
import { reportSections } from './narrative.ts';
import type { NarrativeBlock } from './narrative.ts';

/**
 * Markdown of a report: headings, paragraphs and GitHub-flavoured pipe tables. Pipe tables cannot merge
 * cells, so a label carries its path instead (“（三）不予公开 1.属于国家秘密”, “法人或其他组织 商业企业”), and
 * table 四 is printed one row per group. Text is escaped so that no character of the report is read as markup.
 */
const escapeText = (text: string) =>
  text
    .replace(/[\\`*_[\]<>|#~&]/g, '\\$&')
    .replace(/^([-+=]|\d+[.)])(?=\s|$)/, (m) => m.replace(/[-+=.)]$/, '\\$&'));

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [
    line(header.map(escapeText)),
    line(align),
    ...rows.map((r) => line([escapeText(r[0]!), ...r.slice(1)])),
  ].join('\n');
}

const cells = (values: Record<string, number | null>, keys: readonly string[]) =>
  keys.map((k) => cellText(values[k] ?? null));

function activeMarkdown(report: AnnualReport): string[] {
  const data = report.active as unknown as Record<string, Record<string, number | null>>;
  return activeBlocks(report.format).flatMap((block) => [
    `**${escapeText(block.header)}**`,
    table(
      ['信息内容', ...block.columns.map((c) => c.label)],
      block.rows.map((row) => [
        row.label,
        ...cells(
          data[row.key]!,
          block.columns.map((c) => c.key),
        ),
      ]),
    ),
  ]);
}

function requestsMarkdown(report: AnnualReport): string[] {
  const data = report.requests as unknown as Record<string, Record<string, number | null>>;
  const header = [
    BALANCE_NOTE,
    ...APPLICANT_COLUMNS.map((c) =>
      (ORGANISATION_COLUMNS as readonly string[]).includes(c)
        ? `${ORGANISATION_HEADER} ${APPLICANT_COLUMN_LABEL[c]}`
        : APPLICANT_COLUMN_LABEL[c],
    ),
  ];
  const rows = requestRows(report.format).map((row) => [
    row.group ? `${GROUP_HEADING[row.group]} ${row.label}` : row.label,
    ...cells(data[row.key]!, APPLICANT_COLUMNS),
  ]);
  return [table(header, rows)];
}

function appealsMarkdown(report: AnnualReport): string[] {
  const rows = APPEAL_GROUPS.map((group) => [
    group === 'reconsideration'
      ? APPEAL_GROUP_LABEL[group]
      : `${LITIGATION_HEADER} ${APPEAL_GROUP_LABEL[group]}`,
    ...cells(report.appeals[group], APPEAL_COLUMNS),
  ]);
  return [table(['', ...APPEAL_COLUMNS.map((c) => APPEAL_COLUMN_LABEL[c])], rows)];
}

function blockMarkdown(block: NarrativeBlock): string {
  if (block.kind === 'heading') return `### ${escapeText(block.text)}`;
  return block.lead ? `**${escapeText(block.lead)}**${escapeText(block.text)}` : escapeText(block.text);
}

function findingsMarkdown(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ['## 核对结果', '未发现问题。'];
  return [
    '## 核对结果',
    findings.map((f) => `- **${SEVERITY_LABEL[f.severity]}** ${escapeText(f.message)}`).join('\n'),
  ];
}

export function renderReportMarkdown(
  report: AnnualReport,
  options: { findings?: readonly Finding[] } = {},
): string {
  const out = [`# ${escapeText(reportTitle(report.agency, report.year))}`];
  if (options.findings) out.push(...findingsMarkdown(options.findings));
  const tables = [activeMarkdown, requestsMarkdown, appealsMarkdown];
  let tableIndex = 0;
  for (const section of reportSections(report)) {
    out.push(`## ${escapeText(section.heading)}`, ...section.blocks.map(blockMarkdown));
    if (section.table) out.push(...tables[tableIndex++]!(report));
  }
  return out.join('\n\n') + '\n';
}
