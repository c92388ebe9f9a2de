import type { LetterKind } from '../letters/kinds.ts';
import type { ActionType } from './actions.ts';

/**
 * The letter each action sends to the applicant or the party consulted; actions not listed send none. The
 * action's effect records the letter on the application (IssuedLetter, service.ts), so its service can be
 * recorded and the periods it starts can run from it.
 */
export const LETTER_OF_ACTION: Partial<Record<ActionType, LetterKind>> = {
  request_correction: 'correction',
  extend: 'extension',
  start_consultation: 'consultation',
  issue_fee_notice: 'fee',
  request_reasons: 'reasons',
  set_reasonable_deadline: 'reasonable_deadline',
  send_reply: 'reply',
  deem_abandoned_no_correction: 'reply',
  deem_abandoned_no_fee: 'reply',
};
