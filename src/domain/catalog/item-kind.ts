import { isLocalDate } from '../calendar/local-date.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import type { FieldProblem } from './item.ts';

/**
 * What an item is, beyond its category: an ordinary piece of 政府信息; a 政策解读 of a document it is linked to
 * (text, 图解 or a video link; the State Council's 政策解读 guidance asks for 同步起草、同步审签、同步发布 with a
 * 规范性文件 — the exact document title is not in our sources); or a 回应关切, answering a public concern whose
 * source and date it records (条例 Art. 6: 及时、准确地公开, 澄清虚假或者不完整信息).
 */
export const ITEM_KINDS = ['information', 'interpretation', 'response'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_KIND_LABEL: Record<ItemKind, string> = {
  information: '政府信息',
  interpretation: '政策解读',
  response: '回应关切',
};

export const INTERPRETATION_FORMS = ['text', 'graphic', 'video'] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];
export const INTERPRETATION_FORM_LABEL: Record<InterpretationForm, string> = {
  text: '文字解读',
  graphic: '图解',
  video: '视频解读',
};

/** The fields of an item that depend on its kind (all null for ordinary information). */
export interface KindFields {
  kind: ItemKind;
  /** the document a 解读 explains */
  interpretsItemId: number | null;
  interpretationForm: InterpretationForm | null;
  /** a video's address (视频解读) */
  mediaUrl: string | null;
  /** 关切来源, e.g. 12345 热线、网民留言、媒体报道 */
  concernSource: string | null;
  /** the day the concern was raised */
  concernRaisedOn: LocalDate | null;
}

export const PLAIN_KIND: KindFields = {
  kind: 'information',
  interpretsItemId: null,
  interpretationForm: null,
  mediaUrl: null,
  concernSource: null,
  concernRaisedOn: null,
};

/** Every problem of the kind's fields, each naming the field. */
export function checkKindFields(k: KindFields, writtenOn: LocalDate | null | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) problems.push({ field, message });
  };
  need(ITEM_KINDS.includes(k.kind), 'kind', '信息类型只能是政府信息、政策解读或回应关切');
  if (k.kind === 'interpretation') {
    need(k.interpretsItemId !== null, 'interpretsItemId', '政策解读须选择所解读的文件');
    need(
      k.interpretationForm !== null && INTERPRETATION_FORMS.includes(k.interpretationForm),
      'interpretationForm',
      '解读形式只能是文字解读、图解或视频解读',
    );
    if (k.interpretationForm === 'video') need(!!k.mediaUrl, 'mediaUrl', '视频解读须填写视频链接');
  } else {
    need(k.interpretsItemId === null, 'interpretsItemId', '只有政策解读才能关联所解读的文件');
  }
  if (k.mediaUrl !== null)
    need(
      /^https?:\/\/[^\s<>"]+$/i.test(k.mediaUrl) && k.mediaUrl.length <= 500,
      'mediaUrl',
      '视频链接应为 http:// 或 https:// 开头的网址，最多 500 个字符',
    );
  if (k.kind === 'response') {
    need(
      !!k.concernSource?.trim(),
      'concernSource',
      '回应关切须填写关切来源（如 12345 热线、网民留言、媒体报道）',
    );
    need((k.concernSource ?? '').length <= 200, 'concernSource', '关切来源最多 200 个字');
    need(
      k.concernRaisedOn !== null && isLocalDate(k.concernRaisedOn),
      'concernRaisedOn',
      '关切提出日期应为 YYYY-MM-DD 格式的有效日期',
    );
    if (k.concernRaisedOn && writtenOn && isLocalDate(k.concernRaisedOn) && isLocalDate(writtenOn))
      need(k.concernRaisedOn <= writtenOn, 'concernRaisedOn', '关切提出日期不能晚于回应的成文日期');
  } else {
    need(
      k.concernSource === null && k.concernRaisedOn === null,
      'concernSource',
      '只有回应关切才填写关切来源和日期',
    );
  }
  return problems;
}

export function isInterpretationForm(value: unknown): value is InterpretationForm {
  return typeof value === 'string' && (INTERPRETATION_FORMS as readonly string[]).includes(value);
}
