import type { Principal } from '../domain/access/principal.ts';
import { actorOf } from '../domain/access/principal.ts';
import type {
  Category,
  InformationItem,
  ItemInput,
  ItemState,
  NormativeDocument,
  ReviewAction,
  Timeliness,
} from '../domain/catalog/index.ts';
import {
  availableActions,
  categoryPath,
  checkItemInput,
  EDITOR_ROLES,
  findCategory,
  formationDate,
  HIT_KIND_LABEL,
  ITEM_STATE_LABEL,
  publicationDue,
  REVIEW_QUEUE_STATES,
  scanSourceLabel,
  timeliness,
  TIMELINESS_LABEL,
  TRANSITIONS,
  VALIDITY_LABEL,
  validityOf,
} from '../domain/catalog/index.ts';
import type { WorkingCalendar } from '../domain/calendar/index.ts';
import { AppError, notFound } from '../domain/errors.ts';
import type { Attachment } from '../persistence/repositories/catalog-attachment.repository.ts';
import { attachmentListOf } from '../persistence/repositories/catalog-attachment.repository.ts';
import type { StoredHit } from '../persistence/repositories/catalog-hit.repository.ts';
import { hitsOf, replaceHits, unclearedCounts } from '../persistence/repositories/catalog-hit.repository.ts';
import type { ItemFilter, ItemSummary } from '../persistence/repositories/catalog-item.repository.ts';
import { findItem, insertItem, listItems } from '../persistence/repositories/catalog-item.repository.ts';
import { normativeDocumentOfItem } from '../persistence/repositories/normative-document.repository.ts';
import { workingCalendar } from './calendar.service.ts';
import { requireReader, requireStaffOf } from './catalog-access.ts';
import { catalogConfig } from './catalog-config.service.ts';
import { saveWithContent, scanItem, searchTokensOf } from './catalog-content.ts';
import type { Db, ServiceContext } from './context.ts';
import { inTransaction, nowIso, todayInChina } from './context.ts';

/**
 * Drafting information items and reading them back for the console: every field checked with the field named,
 * the Art. 26 deadline fixed from the formation or change date, the text scanned and tokenised on every save.
 * Items are edited only as drafts; a reviewer returns an item to draft to have it changed.
 */
export interface ActionView {
  action: ReviewAction;
  label: string;
  needsReason: boolean;
}

export interface HitView extends StoredHit {
  kindLabel: string;
  sourceLabel: string;
}

export interface ItemRow extends ItemSummary {
  stateLabel: string;
  validity: string;
  validityLabel: string;
  timeliness: Timeliness;
  timelinessLabel: string;
  unclearedHits: number;
  actions: ActionView[];
}

export interface ItemView extends ItemRow {
  body: string;
  categoryPath: string[];
  attachments: Attachment[];
  hits: HitView[];
  normativeDocument: NormativeDocument | null;
}

const opt = (v: string | null | undefined) =>
  v === undefined || v === null || v.trim() === '' ? null : v.trim();

function normalise(input: ItemInput): ItemInput {
  return {
    title: input.title.trim(),
    publisher: input.publisher.trim(),
    docNumber: opt(input.docNumber),
    writtenOn: opt(input.writtenOn),
    changedOn: opt(input.changedOn),
    effectiveOn: opt(input.effectiveOn),
    categoryCode: input.categoryCode.trim(),
    topic: opt(input.topic),
    method: input.method ?? 'proactive',
    scope: input.scope ?? 'full',
    summary: (input.summary ?? '').trim(),
    body: (input.body ?? '').replace(/\r\n?/g, '\n'),
  };
}

function check(input: ItemInput, categories: readonly Category[]): void {
  const problems = checkItemInput(input, categories);
  if (problems.length > 0)
    throw new AppError('validation', problems[0]!.message, problems[0]!.field, { problems });
}

function deadline(calendar: WorkingCalendar, item: Pick<InformationItem, 'writtenOn' | 'changedOn'>) {
  const formed = formationDate(item);
  if (!formed) return { publicationDueOn: null, dueProvisional: false };
  const due = publicationDue(calendar, formed);
  return { publicationDueOn: due.date, dueProvisional: due.provisional };
}

const withoutBody = ({ body, ...rest }: InformationItem) => ({ ...rest, bodyChars: body.length });

