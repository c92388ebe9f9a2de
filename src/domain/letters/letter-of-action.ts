import type { ActionType } from '../application/actions.ts';
import type { LetterKind } from './kinds.ts';

/** The letter each action sends to the applicant or the party consulted; actions not listed send none. */
export const LETTER_OF_ACTION: Partial<Record<ActionType, LetterKind>> = {
  request_correction: 'correction',
  extend: 'extension',
  start_consultation: 'consultation',
  issue_fee_notice: 'fee',
  send_reply: 'reply',
  deem_abandoned_no_correction: 'reply',
  deem_abandoned_no_fee: 'reply',
};
