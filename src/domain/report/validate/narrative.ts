import type { Finding } from '../finding.ts';
import type { AnnualReport, Narrative } from '../model.ts';
import { getCell, tableOf } from '../model.ts';

/**
 * Numbers quoted in the narrative that contradict the tables ("受理依申请公开144件" against table 三, "公开行政处罚
 * 案件457起" against table 二). A quoted figure is accepted when it equals any figure the table gives for the
 * same thing; only a figure that matches none is reported, as a warning.
 */
interface Claim {
  key: string;
  /** the words that introduce the figure */
  keyword: RegExp;
  /** what the table says, for the message */
  tableLabel: string;
  /** the units of count the figure is quoted in (事项 counts in 项/个 are a different thing) */
  units: string;
  /** every figure of the tables the quoted number may legitimately be */
  accepted: (report: AnnualReport) => number[];
}

const rowValues = (report: AnnualReport, table: 'active' | 'appeals', row: string): number[] =>
  Object.values(tableOf(report, table)[row] ?? {}).filter((v): v is number => v !== null);
const cell = (report: AnnualReport, table: 'active' | 'requests' | 'appeals', row: string, column: string) =>
  getCell(report, table, row, column) ?? 0;

const CLAIMS: readonly Claim[] = [
  {
    key: 'requests',
    units: '件|份',
    keyword: /依申请公开|政府信息公开申请|信息公开申请|申请公开/g,
    tableLabel: '表三一、本年新收政府信息公开申请数量（总计）',
    accepted: (r) => [
      cell(r, 'requests', 'new_received', 'total'),
      cell(r, 'requests', 'new_received', 'total') + cell(r, 'requests', 'carried_over', 'total'),
      cell(r, 'requests', 'total', 'total'),
    ],
  },
  {
    key: 'penalty',
    units: '件|起|宗',
    keyword: /行政处罚/g,
    tableLabel: '表二行政处罚',
    accepted: (r) => rowValues(r, 'active', 'penalty'),
  },
  {
    key: 'licensing',
    units: '件|起|宗',
    keyword: /行政许可/g,
    tableLabel: '表二行政许可',
    accepted: (r) => rowValues(r, 'active', 'licensing'),
  },
  {
    key: 'normative_documents',
    units: '件|份',
    keyword: /规范性文件/g,
    tableLabel: '表二规范性文件',
    accepted: (r) => rowValues(r, 'active', 'normative_documents'),
  },
  {
    key: 'reconsideration',
    units: '件|起|宗',
    keyword: /行政复议/g,
    tableLabel: '表四行政复议（总计）',
    accepted: (r) => [cell(r, 'appeals', 'reconsideration', 'total')],
  },
  {
    key: 'litigation',
    units: '件|起|宗',
    keyword: /行政诉讼/g,
    tableLabel: '表四行政诉讼（总计）',
    accepted: (r) => [
      cell(r, 'appeals', 'litigation_direct', 'total') +
        cell(r, 'appeals', 'litigation_after_reconsideration', 'total'),
    ],
  },
];

/** After the keyword: up to 12 characters within the clause, then a number and a unit of count. */
const figurePattern = (units: string) =>
  new RegExp(`^[^。；！？\\n\\t\\d]{0,12}?(\\d[\\d,]*)\\s*(?:${units})`);
const FIGURE = new Map(CLAIMS.map((c) => [c.key, figurePattern(c.units)]));

export interface QuotedFigure {
  claim: string;
  section: keyof Narrative;
  value: number;
  /** the quoted words, e.g. "行政处罚共457件" */
  quote: string;
}

export function quotedFigures(narrative: Narrative): QuotedFigure[] {
  const figures: QuotedFigure[] = [];
  for (const [section, text] of Object.entries(narrative) as [keyof Narrative, string | undefined][]) {
    if (!text) continue;
    for (const claim of CLAIMS)
      for (const match of text.matchAll(claim.keyword)) {
        const rest = text.slice(match.index + match[0].length);
        const figure = FIGURE.get(claim.key)!.exec(rest);
        if (!figure) continue;
        figures.push({
          claim: claim.key,
          section,
          value: Number(figure[1]!.replace(/,/g, '')),
          quote: match[0] + figure[0],
        });
      }
  }
  return figures;
}

export function checkNarrative(report: AnnualReport): Finding[] {
  if (!report.narrative) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const figure of quotedFigures(report.narrative)) {
    const claim = CLAIMS.find((c) => c.key === figure.claim)!;
    if (seen.has(`${claim.key}:${figure.value}`)) continue;
    seen.add(`${claim.key}:${figure.value}`);
    const accepted = claim.accepted(report);
    if (accepted.includes(figure.value)) continue;
    findings.push({
      code: 'narrative.mismatch',
      severity: 'warning',
      location: { table: 'narrative', row: figure.section, column: claim.key },
      expected: accepted[accepted.length - 1] ?? null,
      actual: figure.value,
      message: `正文写“${figure.quote}”，与${claim.tableLabel}的数字（${[...new Set(accepted)].join('、')}）不符。`,
    });
  }
  return findings;
}
