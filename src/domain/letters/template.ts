import { AppError } from '../errors.ts';
import type { LetterDocument } from './document.ts';
import type { FillKey } from './fill-keys.ts';
import { FILL_KEY_SPEC, isFillKey, LETTER_FILL_KEYS } from './fill-keys.ts';
import type { LetterProblem } from './input.ts';
import { LETTER_KIND_LABEL } from './kinds.ts';
import { isLockedPart, LOCKED_PART_LABEL } from './segments.ts';

/** The longest text a fill-in may hold. */
export const MAX_FILL_LENGTH = 2000;

/** Every problem with a set of overrides for a kind of letter (empty when all may be applied). */
export function checkOverrides(
  doc: Pick<LetterDocument, 'kind'>,
  overrides: Record<string, unknown>,
): LetterProblem[] {
  const allowed = LETTER_FILL_KEYS[doc.kind];
  const problems: LetterProblem[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const field = `overrides.${key}`;
    if (isLockedPart(key))
      problems.push({
        field,
        message: `“${LOCKED_PART_LABEL[key]}”（${key}）是法定文字或办理记录，不能修改`,
      });
    else if (!isFillKey(key) || !allowed.includes(key))
      problems.push({
        field,
        message: `“${key}”不是${LETTER_KIND_LABEL[doc.kind]}的可填写项（可填写：${allowed.map((k) => `${k} ${FILL_KEY_SPEC[k].label}`).join('、')}）`,
      });
    else if (typeof value !== 'string')
      problems.push({ field, message: `“${FILL_KEY_SPEC[key].label}”（${key}）应为文字` });
    else if (FILL_KEY_SPEC[key].required && value.trim() === '')
      problems.push({ field, message: `“${FILL_KEY_SPEC[key].label}”（${key}）不能为空` });
    else if (value.length > MAX_FILL_LENGTH)
      problems.push({
        field,
        message: `“${FILL_KEY_SPEC[key].label}”（${key}）不能超过 ${MAX_FILL_LENGTH} 字`,
      });
  }
  return problems;
}

/**
 * An agency's (or a handler's) copy of a letter: the fill-ins named in `overrides` replaced, everything else
 * as it was. A key naming locked text, a key the kind has no fill-in for, a non-text value or a blank required
 * fill-in is rejected: one validation error (AppError) whose message names every such key. Keys the kind
 * knows but this letter does not carry (e.g. `published_at` on a refusal) are ignored, so one agency template
 * serves every outcome. Overrides are applied in turn: agency template first, then the letter's own.
 */
export function applyAgencyTemplate(doc: LetterDocument, overrides: Record<string, string>): LetterDocument {
  const problems = checkOverrides(doc, overrides);
  if (problems.length > 0)
    throw new AppError(
      'validation',
      `${LETTER_KIND_LABEL[doc.kind]}模板修改未通过：${problems.map((p) => p.message).join('；')}`,
      problems[0]!.field,
      problems,
    );
  const values = overrides as Partial<Record<FillKey, string>>;
  return {
    ...doc,
    paragraphs: doc.paragraphs.map((p) => ({
      segments: p.segments.map((s) =>
        !s.locked && values[s.fill] !== undefined ? { ...s, text: values[s.fill]!.trim() } : s,
      ),
    })),
  };
}
