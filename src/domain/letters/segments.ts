import type { FillKey } from './fill-keys.ts';

/**
 * A letter's text is made of segments. A **locked** segment is statutory wording, a citation, the remedies or a
 * fact of the record (dates, the items asked for, the decision as approved): no template may change it. A
 * **fill** segment is an editable fill-in with a named key (fill-keys.ts) and a default computed from the
 * record; an agency's template or the handler may replace it (template.ts).
 */
export const LOCKED_PARTS = [
  'title',
  'number',
  'addressee',
  'closing',
  'facts',
  'decision',
  'legal_basis',
  'exemption',
  'responsible_agency',
  'points',
  'deadline',
  'statute',
  'fee',
  'remedies',
] as const;
export type LockedPart = (typeof LOCKED_PARTS)[number];

export const LOCKED_PART_LABEL: Record<LockedPart, string> = {
  title: '标题',
  number: '文号',
  addressee: '主送对象',
  closing: '落款',
  facts: '申请及办理事实',
  decision: '答复决定',
  legal_basis: '法律依据',
  exemption: '不予公开的情形及依据',
  responsible_agency: '负责公开的行政机关',
  points: '需要补正的事项',
  deadline: '期限',
  statute: '法定告知事项',
  fee: '收费依据、标准和金额',
  remedies: '救济途径',
};

export function isLockedPart(value: string): value is LockedPart {
  return (LOCKED_PARTS as readonly string[]).includes(value);
}

export interface LockedSegment {
  text: string;
  locked: true;
  /** what the locked text is, for the console preview and for error messages */
  part: LockedPart;
}

export interface FillSegment {
  text: string;
  locked: false;
  fill: FillKey;
}

export type Segment = LockedSegment | FillSegment;

/** A body paragraph, printed with a two-character first-line indent. */
export interface Paragraph {
  segments: readonly Segment[];
}

export const locked = (part: LockedPart, text: string): LockedSegment => ({ text, locked: true, part });
export const fill = (key: FillKey, text: string): FillSegment => ({ text, locked: false, fill: key });

/** A paragraph of the given segments; empty locked segments are dropped (fill-ins stay, even when blank). */
export function paragraph(...segments: readonly Segment[]): Paragraph {
  return { segments: segments.filter((s) => !s.locked || s.text !== '') };
}

export const paragraphText = (p: Paragraph): string => p.segments.map((s) => s.text).join('');
