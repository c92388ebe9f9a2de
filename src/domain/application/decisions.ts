import type { ReportFormat } from '../report/format.ts';
import type { ResultRowKey } from '../report/table3.ts';
import { GROUP_HEADING, requestRowSpec, resultRows } from '../report/table3.ts';

/**
 * The outcome of a closed application (办理结果): exactly one of the result rows of table 三 in the 2021 layout
 * (国办公开办函〔2021〕30号). The row labels are the statutory text in src/domain/report/table3.ts; nothing here
 * retypes them.
 */
export type Outcome = Exclude<ResultRowKey, 'other_handling'>;
export const OUTCOMES = resultRows('2021').map((r) => r.key) as readonly Outcome[];

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

/** The forms of reply of 条例 Art. 36 (1)–(7), and 区分处理 (Art. 37). */
export const REPLY_TYPES = [
  'already_public',
  'disclosed',
  'withheld',
  'not_exist',
  'not_responsible',
  'repeat',
  'special_route',
  'separated',
] as const;
export type ReplyType = (typeof REPLY_TYPES)[number];

export const REPLY_TYPE: Record<ReplyType, { label: string; article: string }> = {
  already_public: { label: '已主动公开，告知获取的方式、途径', article: '条例第三十六条第（一）项' },
  disclosed: { label: '予以提供，或告知获取的方式、途径和时间', article: '条例第三十六条第（二）项' },
  withheld: { label: '不予公开，并说明理由', article: '条例第三十六条第（三）项' },
  not_exist: { label: '经检索没有所申请公开信息，告知该政府信息不存在', article: '条例第三十六条第（四）项' },
  not_responsible: {
    label: '不属于本机关负责公开，告知并说明理由，能够确定的告知负责公开的机关',
    article: '条例第三十六条第（五）项',
  },
  repeat: { label: '重复申请，告知不予重复处理', article: '条例第三十六条第（六）项' },
  special_route: { label: '告知依照有关法律、行政法规的规定办理', article: '条例第三十六条第（七）项' },
  separated: { label: '区分处理：提供可以公开的内容，对不予公开的内容说明理由', article: '条例第三十七条' },
};

export interface OutcomeRule {
  /** the reply types the letter may take; [] when the reply rests on an article outside Art. 36/37 */
  replyTypes: readonly ReplyType[];
  /** articles cited besides the reply type's own (short form, see citations.ts) */
  articles: readonly string[];
  /** 不予公开 (also the withheld part of 部分公开): the letter must name the exemption relied on */
  exemptionRequired: boolean;
  /**
   * 复议前置 (行政复议法 Art. 23(1)(4)): after 不予公开 the applicant must seek reconsideration before suing. Applied
   * to 部分公开 too, whose withheld part is a 不予公开 decision — the safe reading for the applicant.
   */
  reconsiderationFirst: boolean;
  /** how the outcome is reached: a reviewed decision, or the applicant's default (deemed abandoned) */
  reachedBy: 'decision' | 'abandonment';
}

const decided = (
  replyTypes: readonly ReplyType[],
  articles: readonly string[],
  denial = false,
): OutcomeRule => ({
  replyTypes,
  articles,
  exemptionRequired: denial,
  reconsiderationFirst: denial,
  reachedBy: 'decision',
});

/** The closed catalogue (STATUTE.md §2 table, GLOSSARY.md table 三 rows). */
export const OUTCOME_RULES: Record<Outcome, OutcomeRule> = {
  granted: decided(['already_public', 'disclosed'], []),
  partially_granted: decided(['separated'], ['条例第三十六条第（二）项', '条例第三十六条第（三）项'], true),
  denied_state_secret: decided(['withheld'], ['条例第十四条'], true),
  denied_prohibited_by_law: decided(['withheld'], ['条例第十四条'], true),
  denied_three_safeties: decided(['withheld'], ['条例第十四条'], true),
  denied_third_party: decided(['withheld'], ['条例第十五条', '条例第三十二条'], true),
  denied_internal_affairs: decided(['withheld'], ['条例第十六条第一款'], true),
  denied_process_info: decided(['withheld'], ['条例第十六条第二款'], true),
  denied_enforcement_file: decided(['withheld'], ['条例第十六条第二款'], true),
  denied_inquiry_matter: decided(['special_route'], [], true),
  unable_not_held: decided(['not_exist', 'not_responsible'], []),
  unable_needs_creation: decided([], ['条例第三十八条']),
  unable_still_unclear: decided([], ['条例第三十条']),
  not_handled_petition: decided([], ['条例第三十九条第一款']),
  not_handled_repeat: decided(['repeat'], []),
  not_handled_publication: decided([], ['条例第三十九条第二款']),
  not_handled_massive: decided([], ['条例第三十五条']),
  // what an application under the 条例 can ask for: 政府信息 as defined (Art. 2), as it exists (Art. 38)
  not_handled_confirm: decided([], ['条例第二条', '条例第三十八条']),
  other_no_correction: { ...decided([], ['条例第三十条']), reachedBy: 'abandonment' },
  other_no_fee: { ...decided([], ['条例第四十二条', '国办函〔2020〕109号']), reachedBy: 'abandonment' },
  other_other: decided([], []),
};

