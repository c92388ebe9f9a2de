import type { LetterDocument } from './document.ts';
import { consultationLetter } from './consultation.ts';
import { correctionLetter } from './correction.ts';
import { extensionLetter } from './extension.ts';
import { feeLetter } from './fee.ts';
import type { LetterInput } from './input.ts';
import { checkLetterInput } from './input.ts';
import type { LetterKind } from './kinds.ts';
import { reasonableDeadlineLetter, reasonsLetter } from './reasons.ts';
import { replyLetter } from './reply.ts';

/**
 * The content of a letter from the record: locked statutory text, citations, remedies and facts, and editable
 * fill-ins with their defaults. Pure: the caller resolves the agency, the reconsideration body, the 文号 and the
 * date, and decrypts the applicant's particulars. Throws a validation error (AppError, Chinese, naming the
 * field) when the record lacks what the letter must state.
 */
export function letterContent(kind: LetterKind, input: LetterInput): LetterDocument {
  checkLetterInput(kind, input);
  switch (kind) {
    case 'reply':
      return replyLetter(input);
    case 'correction':
      return correctionLetter(input);
    case 'extension':
      return extensionLetter(input);
    case 'consultation':
      return consultationLetter(input);
    case 'fee':
      return feeLetter(input);
    case 'reasons':
      return reasonsLetter(input);
    case 'reasonable_deadline':
      return reasonableDeadlineLetter(input);
  }
}
