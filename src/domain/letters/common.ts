import type { RequestedItem } from '../application/application.ts';
import type { DueDate } from '../application/deadlines.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import { dateParts } from '../calendar/local-date.ts';
import type { LetterDocument } from './document.ts';
import { numberedPoint } from './document.ts';
import type { LetterInput } from './input.ts';
import type { LetterKind } from './kinds.ts';
import type { Paragraph } from './segments.ts';
import { fill, locked, paragraph } from './segments.ts';

/** The parts every letter shares: dates in words, the applicant's pronoun, the opening and the closing. */

/** '2026-09-24' → '2026年9月24日' (GB/T 9704 7.3.5: Arabic numerals, no leading zeros). */
export function chineseDate(date: LocalDate): string {
  const parts = dateParts(date);
  if (!parts) throw new RangeError(`不是有效日期：${date}`);
  return `${parts.year}年${parts.month}月${parts.day}日`;
}

/** How a letter addresses the applicant: 你 for a natural person, 你单位 for an organisation. */
export const applicantPronoun = (input: LetterInput): string =>
  input.applicant.type === 'natural' ? '你' : '你单位';

/** Text without its closing punctuation, to be followed by the letter's own. */
export const clause = (text: string): string => text.trim().replace(/[。；;，,.\s]+$/u, '');

/** Staff-written text as a sentence: trimmed, with a full stop when it has no closing punctuation. */
export function sentence(text: string | null | undefined): string {
  const t = (text ?? '').trim();
  return t === '' || /[。！？；：”’）)]$/u.test(t) ? t : `${t}。`;
}

function itemText(item: RequestedItem): string {
  const no = item.documentNumber ? `（文号：${item.documentNumber}）` : '';
  return `“${clause(item.description)}”${no}`;
}

/** '“A”' for one item; '以下政府信息：1.“A”；2.“B”' for several. */
export function requestedItemsText(items: readonly RequestedItem[]): string {
  if (items.length === 1) return itemText(items[0]!);
  return `以下政府信息：${items.map((item, i) => numberedPoint(i, itemText(item))).join('；')}`;
}

/** The opening of a letter to the applicant: when the application came, what it asked for, and any 补正. */
export function applicationOpening(input: LetterInput, withCorrection = true): Paragraph {
  const a = input.application;
  const you = applicantPronoun(input);
  const corrected =
    withCorrection && a.correction?.receivedOn
      ? `${you}于${chineseDate(a.correction.receivedOn)}提交了补正后的申请。`
      : '';
  return paragraph(
    locked(
      'facts',
      `本机关于${chineseDate(a.receivedOn)}收到${you}提出的政府信息公开申请（查询码：${input.trackingCode.trim()}），` +
        `申请获取${requestedItemsText(a.items)}。${corrected}`,
    ),
  );
}

/** The contact paragraph's default, from the agency's address and telephone. */
export function contactDefault(input: LetterInput): string {
  const details = [
    input.agency.address?.trim() ? `联系地址：${input.agency.address.trim()}` : '',
    input.agency.phone?.trim() ? `联系电话：${input.agency.phone.trim()}` : '',
  ].filter(Boolean);
  return `如有疑问，请与本机关联系。${details.length > 0 ? details.join('；') + '。' : ''}`;
}

/** The last paragraphs of a letter: contact and closing formula, both editable. */
export function closingParagraphs(input: LetterInput, closingNote: string): Paragraph[] {
  return [paragraph(fill('contact', contactDefault(input))), paragraph(fill('closing_note', closingNote))];
}

/** A warning for a due date printed in a letter that lies in a year without an official holiday schedule. */
export function provisionalWarning(label: string, due: DueDate | null): string[] {
  return due?.provisional
    ? [`${label}（${chineseDate(due.date)}）所在年度尚无官方放假安排，日期为暂定，请核对后再发出`]
    : [];
}

/** The applicant's delivery line: '送达地址：…（联系人：…）'. */
export function applicantDelivery(input: LetterInput): string | null {
  const address = input.applicant.address?.trim();
  const person = input.applicant.contactPerson?.trim();
  if (!address && !person) return null;
  return `送达地址：${address || '（未登记）'}${person ? `（联系人：${person}）` : ''}`;
}

/** The parts of a document that do not depend on its body. */
export function letterFrame(
  kind: LetterKind,
  input: LetterInput,
  parts: Pick<LetterDocument, 'title' | 'addressee' | 'paragraphs' | 'warnings'> &
    Partial<Pick<LetterDocument, 'attachments' | 'deliverTo'>>,
): LetterDocument {
  const attachments = (parts.attachments ?? []).map((a) => a.trim()).filter(Boolean);
  return {
    kind,
    title: parts.title,
    number: input.number.trim(),
    letterhead: input.agency.letterhead?.trim() || null,
    addressee: parts.addressee.trim(),
    paragraphs: parts.paragraphs,
    ...(attachments.length > 0 ? { attachments } : {}),
    closing: {
      agency: input.agency.name.trim(),
      date: input.date,
      dateText: chineseDate(input.date),
    },
    deliverTo: parts.deliverTo === undefined ? applicantDelivery(input) : parts.deliverTo,
    warnings: parts.warnings,
  };
}
