import { validationError } from '../errors.ts';
import type { Outcome } from './decisions.ts';
import { OUTCOME_RULES } from './decisions.ts';

/**
 * The remedies paragraph every reply letter carries (STATUTE.md §4; 行政复议法 as revised 2023, in force
 * 2024-01-01; 行政诉讼法):
 * - 行政复议 within 60 days of knowing the act (复议法 Art. 20);
 * - the reconsideration body: for a 本级人民政府工作部门 the 本级人民政府 (Art. 24(1)(1)); for a people's government
 *   the government one level up (Art. 24(1)(2)), a provincial government itself (Art. 24 ¶2); the 上一级主管部门
 *   only for vertically-led bodies (Art. 27) — pre-2024 templates offering 上一级主管部门 to a department are out of date;
 * - 复议前置 after 不予公开 (Art. 23(1)(4)): reconsideration first, then suit within 15 days of the reconsideration
 *   decision (行政诉讼法 Art. 45); otherwise reconsideration within 60 days or suit within 6 months (Art. 46).
 */

/** The agency kinds of the agency register (persistence schema `agencies.kind`). */
export const AGENCY_KINDS = ['government', 'department', 'vertical', 'office'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABEL: Record<AgencyKind, string> = {
  government: '人民政府',
  department: '本级人民政府工作部门',
  vertical: '实行垂直领导的行政机关',
  office: '政府办公室（政务公开办）',
};

export type ReconsiderationBody =
  'same_level_government' | 'higher_government' | 'self' | 'higher_department';

export const RECONSIDERATION_DAYS = 60;
export const LITIGATION_MONTHS = 6;
export const LITIGATION_AFTER_RECONSIDERATION_DAYS = 15;

/**
 * Which body hears a reconsideration of this agency's acts, and the article. A 政府办公室 is a working
 * department of its government, so it is treated as a department.
 */
export function reconsiderationBody(
  kind: AgencyKind,
  provincial = false,
): { body: ReconsiderationBody; article: string } {
  switch (kind) {
    case 'department':
    case 'office':
      return { body: 'same_level_government', article: '行政复议法第二十四条第一款第（一）项' };
    case 'government':
      return provincial
        ? { body: 'self', article: '行政复议法第二十四条第二款' }
        : { body: 'higher_government', article: '行政复议法第二十四条第一款第（二）项' };
    case 'vertical':
      return { body: 'higher_department', article: '行政复议法第二十七条' };
  }
}

/**
 * Whether a reply of this outcome must tell the applicant to seek reconsideration first: every 不予公开
 * (OUTCOME_RULES), and （四）2 没有现成信息需要另行制作 — a refusal to provide — unless the agency's setting chooses
 * to offer both remedies.
 */
export function reconsiderationFirstFor(outcome: Outcome, needsCreationFirst = true): boolean {
  if (outcome === 'unable_needs_creation') return needsCreationFirst;
  return OUTCOME_RULES[outcome].reconsiderationFirst;
}

export interface RemediesInput {
  agencyKind: AgencyKind;
  /** a 省、自治区、直辖市人民政府, which hears reconsiderations of its own acts */
  provincial?: boolean;
  /** the name of the reconsideration body (e.g. '某市某区人民政府'), resolved by the caller from the hierarchy */
  bodyName: string;
  outcome: Outcome;
  /** the agency's setting for （四）2 (reconsiderationFirstFor); default: reconsideration first */
  needsCreationReconsiderationFirst?: boolean;
}

export interface Remedies {
  body: ReconsiderationBody;
  bodyName: string;
  reconsiderationFirst: boolean;
  reconsiderationDays: number;
  /** months to sue directly; null when reconsideration must come first */
  litigationMonths: number | null;
  /** short citations (citations.ts), in order */
  articles: string[];
  /** the paragraph, sentence by sentence, for the letter */
  sentences: string[];
}

export function remedies(input: RemediesInput): Remedies {
  const { body, article } = reconsiderationBody(input.agencyKind, input.provincial ?? false);
  const name = input.bodyName.trim();
  if (name === '') throw validationError('bodyName', '须提供行政复议机关名称');
  const first = reconsiderationFirstFor(input.outcome, input.needsCreationReconsiderationFirst ?? true);
  const apply = `自收到本告知书之日起${RECONSIDERATION_DAYS}日内向${name}申请行政复议`;
  if (first)
    return {
      body,
      bodyName: name,
      reconsiderationFirst: true,
      reconsiderationDays: RECONSIDERATION_DAYS,
      litigationMonths: null,
      articles: [
        '行政复议法第二十条',
        article,
        '行政复议法第二十三条第一款第（四）项',
        '行政诉讼法第四十五条',
      ],
      sentences: [
        `根据《中华人民共和国行政复议法》第二十三条的规定，对本机关${input.outcome === 'unable_needs_creation' ? '不予提供' : '不予公开'}政府信息的决定不服的，应当先申请行政复议。`,
        `申请人可以${apply}；对行政复议决定不服的，可以自收到行政复议决定书之日起${LITIGATION_AFTER_RECONSIDERATION_DAYS}日内依法向人民法院提起行政诉讼。`,
      ],
    };
  return {
    body,
    bodyName: name,
    reconsiderationFirst: false,
    reconsiderationDays: RECONSIDERATION_DAYS,
    litigationMonths: LITIGATION_MONTHS,
    articles: ['行政复议法第二十条', article, '行政诉讼法第四十六条'],
    sentences: [
      `申请人如对本答复不服，可以${apply}，也可以自收到本告知书之日起${LITIGATION_MONTHS}个月内依法向人民法院提起行政诉讼。`,
    ],
  };
}