export async function createItem(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  raw: ItemInput,
): Promise<ItemView> {
  const staff = requireStaffOf(actor, agencyId, EDITOR_ROLES);
  const input = normalise(raw);
  const config = await catalogConfig(ctx.database.db, agencyId);
  check(input, config.categories);
  const calendar = await workingCalendar(ctx);
  const now = nowIso(ctx);
  const fields = {
    agencyId,
    indexNumber: null,
    title: input.title,
    publisher: input.publisher,
    docNumber: input.docNumber ?? null,
    writtenOn: input.writtenOn ?? null,
    changedOn: input.changedOn ?? null,
    effectiveOn: input.effectiveOn ?? null,
    publishedOn: null,
    categoryCode: input.categoryCode,
    topic: input.topic ?? null,
    method: input.method ?? 'proactive',
    scope: input.scope ?? 'full',
    summary: input.summary ?? '',
    body: input.body ?? '',
    state: 'draft' as const,
    stateReason: null,
    ...deadline(calendar, { writtenOn: input.writtenOn ?? null, changedOn: input.changedOn ?? null }),
    createdBy: staff.userId,
    createdAt: now,
    updatedAt: now,
  };
  const id = await inTransaction(ctx, async (trx, record) => {
    const item = await insertItem(trx, fields, searchTokensOf({ ...fields, id: 0 }, []));
    await replaceHits(trx, item.id, scanItem(item, [], config.extraMarks));
    await record({
      agencyId,
      entityType: 'catalog_item',
      entityId: item.id,
      action: 'create',
      actor: actorOf(actor),
      data: { after: withoutBody(item) },
    });
    return item.id;
  });
  return itemView(ctx, actor, id);
}

/** Changes a draft's fields (partial: fields left out keep their value). */
export async function updateItemFields(
  ctx: ServiceContext,
  actor: Principal,
  itemId: number,
  patch: Partial<ItemInput>,
): Promise<ItemView> {
  const before = await visibleItem(ctx, actor, itemId);
  requireStaffOf(actor, before.agencyId, EDITOR_ROLES);
  if (before.state !== 'draft')
    throw new AppError(
      'invalid_state',
      `“${ITEM_STATE_LABEL[before.state]}”状态的信息不能修改；如需修改，请审核人先退回`,
    );
  const input = normalise({
    title: patch.title ?? before.title,
    publisher: patch.publisher ?? before.publisher,
    docNumber: patch.docNumber === undefined ? before.docNumber : patch.docNumber,
    writtenOn: patch.writtenOn === undefined ? before.writtenOn : patch.writtenOn,
    changedOn: patch.changedOn === undefined ? before.changedOn : patch.changedOn,
    effectiveOn: patch.effectiveOn === undefined ? before.effectiveOn : patch.effectiveOn,
    categoryCode: patch.categoryCode ?? before.categoryCode,
    topic: patch.topic === undefined ? before.topic : patch.topic,
    method: patch.method ?? before.method,
    scope: patch.scope ?? before.scope,
    summary: patch.summary ?? before.summary,
    body: patch.body ?? before.body,
  });
  const config = await catalogConfig(ctx.database.db, before.agencyId);
  check(input, config.categories);
  const calendar = await workingCalendar(ctx);
  await inTransaction(ctx, async (trx, record) => {
    const current = await findItem(trx, itemId);
    if (!current || current.state !== 'draft' || current.updatedAt !== before.updatedAt)
      throw new AppError('conflict', '该信息已被他人修改，请刷新后重试');
    const after: InformationItem = {
      ...current,
      title: input.title,
      publisher: input.publisher,
      docNumber: input.docNumber ?? null,
      writtenOn: input.writtenOn ?? null,
      changedOn: input.changedOn ?? null,
      effectiveOn: input.effectiveOn ?? null,
      categoryCode: input.categoryCode,
      topic: input.topic ?? null,
      method: input.method ?? 'proactive',
      scope: input.scope ?? 'full',
      summary: input.summary ?? '',
      body: input.body ?? '',
      ...deadline(calendar, { writtenOn: input.writtenOn ?? null, changedOn: input.changedOn ?? null }),
      updatedAt: nowIso(ctx),
    };
    await saveWithContent(trx, after, config.extraMarks);
    const changed = (Object.keys(after) as (keyof InformationItem)[]).filter(
      (k) => k !== 'updatedAt' && after[k] !== current[k],
    );
    await record({
      agencyId: after.agencyId,
      entityType: 'catalog_item',
      entityId: itemId,
      action: 'update',
      actor: actorOf(actor),
      data: { changed, before: withoutBody(current), after: withoutBody(after) },
    });
  });
  return itemView(ctx, actor, itemId);
}

