import { describe, expect, it } from 'vitest';
import { ACTION_LABEL } from '../application/actions.ts';
import { LETTER_KINDS } from './kinds.ts';
import { LETTER_OF_ACTION } from './letter-of-action.ts';

describe('the letter each action sends', () => {
  it('sends one letter of a known kind for each step that writes to the applicant or a party consulted', () => {
    for (const [action, kind] of Object.entries(LETTER_OF_ACTION)) {
      expect(Object.keys(ACTION_LABEL), action).toContain(action);
      expect(LETTER_KINDS, action).toContain(kind);
    }
    // every kind of letter is sent by some action
    expect(new Set(Object.values(LETTER_OF_ACTION))).toEqual(new Set(LETTER_KINDS));
  });
  it('closes with a reply whenever an application ends, decided or deemed abandoned', () => {
    expect(LETTER_OF_ACTION.send_reply).toBe('reply');
    expect(LETTER_OF_ACTION.deem_abandoned_no_correction).toBe('reply');
    expect(LETTER_OF_ACTION.deem_abandoned_no_fee).toBe('reply');
    expect(LETTER_OF_ACTION.request_correction).toBe('correction');
    expect(LETTER_OF_ACTION.accept).toBeUndefined();
    expect(LETTER_OF_ACTION.archive).toBeUndefined();
  });
});
