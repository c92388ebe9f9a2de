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

const sumRows = (r: AnnualReport, prefix: string) =>
  Object.entries(tableOf(r, 'requests'))
    .filter(([row]) => row.startsWith(prefix))
    .reduce((a, [, cols]) => a + (cols.total ?? 0), 0);

const CLAIMS: readonly Claim[] = [
  {
    key: 'granted_or_partial',
    units: '件|份',
    keyword: /予以公开(?:及|和|或)部分公开/g,
    tableLabel: '表三（一）予以公开与（二）部分公开（总计）之和',
    accepted: (r) => [
      cell(r, 'requests', 'granted', 'total') + cell(r, 'requests', 'partially_granted', 'total'),
    ],
  },
  {
    key: 'granted',
    units: '件|份',
    keyword: /予以公开(?!(?:及|和|或)部分公开)/g,
    tableLabel: '表三（一）予以公开（总计）',
    accepted: (r) => [cell(r, 'requests', 'granted', 'total')],
  },
  {
    key: 'unable',
    units: '件|份',
    keyword: /无法提供/g,
    tableLabel: '表三（四）无法提供各项（总计）之和',
    accepted: (r) => [sumRows(r, 'unable_')],
  },
  {
    key: 'not_handled',
    units: '件|份',
    keyword: /不予处理/g,
    tableLabel: '表三（五）不予处理各项（总计）之和',
    accepted: (r) => [sumRows(r, 'not_handled_')],
  },
  {
    key: 'denied',
    units: '件|份',
    keyword: /不予公开/g,
    tableLabel: '表三（三）不予公开各项（总计）之和',
    accepted: (r) => [sumRows(r, 'denied_')],
  },
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
        // “规范性文件等112件”, “行政复议或诉讼案件”: a figure about a list of things, not this one
        if (/^[^\d]*(?:等|及其他|和其他)/.test(figure[0])) continue;
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

const CLAIM_TABLE: Record<string, 'active' | 'requests' | 'appeals'> = {
  penalty: 'active',
  licensing: 'active',
  normative_documents: 'active',
  reconsideration: 'appeals',
  litigation: 'appeals',
};

/** “均获维持” and the like: every appeal said to be upheld. */
const ALL_UPHELD = /(?:均|全部|都)(?:获|被|予以)?(?:维持|胜诉)/;

/**
 * What a reader checks in the sections themselves: 五 (problems and improvements, 条例第五十条) is not empty or
 * “无”; a 2021-format 六 reports the 信息处理费 charged (国办公开办函〔2021〕30号, 国办函〔2020〕109号); “均获维持”
 * is not said while table 四 shows cases corrected or pending.
 */
function checkSections(report: AnnualReport, narrative: Narrative): Finding[] {
  const findings: Finding[] = [];
  const problems = narrative.problems.replace(/[\s。.]/g, '');
  if (problems === '' || problems === '无')
    findings.push({
      code: 'narrative.problems_empty',
      severity: 'warning',
      location: { table: 'narrative', row: 'problems' },
      actual: narrative.problems.trim(),
      message: `第五部分“存在的主要问题及改进情况”${problems === '' ? '没有内容' : '只写了“无”'}；条例第五十条要求报告存在的主要问题及改进情况。`,
    });
  if (report.format === '2021' && !/信息处理费|处理费/.test(narrative.other))
    findings.push({
      code: 'narrative.fee_missing',
      severity: 'warning',
      location: { table: 'narrative', row: 'other' },
      message:
        '第六部分“其他需要报告的事项”没有报告信息处理费的收取情况（2021 年版格式，国办公开办函〔2021〕30号；国办函〔2020〕109号），未收取的也应写明。',
    });
  const text = [narrative.appeals, narrative.overview].filter(Boolean).join('\n');
  const upheld = ALL_UPHELD.exec(text);
  if (upheld && !report.missing?.some((p) => p.startsWith('appeals.'))) {
    const groups = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'];
    const corrected = groups.reduce((a, g) => a + cell(report, 'appeals', g, 'corrected'), 0);
    const pending = groups.reduce((a, g) => a + cell(report, 'appeals', g, 'pending'), 0);
    const other = groups.reduce((a, g) => a + cell(report, 'appeals', g, 'other'), 0);
    if (corrected + pending + other > 0)
      findings.push({
        code: 'narrative.all_upheld',
        severity: 'warning',
        location: {
          table: 'narrative',
          row: narrative.appeals && ALL_UPHELD.test(narrative.appeals) ? 'appeals' : 'overview',
        },
        actual: upheld[0],
        message: `正文写“${upheld[0]}”，但表四有${[corrected ? `结果纠正 ${corrected} 件` : '', other ? `其他结果 ${other} 件` : '', pending ? `尚未审结 ${pending} 件` : ''].filter(Boolean).join('、')}。`,
      });
  }
  return findings;
}

export function checkNarrative(report: AnnualReport): Finding[] {
  if (!report.narrative) return [];
  const findings: Finding[] = [...checkSections(report, report.narrative)];
  const seen = new Set<string>();
  for (const figure of quotedFigures(report.narrative)) {
    const claim = CLAIMS.find((c) => c.key === figure.claim)!;
    if (seen.has(`${claim.key}:${figure.value}`)) continue;
    seen.add(`${claim.key}:${figure.value}`);
    // a table with cells not read cannot contradict anything
    const table = CLAIM_TABLE[claim.key] ?? 'requests';
    if (report.missing?.some((p) => p.startsWith(`${table}.`))) continue;
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
