import type { LocalDate } from '../calendar/local-date.ts';
import type { AppealColumn, AppealGroup } from '../report/table4.ts';
import { APPEAL_COLUMN_LABEL, APPEAL_GROUPS } from '../report/table4.ts';

/**
 * 行政复议 and 行政诉讼 brought over the agency's 政府信息公开 work (条例 Art. 51): one record per case, linked to the
 * application it concerns when there is one. The kind of case is the group of table 四 it is counted in, so the
 * identifiers are the table's: a case *is* its table 四 row.
 */
export type AppealKind = AppealGroup;
export const APPEAL_KINDS: readonly AppealKind[] = APPEAL_GROUPS;

export const APPEAL_KIND_LABEL: Record<AppealKind, string> = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
};

/** What the body deciding the case is called: the 行政复议机关 or the 人民法院. */
export const APPEAL_BODY_LABEL: Record<AppealKind, string> = {
  reconsideration: '行政复议机关',
  litigation_direct: '人民法院',
  litigation_after_reconsideration: '人民法院',
};

/** The result of a decided case (结果维持 / 结果纠正 / 其他结果). */
export const DECIDED_RESULTS = ['upheld', 'corrected', 'other'] as const;
export type DecidedResult = (typeof DECIDED_RESULTS)[number];

/** The result as table 四 prints it: a decided result, or 尚未审结. */
export type AppealResult = DecidedResult | 'pending';
export const APPEAL_RESULTS: readonly AppealResult[] = [...DECIDED_RESULTS, 'pending'];

export const APPEAL_RESULT_LABEL: Record<AppealResult, string> = {
  upheld: APPEAL_COLUMN_LABEL.upheld,
  corrected: APPEAL_COLUMN_LABEL.corrected,
  other: APPEAL_COLUMN_LABEL.other,
  pending: APPEAL_COLUMN_LABEL.pending,
};

export function isAppealKind(value: unknown): value is AppealKind {
  return typeof value === 'string' && (APPEAL_KINDS as readonly string[]).includes(value);
}

export function isDecidedResult(value: unknown): value is DecidedResult {
  return typeof value === 'string' && (DECIDED_RESULTS as readonly string[]).includes(value);
}

/**
 * One case. Facts only: the decision is its date and result together (both null while pending); whether it
 * is 尚未审结 in a given year's table is derived (counting.ts).
 */
export interface AppealCase {
  id: number;
  agencyId: number;
  /** the application the case concerns (optional: a case may concern 主动公开 or predate the register) */
  applicationId: number | null;
  kind: AppealKind;
  /** 行政复议机关 or 人民法院, e.g. 某市某区人民政府 / 某市某区人民法院 */
  body: string;
  /** 案号, e.g. 某区府复〔2025〕12号 / （2025）浙0102行初45号 */
  caseNumber: string;
  /** 受理（立案）日期: the reconsideration body accepted the application, or the court registered the suit */
  filedOn: LocalDate;
  /** 审结日期: the reconsideration decision or the judgment/ruling that ended the case */
  decidedOn: LocalDate | null;
  result: DecidedResult | null;
  /** 案由 or notes */
  note: string | null;
}

/** The case's result now: its decided result, or 尚未审结. */
export function currentResult(c: Pick<AppealCase, 'result'>): AppealResult {
  return c.result ?? 'pending';
}

/** The table 四 column of a result. */
export function resultColumn(result: AppealResult): Exclude<AppealColumn, 'total'> {
  return result;
}
