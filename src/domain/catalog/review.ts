import type { Role } from '../access/roles.ts';
import type { ItemState } from './states.ts';

/**
 * The review chain as data (先审核后公开、谁公开谁审核; 条例 Art. 17 保密审查): which action leads from which state to
 * which, who may take it, whether it needs a reason, and whether every scanner hit must be cleared first.
 */
export const REVIEW_ACTIONS = [
  'submit',
  'approve',
  'pass_secrecy',
  'sign',
  'publish',
  'return',
  'expire',
  'repeal',
  'withdraw',
] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface Transition {
  label: string;
  from: readonly ItemState[];
  to: ItemState;
  roles: readonly Role[];
  /** the action needs a written reason (退回、失效、废止、撤回) */
  needsReason: boolean;
  /** blocked while any sensitive-content hit is not cleared by a reviewer */
  needsClearedHits: boolean;
}

export const TRANSITIONS: Record<ReviewAction, Transition> = {
  submit: {
    label: '提交审核',
    from: ['draft'],
    to: 'in_review',
    roles: ['registrar', 'handler', 'reviewer', 'head'],
    needsReason: false,
    needsClearedHits: false,
  },
  approve: {
    label: '审核通过',
    from: ['in_review'],
    to: 'secrecy_review',
    roles: ['reviewer'],
    needsReason: false,
    needsClearedHits: false,
  },
  pass_secrecy: {
    label: '保密审查通过',
    from: ['secrecy_review'],
    to: 'awaiting_signoff',
    roles: ['reviewer'],
    needsReason: false,
    needsClearedHits: true,
  },
  sign: {
    label: '领导签发',
    from: ['awaiting_signoff'],
    to: 'signed',
    roles: ['head'],
    needsReason: false,
    needsClearedHits: true,
  },
  publish: {
    label: '发布',
    from: ['signed'],
    to: 'published',
    roles: ['handler', 'reviewer', 'head'],
    needsReason: false,
    needsClearedHits: true,
  },
  return: {
    label: '退回修改',
    from: ['in_review', 'secrecy_review', 'awaiting_signoff', 'signed'],
    to: 'draft',
    roles: ['reviewer', 'head'],
    needsReason: true,
    needsClearedHits: false,
  },
  expire: {
    label: '宣布失效',
    from: ['published'],
    to: 'expired',
    roles: ['reviewer', 'head'],
    needsReason: true,
    needsClearedHits: false,
  },
  repeal: {
    label: '废止',
    from: ['published', 'expired'],
    to: 'repealed',
    roles: ['head'],
    needsReason: true,
    needsClearedHits: false,
  },
  withdraw: {
    label: '撤回',
    from: ['published', 'expired', 'repealed'],
    to: 'withdrawn',
    roles: ['head'],
    needsReason: true,
    needsClearedHits: false,
  },
};

export function isReviewAction(value: unknown): value is ReviewAction {
  return typeof value === 'string' && (REVIEW_ACTIONS as readonly string[]).includes(value);
}

/** Why an action may not be taken, or null when it may. Messages are Chinese and name what is missing. */
export type TransitionRefusal =
  | { code: 'invalid_state'; message: string }
  | { code: 'forbidden'; message: string }
  | { code: 'validation'; field: string; message: string };

export function checkTransition(
  action: ReviewAction,
  input: { state: ItemState; roles: readonly Role[]; reason?: string | null; unclearedHits: number },
): TransitionRefusal | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(input.state))
    return { code: 'invalid_state', message: `当前状态不能执行“${t.label}”` };
  if (!t.roles.some((r) => input.roles.includes(r)))
    return { code: 'forbidden', message: `您的角色无权执行“${t.label}”` };
  if (t.needsReason && !(input.reason ?? '').trim())
    return { code: 'validation', field: 'reason', message: `“${t.label}”须填写理由` };
  if (t.needsClearedHits && input.unclearedHits > 0)
    return {
      code: 'invalid_state',
      message: `敏感信息检查还有 ${input.unclearedHits} 处未经审核人确认，不能执行“${t.label}”`,
    };
  return null;
}

/** The actions a user holding `roles` may take on an item in `state` (the console shows these buttons). */
export function availableActions(state: ItemState, roles: readonly Role[]): ReviewAction[] {
  return REVIEW_ACTIONS.filter((a) => {
    const t = TRANSITIONS[a];
    return t.from.includes(state) && t.roles.some((r) => roles.includes(r));
  });
}

/** Roles that may draft and edit items (in the draft state only). */
export const EDITOR_ROLES: readonly Role[] = ['registrar', 'handler', 'reviewer', 'head'];
/** Roles that may clear a sensitive-content hit (审核人 and 负责人). */
export const CLEARING_ROLES: readonly Role[] = ['reviewer', 'head'];
/** Roles that may manage the catalog's configuration and the yearly figures. */
export const CATALOG_ADMIN_ROLES: readonly Role[] = ['admin', 'head'];
