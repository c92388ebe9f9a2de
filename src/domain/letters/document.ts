import type { LocalDate } from '../calendar/local-date.ts';
import type { FillKey } from './fill-keys.ts';
import { FILL_KEY_SPEC } from './fill-keys.ts';
import type { LetterKind } from './kinds.ts';
import type { Paragraph } from './segments.ts';
import { paragraphText } from './segments.ts';

/**
 * 发文机关署名 and 成文日期 (GB/T 9704-2012 7.3.5.1: the seal presses on both). The seal is no text: the renderers
 * place the agency's uploaded 印章 image there, or leave the area blank for a physical seal.
 */
export interface LetterClosing {
  agency: string;
  date: LocalDate;
  /** '2026年9月24日' */
  dateText: string;
}

/**
 * A letter as pure content: what both renderers print. Everything but the fill segments of `paragraphs` is
 * locked.
 */
export interface LetterDocument {
  kind: LetterKind;
  title: string;
  /** 文号 */
  number: string;
  /** 发文机关标志 above the title, when the agency has one */
  letterhead: string | null;
  /** 主送: the applicant, the third party or the agency consulted (printed with a full-width colon) */
  addressee: string;
  paragraphs: readonly Paragraph[];
  /** 附件 names, in order */
  attachments?: readonly string[];
  closing: LetterClosing;
  /** the delivery address line (送达地址、联系人) printed below the letter, when known */
  deliverTo: string | null;
  /** things staff should check before sending (a provisional due date, an open consultation) */
  warnings: readonly string[];
}

/**
 * A staff-written point that already carries its own number (“1.”, “1、”, “（1）”, “(1)”, “一、”, “（一）”, “①”):
 * it is printed as typed, not numbered a second time (“1.1.”, issue 12 point 6).
 */
const OWN_NUMBER =
  /^\s*(?:\d{1,3}\s*(?:[.．](?!\d)|[、)）])|[（(]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]|[一二三四五六七八九十]{1,3}\s*、|[\u2460-\u2473\u2776-\u277f])/u;

export const hasOwnNumber = (text: string): boolean => OWN_NUMBER.test(text);

/** “1.text” — unless the text is numbered already, then the text as typed (trimmed). */
export function numberedPoint(index: number, text: string): string {
  const t = text.trim();
  return hasOwnNumber(t) ? t : `${index + 1}.${t}`;
}

/** The letter as plain text, one paragraph a line (for previews, search and tests). */
export function letterText(doc: LetterDocument): string {
  const lines = [
    ...(doc.letterhead ? [doc.letterhead] : []),
    doc.title,
    doc.number,
    `${doc.addressee}：`,
    ...doc.paragraphs.map(paragraphText),
    ...(doc.attachments ?? []).map(
      (a, i, all) => (i === 0 ? '附件：' : '　　　') + (all.length > 1 ? numberedPoint(i, a) : a),
    ),
    doc.closing.agency,
    doc.closing.dateText,
    ...(doc.deliverTo ? [doc.deliverTo] : []),
  ];
  return lines.join('\n') + '\n';
}

/** The current text of each fill-in of the letter (the first occurrence of each key). */
export function letterFills(doc: LetterDocument): Partial<Record<FillKey, string>> {
  const fills: Partial<Record<FillKey, string>> = {};
  for (const p of doc.paragraphs)
    for (const s of p.segments) if (!s.locked && !(s.fill in fills)) fills[s.fill] = s.text;
  return fills;
}

/** The required fill-ins the letter carries that are still blank: a letter with any must not be sent. */
export function missingFills(doc: LetterDocument): FillKey[] {
  return Object.entries(letterFills(doc))
    .filter(([key, text]) => FILL_KEY_SPEC[key as FillKey].required && text.trim() === '')
    .map(([key]) => key as FillKey);
}
