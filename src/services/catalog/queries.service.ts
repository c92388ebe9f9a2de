import type { Principal } from '../../domain/access/principal.ts';
import type {
  Category,
  InformationItem,
  InterpretationState,
  ItemState,
  NormativeDocument,
  ReviewAction,
  Timeliness,
} from '../../domain/catalog/index.ts';
import {
  availableActions,
  categoryPath,
  findCategory,
  HIT_KIND_LABEL,
  INTERPRETATION_STATE_LABEL,
  interpretationState,
  ITEM_STATE_LABEL,
  matterName,
  periodLabel,
  publicationPeriod,
  REVIEW_QUEUE_STATES,
  scanSourceLabel,
  timeliness,
  TIMELINESS_LABEL,
  TRANSITIONS,
  VALIDITY_LABEL,
  validityOf,
} from '../../domain/catalog/index.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Attachment } from '../../persistence/repositories/catalog-attachment.repository.ts';
import { attachmentListOf } from '../../persistence/repositories/catalog-attachment.repository.ts';
import type { StoredHit } from '../../persistence/repositories/catalog-hit.repository.ts';
import { hitsOf, unclearedCounts } from '../../persistence/repositories/catalog-hit.repository.ts';
import type { ItemFilter, ItemSummary } from '../../persistence/repositories/catalog-item.repository.ts';
import { findItem, listItems } from '../../persistence/repositories/catalog-item.repository.ts';
import { normativeDocumentOfItem } from '../../persistence/repositories/normative-document.repository.ts';
import type { LinkedItem } from '../../persistence/repositories/catalog-link.repository.ts';
import { interpretationsOf } from '../../persistence/repositories/catalog-link.repository.ts';
import { findMatter } from '../../persistence/repositories/disclosure-matter.repository.ts';
import { requireReader } from './access.ts';
import { catalogConfig } from './config.service.ts';
import type { Db, ServiceContext } from '../context.ts';
import { todayInChina } from '../context.ts';

/**
 * Reading items back for the console: one item with its attachments, scanner hits and the actions the reader may
 * take; lists filtered by state, category, year, words of the title and Art. 26 timeliness; the review queue.
 * Staff of the agency read its items; supervisors (上级政务公开办) read those of the agencies below them.
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
  /** the 公开事项 it is filed under, with the period its 公开时限 names */
  matter: { id: number; name: string; timeLimit: string; period: string } | null;
  /** a 规范性文件's 政策解读 and where they stand (三同步) */
  interpretations: LinkedItem[];
  interpretationState: InterpretationState;
  interpretationStateLabel: string;
  /** the document a 解读 explains */
  interprets: { id: number; title: string; state: ItemState } | null;
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
  const [config, attachments, hits, normativeDocument, matter, interpretations, interprets] =
    await Promise.all([
      catalogConfig(db, item.agencyId),
      attachmentListOf(db, item.id),
      hitsOf(db, item.id),
      normativeDocumentOfItem(db, item.id),
      item.matterId ? findMatter(db, item.matterId) : Promise.resolve(null),
      interpretationsOf(db, item.id),
      item.interpretsItemId ? findItem(db, item.interpretsItemId) : Promise.resolve(null),
    ]);
  const normative = !!findCategory(config.categories, item.categoryCode)?.normative;
  const iState = interpretationState(normative && item.kind !== 'interpretation', interpretations);
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
    matter: matter
      ? {
          id: matter.id,
          name: matterName(matter),
          timeLimit: matter.timeLimit,
          period: periodLabel(publicationPeriod(matter.timeLimit)),
        }
      : null,
    interpretations,
    interpretationState: iState,
    interpretationStateLabel: INTERPRETATION_STATE_LABEL[iState],
    interprets: interprets ? { id: interprets.id, title: interprets.title, state: interprets.state } : null,
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
