import { describe, expect, it } from 'vitest';
import type { Role } from '../access/roles.ts';
import type { ReviewAction } from './review.ts';
import { availableActions, checkTransition, REVIEW_ACTIONS, TRANSITIONS } from './review.ts';
import type { ItemState } from './states.ts';
import { ITEM_STATES, validityOf } from './states.ts';

const ok = (
  action: ReviewAction,
  state: ItemState,
  roles: Role[],
  extra: { reason?: string; unclearedHits?: number } = {},
) =>
  checkTransition(action, {
    state,
    roles,
    reason: extra.reason ?? null,
    unclearedHits: extra.unclearedHits ?? 0,
  });

describe('the review chain (先审核后公开)', () => {
  it('walks draft → 审核 → 保密审查 → 领导签发 → 发布 with the right roles', () => {
    const path: [ReviewAction, Role, ItemState][] = [
      ['submit', 'handler', 'in_review'],
      ['approve', 'reviewer', 'secrecy_review'],
      ['pass_secrecy', 'reviewer', 'awaiting_signoff'],
      ['sign', 'head', 'signed'],
      ['publish', 'handler', 'published'],
    ];
    let state: ItemState = 'draft';
    for (const [action, role, next] of path) {
      expect(ok(action, state, [role])).toBeNull();
      state = TRANSITIONS[action].to;
      expect(state).toBe(next);
    }
  });

  it.each([
    ['approve', 'in_review', 'handler'],
    ['pass_secrecy', 'secrecy_review', 'handler'],
    ['sign', 'awaiting_signoff', 'reviewer'],
    ['publish', 'signed', 'registrar'],
    ['repeal', 'published', 'reviewer'],
    ['withdraw', 'published', 'admin'],
  ] as const)('refuses %s in %s to a %s', (action, state, role) => {
    expect(ok(action, state, [role])).toMatchObject({ code: 'forbidden' });
  });

  it('refuses actions from the wrong state', () => {
    expect(ok('publish', 'draft', ['head'])).toMatchObject({ code: 'invalid_state' });
    expect(ok('sign', 'in_review', ['head'])).toMatchObject({ code: 'invalid_state' });
    expect(ok('repeal', 'withdrawn', ['head'])).toMatchObject({ code: 'invalid_state' });
  });

  it('needs a reason to return, expire, repeal or withdraw', () => {
    for (const [action, state] of [
      ['return', 'in_review'],
      ['expire', 'published'],
      ['repeal', 'published'],
      ['withdraw', 'published'],
    ] as const) {
      expect(ok(action, state, ['head', 'reviewer'], { reason: '  ' })).toMatchObject({
        code: 'validation',
        field: 'reason',
      });
      expect(ok(action, state, ['head', 'reviewer'], { reason: '已被新文件替代' })).toBeNull();
    }
  });

  it('blocks 保密审查, 签发 and 发布 while scanner hits are not cleared', () => {
    expect(ok('pass_secrecy', 'secrecy_review', ['reviewer'], { unclearedHits: 2 })?.message).toContain(
      '2 处',
    );
    expect(ok('sign', 'awaiting_signoff', ['head'], { unclearedHits: 1 })).toMatchObject({
      code: 'invalid_state',
    });
    expect(ok('publish', 'signed', ['head'], { unclearedHits: 1 })).toMatchObject({ code: 'invalid_state' });
    expect(ok('approve', 'in_review', ['reviewer'], { unclearedHits: 3 })).toBeNull();
  });

  it('lists the actions a role may take; every transition leads to a known state', () => {
    expect(availableActions('in_review', ['reviewer'])).toEqual(['approve', 'return']);
    expect(availableActions('published', ['head'])).toEqual(['expire', 'repeal', 'withdraw']);
    expect(availableActions('withdrawn', ['head', 'reviewer', 'handler'])).toEqual([]);
    for (const action of REVIEW_ACTIONS) expect(ITEM_STATES).toContain(TRANSITIONS[action].to);
  });

  it('derives 有效性 from the state', () => {
    expect(validityOf('published')).toBe('valid');
    expect(validityOf('expired')).toBe('expired');
    expect(validityOf('repealed')).toBe('repealed');
  });
});
