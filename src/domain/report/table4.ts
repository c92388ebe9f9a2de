/**
 * Table 四 (政府信息公开行政复议、行政诉讼情况), STATUTE.md §1.3: identical in both formats. Fifteen data
 * columns in three groups of five; in each group 总计 = 维持 + 纠正 + 其他 + 尚未审结.
 */
export const APPEAL_GROUPS = [
  'reconsideration',
  'litigation_direct',
  'litigation_after_reconsideration',
] as const;
export type AppealGroup = (typeof APPEAL_GROUPS)[number];

export const APPEAL_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type AppealColumn = (typeof APPEAL_COLUMNS)[number];
export const APPEAL_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

export const APPEAL_GROUP_LABEL: Record<AppealGroup, string> = {
  reconsideration: '行政复议',
  litigation_direct: '未经复议直接起诉',
  litigation_after_reconsideration: '复议后起诉',
};
/** The header over the two litigation groups. */
export const LITIGATION_HEADER = '行政诉讼';

export const APPEAL_COLUMN_LABEL: Record<AppealColumn, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};
