import type { Cell } from '../report/cell.ts';
import type { AnnualReport, Narrative } from '../report/model.ts';
import { getCell } from '../report/model.ts';
import { requestRows } from '../report/table3.ts';
import type { RequestGroup } from '../report/table3.ts';

/**
 * Sections 一, 五 and 六 pre-filled from a template with the year's figures. Every figure the template quotes is
 * read from the report's own tables, in words the validator's narrative rule (`quotedFigures`) recognises, so a
 * fresh narrative agrees with the tables; staff then edit it and the rule checks their edits. A figure not known
 * yet (a blank cell of table 二) is printed as 〔待填〕, which quotes no number.
 */
export interface NarrativeFacts {
  agencyName: string;
  /** a 本级人民政府 also reports 工作考核、社会评议和责任追究 (条例 Art. 50(4)) */
  government: boolean;
  /** proactive items published through the catalog in the year, when the catalog counts them */
  proactiveItems: number | null;
  /** replies sent in the year, and how many after their due date */
  replies: { sent: number; late: number };
  /** 信息处理费 (国办函〔2020〕109号): notices served in the year and the amount paid, in 元 */
  fees: { notices: number; paidYuan: number };
  /** decided cases of table 四 whose result was 纠正 */
  corrected: number;
  /** 政策解读 (and how many went out with their document) and 回应关切 published in the year (issue 18) */
  explained?: { interpretations: number; withDocument: number; responses: number };
}

/** Words chosen so the narrative rule reads no claim in them (no 规范性文件 before the figures). */
function explainedSentence(facts: NarrativeFacts): string {
  const e = facts.explained;
  if (!e || (e.interpretations === 0 && e.responses === 0)) return '';
  const together = e.interpretations > 0 ? `（其中与所解读的文件同步发布${e.withDocument}篇）` : '';
  return `发布政策解读${e.interpretations}篇${together}，回应社会关切${e.responses}条。`;
}

export const PLACEHOLDER = '〔待填〕';
const fig = (v: Cell) => (v === null ? PLACEHOLDER : String(v));

function sumGroup(report: AnnualReport, group: RequestGroup): number {
  return requestRows(report.format)
    .filter((r) => r.result && r.group === group)
    .reduce((s, r) => s + (getCell(report, 'requests', r.key, 'total') ?? 0), 0);
}

function activeSentence(report: AnnualReport): string {
  const a = (row: string, column: string) => fig(getCell(report, 'active', row, column));
  const documents =
    report.format === '2021'
      ? `本年制发行政规范性文件${a('normative_documents', 'issued')}件，废止${a('normative_documents', 'repealed')}件，现行有效${a('normative_documents', 'in_force')}件`
      : `本年新制作规范性文件${a('normative_documents', 'made')}件，新公开${a('normative_documents', 'published')}件，对外公开总数${a('normative_documents', 'total')}件`;
  return `${documents}；作出行政许可决定${a('licensing', 'decisions')}件，行政处罚决定${a('penalty', 'decisions')}件，行政强制决定${a('coercion', 'decisions')}件，均按规定予以公开。`;
}

export function narrativeTemplate(report: AnnualReport, facts: NarrativeFacts): Narrative {
  const year = report.year ?? '';
  const r = (row: string) => getCell(report, 'requests', row, 'total') ?? 0;
  const ap = (group: string) => getCell(report, 'appeals', group, 'total') ?? 0;
  const litigation = ap('litigation_direct') + ap('litigation_after_reconsideration');
  const onTime =
    facts.replies.sent > 0
      ? `按时答复率${(((facts.replies.sent - facts.replies.late) / facts.replies.sent) * 100).toFixed(1)}%。`
      : '';
  const items =
    facts.proactiveItems !== null ? `通过政府信息公开平台主动公开政府信息${facts.proactiveItems}条；` : '';
  const overview = [
    `${year}年，${facts.agencyName}坚持以公开为常态、不公开为例外，认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。现将本年度政府信息公开工作情况报告如下。`,
    `（一）主动公开。${items}${activeSentence(report)}${explainedSentence(facts)}`,
    `（二）依申请公开。本年新收政府信息公开申请${r('new_received')}件，上年结转${r('carried_over')}件；办结${r('total')}件，其中予以公开${r('granted')}件，部分公开${r('partially_granted')}件，不予公开${sumGroup(report, 'denied')}件，无法提供${sumGroup(report, 'unable')}件，不予处理${sumGroup(report, 'not_handled')}件，其他处理${sumGroup(report, 'other')}件；结转下年度继续办理${r('carry_forward')}件。${onTime}`,
    '（三）政府信息管理。落实政府信息公开保密审查制度，信息公开前逐条审查；动态更新政府信息公开指南和目录，定期清理规范性文件。',
    '（四）政府信息公开平台建设。依托政府门户网站政府信息公开专栏集中发布政府信息，及时更新栏目内容，保障公众便捷获取。',
    `（五）监督保障。健全政府信息公开工作制度，加强业务培训。本年因政府信息公开工作被申请行政复议${ap('reconsideration')}件，被提起行政诉讼${litigation}件。`,
  ];
  if (facts.government)
    overview.push('本级人民政府将政府信息公开工作纳入年度绩效考核，开展社会评议，本年度未发生责任追究情况。');

  const problems = [
    '本年度政府信息公开工作仍存在一些不足：主动公开内容的深度和解读质量有待提高，依申请公开答复的规范化水平需进一步提升。',
  ];
  if (facts.replies.late > 0)
    problems.push(
      `本年有${facts.replies.late}件答复超过法定期限，下一步将加强期限提醒和督办，确保按时答复。`,
    );
  if (facts.corrected > 0)
    problems.push(`本年被复议机关或人民法院纠正的案件${facts.corrected}件，将认真分析原因，规范答复行为。`);
  problems.push('下一步，将加强政府信息公开业务培训，完善工作机制，不断提高政府信息公开工作质量。');

  const other =
    facts.fees.notices > 0
      ? `依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度发出收费通知${facts.fees.notices}份，收取信息处理费${facts.fees.paidYuan}元。无其他需要报告的事项。`
      : '本年度未收取信息处理费。无其他需要报告的事项。';
  return { overview: overview.join('\n'), problems: problems.join('\n'), other };
}
