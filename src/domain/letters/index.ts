/**
 * The letters (告知书) of the application process: pure content — locked statutory text and editable fill-ins —
 * that src/render/letters prints as HTML and DOCX. No I/O, no clock.
 */
export * from './amount-in-words.ts';
export { chineseDate } from './common.ts';
export * from './content.ts';
export * from './document.ts';
export * from './fill-keys.ts';
export type { LetterAgency, LetterApplicant, LetterInput, LetterProblem, ReplyProvision } from './input.ts';
export * from './kinds.ts';
export * from './letter-of-action.ts';
export * from './segments.ts';
export * from './template.ts';
export * from './numbering.ts';
export * from './seal.ts';
