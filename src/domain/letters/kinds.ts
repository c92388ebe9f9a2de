/**
 * The letters (告知书) of the application process (条例 Art. 30, 32–34, 36–39, 42; 国办函〔2020〕109号): a closed
 * set. Each action that writes to the applicant or to a party consulted sends exactly one of them.
 */
export const LETTER_KINDS = [
  'reply',
  'correction',
  'extension',
  'consultation',
  'fee',
  'reasons',
  'reasonable_deadline',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === 'string' && (LETTER_KINDS as readonly string[]).includes(value);
}

/** The name of each kind, as the console lists them. */
export const LETTER_KIND_LABEL: Record<LetterKind, string> = {
  reply: '政府信息公开申请答复告知书',
  correction: '补正告知书',
  extension: '延期答复告知书',
  consultation: '征求意见函',
  fee: '收费通知书',
  reasons: '说明理由通知书',
  reasonable_deadline: '确定答复期限告知书',
};

/** The article each kind rests on (short form, citations.ts). */
export const LETTER_KIND_ARTICLE: Record<LetterKind, string> = {
  reply: '条例第三十六条',
  correction: '条例第三十条',
  extension: '条例第三十三条第二款',
  consultation: '条例第三十二条',
  fee: '国办函〔2020〕109号',
  reasons: '条例第三十五条',
  reasonable_deadline: '条例第三十五条',
};

/** The printed titles. The 征求意见函 has two: to a third party (Art. 32) and to another agency (Art. 34). */
export const LETTER_TITLE = {
  reply: '政府信息公开申请答复告知书',
  correction: '政府信息公开申请补正告知书',
  extension: '政府信息公开申请延期答复告知书',
  consultation_third_party: '政府信息公开第三方意见征询函',
  consultation_other_agency: '政府信息公开征求意见函',
  fee: '政府信息公开信息处理费收费通知书',
  reasons: '政府信息公开申请说明理由通知书',
  reasonable_deadline: '政府信息公开申请答复期限告知书',
} as const;
