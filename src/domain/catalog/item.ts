import { isLocalDate } from '../calendar/local-date.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import type { Category } from './categories.ts';
import { findCategory, isLeaf } from './categories.ts';
import type { KindFields } from './item-kind.ts';
import type { ItemState } from './states.ts';

/**
 * An information item (政府信息) of the catalog with the metadata government sites publish for every document
 * (条例 Art. 12: 索引、名称、内容概述、生成日期): 索引号, 发布机构, 文号, 成文日期, 发布日期, 主题分类, 有效性 (derived
 * from the state), 公开方式, 公开范围, body text and attachments.
 */
export const DISCLOSURE_METHODS = ['proactive', 'on_request'] as const;
export type DisclosureMethod = (typeof DISCLOSURE_METHODS)[number];
export const DISCLOSURE_METHOD_LABEL: Record<DisclosureMethod, string> = {
  proactive: '主动公开',
  on_request: '依申请公开',
};

export const DISCLOSURE_SCOPES = ['full', 'partial'] as const;
export type DisclosureScope = (typeof DISCLOSURE_SCOPES)[number];
export const DISCLOSURE_SCOPE_LABEL: Record<DisclosureScope, string> = {
  full: '全部公开',
  partial: '部分公开',
};

export interface InformationItem extends KindFields {
  id: number;
  agencyId: number;
  /** 索引号, assigned at publication */
  indexNumber: string | null;
  title: string;
  /** 发布机构 */
  publisher: string;
  /** 文号, e.g. 某卫健发〔2026〕3号 */
  docNumber: string | null;
  /** 成文日期 — the day the information was formed (Art. 26 counts from it) */
  writtenOn: LocalDate | null;
  /** the day the information was changed, when it was (Art. 26 counts from it instead) */
  changedOn: LocalDate | null;
  /** 施行日期 of a 规章 or 行政规范性文件 */
  effectiveOn: LocalDate | null;
  /** 发布日期, set at publication */
  publishedOn: LocalDate | null;
  categoryCode: string;
  /** the 公开事项 of the standard catalog it is filed under (its 公开时限 sets publicationDueOn) */
  matterId: number | null;
  /** 主题分类 (e.g. 卫生、体育/医药管理) */
  topic: string | null;
  method: DisclosureMethod;
  scope: DisclosureScope;
  /** 内容概述 */
  summary: string;
  body: string;
  state: ItemState;
  /** the reason of the last 退回 / 失效 / 废止 / 撤回 */
  stateReason: string | null;
  /** the deadline (the 事项's 公开时限, else Art. 26), fixed when the formation or change date was set */
  publicationDueOn: LocalDate | null;
  dueProvisional: boolean;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** The fields staff write; the rest the system sets. */
export interface ItemInput extends Partial<KindFields> {
  title: string;
  publisher: string;
  docNumber?: string | null;
  writtenOn?: LocalDate | null;
  changedOn?: LocalDate | null;
  effectiveOn?: LocalDate | null;
  categoryCode: string;
  matterId?: number | null;
  topic?: string | null;
  method?: DisclosureMethod;
  scope?: DisclosureScope;
  summary?: string;
  body?: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export const MAX_BODY_CHARS = 1_000_000;

/** Every problem of an item's fields, each naming the field, in form order. */
export function checkItemInput(input: ItemInput, categories: readonly Category[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) problems.push({ field, message });
  };
  need(input.title.trim().length > 0, 'title', '标题不能为空');
  need(input.title.length <= 200, 'title', '标题最多 200 个字');
  need(input.publisher.trim().length > 0, 'publisher', '发布机构不能为空');
  need(input.publisher.length <= 100, 'publisher', '发布机构最多 100 个字');
  need((input.docNumber ?? '').length <= 100, 'docNumber', '文号最多 100 个字');
  for (const [field, label] of [
    ['writtenOn', '成文日期'],
    ['changedOn', '变更日期'],
    ['effectiveOn', '施行日期'],
  ] as const) {
    const v = input[field];
    need(
      v === null || v === undefined || v === '' || isLocalDate(v),
      field,
      `${label}应为 YYYY-MM-DD 格式的有效日期`,
    );
  }
  if (input.writtenOn && input.changedOn && isLocalDate(input.writtenOn) && isLocalDate(input.changedOn))
    need(input.changedOn >= input.writtenOn, 'changedOn', '变更日期不能早于成文日期');
  const category = findCategory(categories, input.categoryCode);
  need(!!category, 'categoryCode', `目录分类“${input.categoryCode}”不存在`);
  if (category)
    need(
      isLeaf(categories, category.code),
      'categoryCode',
      `“${category.name}”下还有子分类，请选择具体的子分类`,
    );
  need((input.topic ?? '').length <= 60, 'topic', '主题分类最多 60 个字');
  need(
    input.method === undefined || DISCLOSURE_METHODS.includes(input.method),
    'method',
    '公开方式只能是主动公开或依申请公开',
  );
  need(
    input.scope === undefined || DISCLOSURE_SCOPES.includes(input.scope),
    'scope',
    '公开范围只能是全部公开或部分公开',
  );
  need((input.summary ?? '').length <= 500, 'summary', '内容概述最多 500 个字');
  need((input.body ?? '').length <= MAX_BODY_CHARS, 'body', `正文最多 ${MAX_BODY_CHARS} 个字`);
  return problems;
}

/** The date Art. 26 counts from: the change date when the information changed, else its formation date. */
export function formationDate(item: {
  writtenOn: LocalDate | null;
  changedOn: LocalDate | null;
}): LocalDate | null {
  return item.changedOn ?? item.writtenOn;
}
