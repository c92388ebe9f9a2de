import { isIdNumber, luhnValid } from '../identity/id-number.ts';

/**
 * The sensitive-content scanner run before publication (条例 Art. 15, 17): personal data and classification
 * marks in the title, body and attachment text. Each hit must be cleared by a reviewer with a note before the
 * item can pass 保密审查 and be published. Positions are UTF-16 offsets into the scanned text.
 */
export const HIT_KINDS = [
  'id_number',
  'mobile',
  'landline',
  'bank_card',
  'email',
  'classification',
  'unscannable',
] as const;
export type HitKind = (typeof HIT_KINDS)[number];

export const HIT_KIND_LABEL: Record<HitKind, string> = {
  id_number: '身份证号码',
  mobile: '手机号码',
  landline: '固定电话号码',
  bank_card: '银行卡号',
  email: '电子邮箱地址',
  classification: '密级或不公开标识',
  unscannable: '无法自动检查的附件（须人工审查）',
};

export interface ScanHit {
  kind: HitKind;
  /** offset of the first character of the match */
  start: number;
  /** offset after the last character */
  end: number;
  /** the matched text */
  match: string;
  /** up to SNIPPET_CHARS characters on each side, whitespace collapsed */
  before: string;
  after: string;
}

/** Marks of classified or internal material (保密法 Art. 10 密级 and common internal labels). */
export const CLASSIFICATION_MARKS: readonly string[] = [
  '绝密',
  '机密',
  '秘密★',
  '内部资料',
  '内部文件',
  '内部使用',
  '内部参阅',
  '仅供内部',
  '注意保密',
  '工作秘密',
  '不予公开',
  '不宜公开',
];

export const SNIPPET_CHARS = 15;

interface Candidate {
  kind: HitKind;
  start: number;
  end: number;
}

const ID = /(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g;
const CARD = /(?<![0-9A-Za-z])(?:\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?)(?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:\d{8}|[ -]\d{4}[ -]\d{4})(?![0-9A-Za-z])/g;
const LANDLINE =
  /(?<![0-9A-Za-z])(?:[（(]0\d{2,3}[)）][ -]?|0\d{2,3}[- ]?)[2-9]\d{6,7}(?:[-转]\d{1,6})?(?![0-9A-Za-z])/g;
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9])/g;

function all(
  pattern: RegExp,
  text: string,
  kind: HitKind,
  accept: (m: string) => boolean = () => true,
): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(pattern))
    if (accept(m[0])) out.push({ kind, start: m.index, end: m.index + m[0].length });
  return out;
}

function marks(text: string, terms: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length))
      out.push({ kind: 'classification', start: i, end: i + term.length });
  }
  return out;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/**
 * Scans `text`. Overlapping candidates are resolved by priority (ID number, bank card, mobile, landline,
 * e-mail, marks): an 18-digit ID number is not reported again as a bank card. A number that looks like an ID
 * number but fails the GB 11643 check is not an ID number (it may still be a Luhn-valid card number).
 */
export function scanText(text: string, options: { extraMarks?: readonly string[] } = {}): ScanHit[] {
  const candidates: Candidate[] = [
    ...all(ID, text, 'id_number', isIdNumber),
    ...all(CARD, text, 'bank_card', (m) => luhnValid(digitsOf(m)) && !isIdNumber(m)),
    ...all(MOBILE, text, 'mobile'),
    ...all(LANDLINE, text, 'landline'),
    ...all(EMAIL, text, 'email'),
    ...marks(text, [...CLASSIFICATION_MARKS, ...(options.extraMarks ?? [])]),
  ];
  const taken: Candidate[] = [];
  for (const c of candidates) if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  return taken
    .sort((a, b) => a.start - b.start)
    .map((c) => ({
      kind: c.kind,
      start: c.start,
      end: c.end,
      match: text.slice(c.start, c.end),
      before: oneLine(text.slice(Math.max(0, c.start - SNIPPET_CHARS), c.start)),
      after: oneLine(text.slice(c.end, c.end + SNIPPET_CHARS)),
    }));
}

/**
 * An attachment whose text cannot be read (an image, a scanned PDF without a text layer) cannot be checked by
 * the scanner: it gets one hit that a reviewer clears after looking at it.
 */
export function unscannableHit(fileName: string): ScanHit {
  return { kind: 'unscannable', start: 0, end: 0, match: fileName, before: '', after: '' };
}

/** Where a scanned text came from: the title, the body, or an attachment's extracted text. */
export type ScanSource = 'title' | 'body' | `attachment:${number}`;

export function scanSourceLabel(source: string, attachmentName?: string): string {
  if (source === 'title') return '标题';
  if (source === 'body') return '正文';
  return `附件${attachmentName ? `“${attachmentName}”` : ''}`;
}
