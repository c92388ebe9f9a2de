import type { ReportFormat } from './format.ts';

/**
 * Table 三 (收到和处理政府信息公开申请情况), STATUTE.md §1.2. Labels are exact statutory text.
 */

/** The seven data columns: who applied (申请人情况). */
export const APPLICANT_COLUMNS = [
  'natural',
  'commercial',
  'research',
  'nonprofit',
  'legal',
  'other',
  'total',
] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
/** The six columns that add up to 总计 (identity 3). */
export const APPLICANT_PARTS = APPLICANT_COLUMNS.filter(
  (c): c is Exclude<ApplicantColumn, 'total'> => c !== 'total',
);
/** The five 法人或其他组织 columns. */
export const ORGANISATION_COLUMNS = ['commercial', 'research', 'nonprofit', 'legal', 'other'] as const;

export const APPLICANT_COLUMN_LABEL: Record<ApplicantColumn, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal: '法律服务机构',
  other: '其他',
  total: '总计',
};
export const APPLICANT_HEADER = '申请人情况';
export const ORGANISATION_HEADER = '法人或其他组织';
export const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Groups of result rows printed under a common heading row (the rowspans of the official layout). */
export type RequestGroup = 'denied' | 'unable' | 'not_handled' | 'other';

export interface RequestRowSpec {
  key: string;
  label: string;
  /** a short label for messages and narrow screens */
  short: string;
  /** the row is one of the result rows summed into （七）总计 (identity 2) */
  result: boolean;
  /** the sub-item belongs to this group heading */
  group?: RequestGroup;
}

/** Heading rows with no cells of their own. */
export const RESULTS_HEADING = '三、本年度办理结果';
export const GROUP_HEADING: Record<RequestGroup, string> = {
  denied: '（三）不予公开',
  unable: '（四）无法提供',
  not_handled: '（五）不予处理',
  other: '（六）其他处理',
};

const row = (key: string, label: string, short: string, result: boolean, group?: RequestGroup) =>
  ({ key, label, short, result, ...(group ? { group } : {}) }) as RequestRowSpec;

const HEAD: readonly RequestRowSpec[] = [
  row('new_received', '一、本年新收政府信息公开申请数量', '一、本年新收', false),
  row('carried_over', '二、上年结转政府信息公开申请数量', '二、上年结转', false),
  row('granted', '（一）予以公开', '（一）予以公开', true),
  row(
    'partially_granted',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    '（二）部分公开',
    true,
  ),
  row('denied_state_secret', '1.属于国家秘密', '（三）1 国家秘密', true, 'denied'),
  row('denied_prohibited_by_law', '2.其他法律行政法规禁止公开', '（三）2 法律行政法规禁止', true, 'denied'),
  row('denied_three_safeties', '3.危及“三安全一稳定”', '（三）3 三安全一稳定', true, 'denied'),
  row('denied_third_party', '4.保护第三方合法权益', '（三）4 第三方合法权益', true, 'denied'),
  row('denied_internal_affairs', '5.属于三类内部事务信息', '（三）5 内部事务', true, 'denied'),
  row('denied_process_info', '6.属于四类过程性信息', '（三）6 过程性信息', true, 'denied'),
  row('denied_enforcement_file', '7.属于行政执法案卷', '（三）7 行政执法案卷', true, 'denied'),
  row('denied_inquiry_matter', '8.属于行政查询事项', '（三）8 行政查询事项', true, 'denied'),
  row('unable_not_held', '1.本机关不掌握相关政府信息', '（四）1 本机关不掌握', true, 'unable'),
  row('unable_needs_creation', '2.没有现成信息需要另行制作', '（四）2 另行制作', true, 'unable'),
  row('unable_still_unclear', '3.补正后申请内容仍不明确', '（四）3 补正后仍不明确', true, 'unable'),
  row('not_handled_petition', '1.信访举报投诉类申请', '（五）1 信访举报投诉', true, 'not_handled'),
  row('not_handled_repeat', '2.重复申请', '（五）2 重复申请', true, 'not_handled'),
  row('not_handled_publication', '3.要求提供公开出版物', '（五）3 公开出版物', true, 'not_handled'),
  row('not_handled_massive', '4.无正当理由大量反复申请', '（五）4 大量反复申请', true, 'not_handled'),
  row(
    'not_handled_confirm',
    '5.要求行政机关确认或重新出具已获取信息',
    '（五）5 确认或重新出具',
    true,
    'not_handled',
  ),
];

const TAIL: readonly RequestRowSpec[] = [
  row('total', '（七）总计', '（七）总计', false),
  row('carry_forward', '四、结转下年度继续办理', '四、结转下年度', false),
];

/** 2019 format: （六）其他处理 is one row without sub-items. */
export const REQUEST_ROWS_2019: readonly RequestRowSpec[] = [
  ...HEAD,
  row('other_handling', '（六）其他处理', '（六）其他处理', true),
  ...TAIL,
];

/** 2021 format: （六）其他处理 has three sub-items. */
export const REQUEST_ROWS_2021: readonly RequestRowSpec[] = [
  ...HEAD,
  row(
    'other_no_correction',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '（六）1 逾期不补正',
    true,
    'other',
  ),
  row(
    'other_no_fee',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '（六）2 逾期未缴费',
    true,
    'other',
  ),
  row('other_other', '3.其他', '（六）3 其他', true, 'other'),
  ...TAIL,
];

export type RequestRowKey2019 =
  | 'new_received'
  | 'carried_over'
  | 'granted'
  | 'partially_granted'
  | 'denied_state_secret'
  | 'denied_prohibited_by_law'
  | 'denied_three_safeties'
  | 'denied_third_party'
  | 'denied_internal_affairs'
  | 'denied_process_info'
  | 'denied_enforcement_file'
  | 'denied_inquiry_matter'
  | 'unable_not_held'
  | 'unable_needs_creation'
  | 'unable_still_unclear'
  | 'not_handled_petition'
  | 'not_handled_repeat'
  | 'not_handled_publication'
  | 'not_handled_massive'
  | 'not_handled_confirm'
  | 'other_handling'
  | 'total'
  | 'carry_forward';
export type RequestRowKey2021 =
  Exclude<RequestRowKey2019, 'other_handling'> | 'other_no_correction' | 'other_no_fee' | 'other_other';
export type RequestRowKey = RequestRowKey2019 | RequestRowKey2021;
/** A result row: one of the rows summed into （七）总计 — the outcome of one closed application. */
export type ResultRowKey = Exclude<
  RequestRowKey,
  'new_received' | 'carried_over' | 'total' | 'carry_forward'
>;

export function requestRows(format: ReportFormat): readonly RequestRowSpec[] {
  return format === '2019' ? REQUEST_ROWS_2019 : REQUEST_ROWS_2021;
}

export function resultRows(format: ReportFormat): readonly RequestRowSpec[] {
  return requestRows(format).filter((r) => r.result);
}

export function requestRowSpec(format: ReportFormat, key: string): RequestRowSpec | undefined {
  return requestRows(format).find((r) => r.key === key);
}
