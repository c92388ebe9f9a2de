/**
 * The life of an information item (政府信息) in the catalog: 先审核后公开 — drafted, reviewed (审核), checked for
 * secrets (保密审查, 条例 Art. 17), signed off by a leader (领导签发), published (发布); once public it may be
 * declared 失效, repealed (废止) or withdrawn (撤回). The transitions are data: review.ts.
 */
export const ITEM_STATES = [
  'draft',
  'in_review',
  'secrecy_review',
  'awaiting_signoff',
  'signed',
  'published',
  'expired',
  'repealed',
  'withdrawn',
] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const ITEM_STATE_LABEL: Record<ItemState, string> = {
  draft: '草稿',
  in_review: '待审核',
  secrecy_review: '待保密审查',
  awaiting_signoff: '待领导签发',
  signed: '已签发待发布',
  published: '已发布',
  expired: '已失效',
  repealed: '已废止',
  withdrawn: '已撤回',
};

/** States in which the item is on the public portal. */
export const PUBLIC_STATES: readonly ItemState[] = ['published', 'expired', 'repealed'];

/** States in which the item waits for someone in the review chain. */
export const REVIEW_QUEUE_STATES: readonly ItemState[] = [
  'in_review',
  'secrecy_review',
  'awaiting_signoff',
  'signed',
];

export function isItemState(value: unknown): value is ItemState {
  return typeof value === 'string' && (ITEM_STATES as readonly string[]).includes(value);
}

export function isPublic(state: ItemState): boolean {
  return PUBLIC_STATES.includes(state);
}

/** 有效性 as government sites print it in the metadata block. */
export const VALIDITIES = ['valid', 'expired', 'repealed'] as const;
export type Validity = (typeof VALIDITIES)[number];

export const VALIDITY_LABEL: Record<Validity, string> = { valid: '有效', expired: '失效', repealed: '废止' };

export function isValidity(value: unknown): value is Validity {
  return typeof value === 'string' && (VALIDITIES as readonly string[]).includes(value);
}

/** 有效性 is derived from the state, never stored twice: 失效 and 废止 are states reached by an action. */
export function validityOf(state: ItemState): Validity {
  switch (state) {
    case 'expired':
      return 'expired';
    case 'repealed':
      return 'repealed';
    case 'draft':
    case 'in_review':
    case 'secrecy_review':
    case 'awaiting_signoff':
    case 'signed':
    case 'published':
    case 'withdrawn':
      return 'valid';
  }
}

/** The state a portal filter by 有效性 selects. */
export function stateOfValidity(validity: Validity): ItemState {
  switch (validity) {
    case 'valid':
      return 'published';
    case 'expired':
      return 'expired';
    case 'repealed':
      return 'repealed';
  }
}
