import type { Application } from '../../../domain/application/application.ts';
import type { FillKey } from '../../../domain/letters/fill-keys.ts';
import { LETTER_FILL_KEYS } from '../../../domain/letters/fill-keys.ts';
import type { LetterKind } from '../../../domain/letters/kinds.ts';

/**
 * The fill-ins worth offering for the letter an action sends. A reply letter carries only the fill-ins of its
 * decision (已主动公开 → where it was published; 予以提供/区分处理 → how to obtain it …); the reasons come from the
 * decision itself.
 */
export function fillKeysFor(kind: LetterKind, application: Application): FillKey[] {
  if (kind !== 'reply') return [...LETTER_FILL_KEYS[kind]];
  const d = application.decision;
  const own: FillKey[] = [];
  if (d?.replyType === 'already_public') own.push('published_at');
  if (d?.replyType === 'disclosed' || d?.replyType === 'separated') own.push('how_to_obtain');
  if (d?.replyType === 'special_route') own.push('special_route');
  if (d?.replyType === 'repeat') own.push('previous_reply');
  if (d?.outcome === 'not_handled_petition') own.push('other_channel');
  return [...own, 'contact', 'closing_note'];
}