/** The item if the actor may read it (own agency, or a supervisor above it); not found otherwise. */
export async function visibleItem(
  ctx: ServiceContext,
  actor: Principal,
  itemId: number,
): Promise<InformationItem> {
  const item = await findItem(ctx.database.db, itemId);
  if (!item) throw notFound('信息条目');
  try {
    await requireReader(ctx, actor, item.agencyId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') throw notFound('信息条目');
    throw error;
  }
  return item;
}

function actionsFor(actor: Principal, item: { state: ItemState; agencyId: number }): ActionView[] {
  if (actor.kind !== 'staff' || actor.agencyId !== item.agencyId) return [];
  return availableActions(item.state, actor.roles).map((action) => ({
    action,
    label: TRANSITIONS[action].label,
    needsReason: TRANSITIONS[action].needsReason,
  }));
}

function row(actor: Principal, item: ItemSummary, uncleared: number, today: string): ItemRow {
  const validity = validityOf(item.state);
  const t = timeliness(item.publicationDueOn, item.publishedOn, today);
  return {
    ...item,
    stateLabel: ITEM_STATE_LABEL[item.state],
    validity,
    validityLabel: VALIDITY_LABEL[validity],
    timeliness: t,
    timelinessLabel: TIMELINESS_LABEL[t],
    unclearedHits: uncleared,
    actions: actionsFor(actor, item),
  };
}

export async function itemView(ctx: ServiceContext, actor: Principal, itemId: number): Promise<ItemView> {
  const item = await visibleItem(ctx, actor, itemId);
  return viewOf(ctx.database.db, actor, item, todayInChina(ctx));
}

async function viewOf(db: Db, actor: Principal, item: InformationItem, today: string): Promise<ItemView> {
  const [config, attachments, hits, normativeDocument] = await Promise.all([
    catalogConfig(db, item.agencyId),
    attachmentListOf(db, item.id),
    hitsOf(db, item.id),
    normativeDocumentOfItem(db, item.id),
  ]);
  const names = new Map(attachments.map((a) => [`attachment:${a.id}`, a.fileName]));
  const { body, ...summary } = item;
  return {
    ...row(actor, summary, hits.filter((h) => !h.clearedAt).length, today),
    body,
    categoryPath: categoryPath(config.categories, item.categoryCode).map((c) => c.name),
    attachments,
    hits: hits.map((h) => ({
      ...h,
      kindLabel: HIT_KIND_LABEL[h.kind],
      sourceLabel: scanSourceLabel(h.source, names.get(h.source)),
    })),
    normativeDocument,
  };
}

export interface ItemQuery {
  state?: ItemState;
  categoryCode?: string;
  year?: number;
  q?: string;
  timeliness?: 'late' | 'overdue';
  page?: number;
  pageSize?: number;
}

/** The console's item list: any state, filtered; Art. 26 filters mirror `timeliness()`. */
export async function listCatalogItems(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  query: ItemQuery,
): Promise<{ total: number; page: number; pageSize: number; items: ItemRow[] }> {
  await requireReader(ctx, actor, agencyId);
  const db = ctx.database.db;
  const config = await catalogConfig(db, agencyId);
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  const today = todayInChina(ctx);
  const filter: ItemFilter = {
    agencyId,
    ...(query.state ? { states: [query.state] } : {}),
    ...(query.categoryCode ? { categoryCodes: categoryCodes(config.categories, query.categoryCode) } : {}),
    ...(query.year ? { year: query.year } : {}),
    ...(query.q?.trim() ? { titleContains: query.q.trim() } : {}),
    ...(query.timeliness === 'late' ? { timeliness: { kind: 'late' as const } } : {}),
    ...(query.timeliness === 'overdue' ? { timeliness: { kind: 'overdue' as const, today } } : {}),
  };
  const { total, items } = await listItems(db, filter, { limit: pageSize, offset: (page - 1) * pageSize });
  const counts = await unclearedCounts(
    db,
    items.map((i) => i.id),
  );
  return { total, page, pageSize, items: items.map((i) => row(actor, i, counts.get(i.id) ?? 0, today)) };
}

function categoryCodes(categories: readonly Category[], code: string): string[] {
  if (!findCategory(categories, code))
    throw new AppError('validation', `目录分类“${code}”不存在`, 'categoryCode');
  const out = [code];
  for (let i = 0; i < out.length; i++) for (const c of categories) if (c.parent === out[i]) out.push(c.code);
  return out;
}

/** The review queue: items waiting in the review chain, oldest first, with their uncleared hits. */
export async function reviewQueue(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
): Promise<ItemRow[]> {
  await requireReader(ctx, actor, agencyId);
  const db = ctx.database.db;
  const { items } = await listItems(db, { agencyId, states: REVIEW_QUEUE_STATES }, { limit: 500, offset: 0 });
  const counts = await unclearedCounts(
    db,
    items.map((i) => i.id),
  );
  const today = todayInChina(ctx);
  return items
    .map((i) => row(actor, i, counts.get(i.id) ?? 0, today))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : a.id - b.id));
}