/** The statutory row label under its group heading: '（三）不予公开 1.属于国家秘密'. */
export function outcomeLabel(outcome: Outcome): string {
  const spec = requestRowSpec('2021', outcome)!;
  return spec.group ? `${GROUP_HEADING[spec.group]} ${spec.label}` : spec.label;
}

/** The short label of the row ('（三）1 国家秘密'). */
export function outcomeShortLabel(outcome: Outcome): string {
  return requestRowSpec('2021', outcome)!.short;
}

/** The row an outcome is counted in: the 2019 layout has one （六）其他处理 row for the three （六） outcomes. */
export function reportRow(outcome: Outcome, format: ReportFormat): ResultRowKey {
  if (format === '2019' && requestRowSpec('2021', outcome)?.group === 'other') return 'other_handling';
  return outcome;
}

/** The decision on an application, as drafted by the handler and approved by a reviewer. */
export interface Decision {
  outcome: Outcome;
  /** one of the outcome's reply types; null when it has none */
  replyType: ReplyType | null;
  /** the exemption relied on, when the outcome requires one: the ground, and any other law and article cited */
  exemption: string | null;
  /** the reasons stated to the applicant (required for every outcome but 予以公开) */
  reasons: string | null;
  /** Art. 36(5): the agency responsible for disclosure and its contact details, when identifiable */
  responsibleAgency: string | null;
}

export interface DecisionProblem {
  field: string;
  message: string;
}

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';

/** Every problem with a drafted decision, each naming its field (`decision.*`). Empty when it is complete. */
export function checkDecision(decision: Decision): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (!isOutcome(decision.outcome))
    return [
      { field: 'decision.outcome', message: `办理结果“${String(decision.outcome)}”不在表三办理结果之列` },
    ];
  const rule = OUTCOME_RULES[decision.outcome];
  const label = outcomeLabel(decision.outcome);
  if (rule.reachedBy === 'abandonment')
    problems.push({
      field: 'decision.outcome',
      message: `“${label}”不是答复决定，应在期限届满后以“视为放弃申请”办结`,
    });
  if (rule.replyTypes.length === 0 && decision.replyType !== null)
    problems.push({ field: 'decision.replyType', message: `“${label}”不适用条例第三十六条的答复类型` });
  if (
    rule.replyTypes.length > 0 &&
    (decision.replyType === null || !rule.replyTypes.includes(decision.replyType))
  )
    problems.push({
      field: 'decision.replyType',
      message: `“${label}”的答复类型应为：${rule.replyTypes.map((t) => `${REPLY_TYPE[t].label}（${REPLY_TYPE[t].article}）`).join('；或')}`,
    });
  if (rule.exemptionRequired && blank(decision.exemption))
    problems.push({
      field: 'decision.exemption',
      message: `“${label}”须写明不予公开所依据的具体情形和法律依据`,
    });
  if (decision.outcome !== 'granted' && blank(decision.reasons))
    problems.push({ field: 'decision.reasons', message: `“${label}”须向申请人说明理由` });
  if (
    decision.replyType === 'not_responsible' &&
    decision.responsibleAgency !== null &&
    blank(decision.responsibleAgency)
  )
    problems.push({ field: 'decision.responsibleAgency', message: '负责公开的行政机关名称不能为空白' });
  return problems;
}

/** The articles a letter cites for a decision, in order, each once (short form; see citations.ts). */
export function legalBasis(decision: Pick<Decision, 'outcome' | 'replyType'>): string[] {
  const rule = OUTCOME_RULES[decision.outcome];
  const own = decision.replyType ? [REPLY_TYPE[decision.replyType].article] : [];
  return [...new Set([...rule.articles, ...own])];
}
