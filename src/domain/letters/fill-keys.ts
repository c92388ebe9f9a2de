import type { LetterKind } from './kinds.ts';

/**
 * The editable fill-ins of the letters: one key per fill-in, with the Chinese label the console's template
 * editor shows. `required` fill-ins must not be left blank when a letter is sent (missingFills, document.ts).
 */
export const FILL_KEYS = [
  'reasons',
  'how_to_obtain',
  'published_at',
  'special_route',
  'other_channel',
  'previous_reply',
  'guidance',
  'how_to_submit',
  'information_concerned',
  'reply_method',
  'payment_method',
  'contact',
  'closing_note',
] as const;
export type FillKey = (typeof FILL_KEYS)[number];

export function isFillKey(value: string): value is FillKey {
  return (FILL_KEYS as readonly string[]).includes(value);
}

export interface FillKeySpec {
  key: FillKey;
  label: string;
  /** what goes there, for the editor's help text */
  hint: string;
  required: boolean;
}

const spec = (key: FillKey, label: string, hint: string, required = false): FillKeySpec => ({
  key,
  label,
  hint,
  required,
});

export const FILL_KEY_SPEC: Record<FillKey, FillKeySpec> = {
  reasons: spec('reasons', '理由说明', '向申请人说明作出该答复的具体理由（条例第三十六条）', true),
  how_to_obtain: spec(
    'how_to_obtain',
    '获取信息的方式、途径和时间',
    '提供信息的形式、途径、时间和地点',
    true,
  ),
  published_at: spec(
    'published_at',
    '已主动公开的获取方式、途径',
    '主动公开的载体、栏目或网址（条例第三十六条第（一）项）',
    true,
  ),
  special_route: spec(
    'special_route',
    '依照有关法律、行政法规办理的途径',
    '查询、查阅该类信息的机关和程序（条例第三十六条第（七）项）',
    true,
  ),
  other_channel: spec(
    'other_channel',
    '信访、投诉、举报的相应渠道',
    '受理信访、投诉、举报的机关或渠道（条例第三十九条第一款）',
  ),
  previous_reply: spec('previous_reply', '已作出的答复', '此前答复的日期和文号（条例第三十六条第（六）项）'),
  guidance: spec('guidance', '补正指导和释明', '如何写明所需信息的名称、文号或者特征性描述（条例第三十条）'),
  how_to_submit: spec('how_to_submit', '提交补正或说明的方式', '补正申请或理由说明的提交渠道'),
  information_concerned: spec(
    'information_concerned',
    '涉及的信息和征求意见的原因',
    '申请公开的信息与被征求意见方的关系',
  ),
  reply_method: spec('reply_method', '提出意见的方式', '书面意见的提交方式'),
  payment_method: spec('payment_method', '缴费方式', '缴款渠道、账户或地点'),
  contact: spec('contact', '联系方式', '本机关政府信息公开工作机构的地址、电话'),
  closing_note: spec('closing_note', '结束语', '如“特此告知。”'),
};

/** The fill-ins each kind of letter may carry, in the order they appear. */
export const LETTER_FILL_KEYS: Record<LetterKind, readonly FillKey[]> = {
  reply: [
    'published_at',
    'how_to_obtain',
    'special_route',
    'other_channel',
    'previous_reply',
    'reasons',
    'contact',
    'closing_note',
  ],
  correction: ['guidance', 'how_to_submit', 'contact', 'closing_note'],
  extension: ['contact', 'closing_note'],
  consultation: ['information_concerned', 'reply_method', 'contact', 'closing_note'],
  fee: ['payment_method', 'contact', 'closing_note'],
  reasons: ['how_to_submit', 'contact', 'closing_note'],
  reasonable_deadline: ['contact', 'closing_note'],
};

/** The fill-ins of a kind with their labels, for the template editor. */
export function letterFillKeys(kind: LetterKind): FillKeySpec[] {
  return LETTER_FILL_KEYS[kind].map((key) => FILL_KEY_SPEC[key]);
}
