import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import { addDays } from '../../domain/calendar/index.ts';
import type { InformationItem, NormativeDocument, ReviewAction } from '../../domain/catalog/index.ts';
import {
  checkTransition,
  CLEARING_ROLES,
  counterYear,
  findCategory,
  formatIndexNumber,
  interpretationPublishRefusal,
  interpretationRefusal,
  interpretationState,
  isPublic,
  TRANSITIONS,
} from '../../domain/catalog/index.ts';
import { interpretationsOf } from '../../persistence/repositories/catalog-link.repository.ts';
import { AppError, notFound, validationError } from '../../domain/errors.ts';
import {
  clearHit as markCleared,
  findHit,
  unclearedHitCount,
} from '../../persistence/repositories/catalog-hit.repository.ts';
import { attachmentsOf } from '../../persistence/repositories/catalog-attachment.repository.ts';
import {
  findItem,
  indexNumberTaken,
  lockItem,
  nextSerial,
  updateItemState,
} from '../../persistence/repositories/catalog-item.repository.ts';
import {
  insertNormativeDocument,
  normativeDocumentOfItem,
  updateNormativeDocument,
} from '../../persistence/repositories/normative-document.repository.ts';
import { requireStaffOf } from './access.ts';
import { catalogChanged } from './cache.ts';
import { portalPagesChanged } from './page-store.service.ts';
import type { CatalogConfig } from './config.service.ts';
import { catalogConfig } from './config.service.ts';
import { searchTokensOf } from './content.ts';
import type { ItemView } from './item.service.ts';
import { itemView, visibleItem } from './item.service.ts';
import type { Db, ServiceContext } from '../context.ts';
import { inTransaction, nowIso, todayInChina } from '../context.ts';

/**
 * The review chain in action: each step checked against the transition table (state, role, reason, cleared
 * hits), written with its event in one transaction. Publication assigns the 索引号 and the 发布日期 and, for a
 * 规章 or 行政规范性文件, opens its record in the normative-document register; 失效 and 废止 close it.
 */
export async function actOnItem(
  ctx: ServiceContext,
  actor: Principal,
  itemId: number,
  action: ReviewAction,
  options: { reason?: string | null } = {},
): Promise<ItemView> {
  const seen = await visibleItem(ctx, actor, itemId);
  const staff = requireStaffOf(actor, seen.agencyId, null);
  const reason = options.reason?.trim() || null;
  if (reason && reason.length > 500) throw validationError('reason', '理由最多 500 个字');
  const config = await catalogConfig(ctx.database.db, seen.agencyId);
  const today = todayInChina(ctx);
  await inTransaction(ctx, async (trx, record) => {
    const item = await lockItem(trx, ctx.database.dialect, itemId);
    if (!item) throw notFound('信息条目');
    const refusal = checkTransition(action, {
      state: item.state,
      roles: staff.roles,
      reason,
      unclearedHits: await unclearedHitCount(trx, itemId),
    });
    if (refusal)
      throw new AppError(
        refusal.code,
        refusal.message,
        refusal.code === 'validation' ? refusal.field : undefined,
      );
    await checkInterpretation(trx, config, item, action);
    const t = TRANSITIONS[action];
    let next: InformationItem = {
      ...item,
      state: t.to,
      updatedAt: nowIso(ctx),
      // the reason of a step that needs one; a publication clears an earlier 退回 note (it is in the event log)
      ...(t.needsReason ? { stateReason: reason } : action === 'publish' ? { stateReason: null } : {}),
    };
    if (action === 'publish') next = await publish(trx, config, next, today);
    if (action === 'publish')
      await updateItemState(trx, next, searchTokensOf(next, await attachmentsOf(trx, itemId)));
    else await updateItemState(trx, next);
    await followRegister(trx, config, next, action, today, reason, nowIso(ctx));
    const alsoPublished: number[] = [];
    if (action === 'publish')
      for (const linked of await interpretationsOf(trx, itemId)) {
        if (linked.state !== 'signed') continue;
        // 同步发布: the signed-off 解读 goes public in the same transaction, on the same day
        const interpretation = await lockItem(trx, ctx.database.dialect, linked.id);
        if (!interpretation || interpretation.state !== 'signed') continue;
        const published = await publish(
          trx,
          config,
          { ...interpretation, state: 'published', stateReason: null, updatedAt: nowIso(ctx) },
          today,
        );
        await updateItemState(trx, published, searchTokensOf(published, await attachmentsOf(trx, linked.id)));
        alsoPublished.push(linked.id);
        await record({
          agencyId: item.agencyId,
          entityType: 'catalog_item',
          entityId: linked.id,
          action: 'publish',
          actor: actorOf(actor),
          actorRole: t.roles.find((r) => staff.roles.includes(r)) ?? null,
          data: {
            from: 'signed',
            to: 'published',
            reason: null,
            indexNumber: published.indexNumber,
            publishedOn: published.publishedOn,
            withDocument: itemId,
          },
        });
      }
    if (isPublic(t.to) || isPublic(item.state))
      await portalPagesChanged(trx, item.agencyId, { items: [itemId, ...alsoPublished], catalog: true });
    await record({
      agencyId: item.agencyId,
      entityType: 'catalog_item',
      entityId: itemId,
      action,
      actor: actorOf(actor),
      actorRole: t.roles.find((r) => staff.roles.includes(r)) ?? null,
      data: {
        from: item.state,
        to: next.state,
        reason,
        indexNumber: next.indexNumber,
        publishedOn: next.publishedOn,
      },
    });
  });
  if (isPublic(TRANSITIONS[action].to) || action === 'withdraw')
    catalogChanged({ database: ctx.database, agencyId: seen.agencyId, items: [itemId] });
  return itemView(ctx, actor, itemId);
}

/**
 * 政策解读 and its 规范性文件: under the agency's setting a document without a 解读 is not submitted, and not
 * published before its 解读 is signed off; a 解读 is not published ahead of its document.
 */
async function checkInterpretation(
  trx: Db,
  config: CatalogConfig,
  item: InformationItem,
  action: ReviewAction,
): Promise<void> {
  if (action !== 'submit' && action !== 'publish') return;
  if (item.kind === 'interpretation' && action === 'publish' && item.interpretsItemId) {
    const doc = await findItem(trx, item.interpretsItemId);
    const refusal = doc ? interpretationPublishRefusal(doc.state) : null;
    if (refusal) throw new AppError('invalid_state', refusal);
    return;
  }
  if (!findCategory(config.categories, item.categoryCode)?.normative) return;
  const state = interpretationState(true, await interpretationsOf(trx, item.id));
  const refusal = interpretationRefusal(action, state, config.interpretationRequired);
  if (refusal) throw new AppError('invalid_state', refusal);
}

/** 索引号 (skipping any number already taken, e.g. after the scheme changed) and 发布日期. */
async function publish(
  trx: Db,
  config: CatalogConfig,
  item: InformationItem,
  today: string,
): Promise<InformationItem> {
  const year = Number(today.slice(0, 4));
  let indexNumber = item.indexNumber;
  for (let attempt = 0; !indexNumber && attempt < 1000; attempt++) {
    const serial = await nextSerial(trx, item.agencyId, counterYear(config.scheme, year));
    const candidate = formatIndexNumber(config.scheme, {
      agencyCode: config.agency.code,
      year,
      categoryCode: item.categoryCode,
      serial,
    });
    if (!(await indexNumberTaken(trx, candidate))) indexNumber = candidate;
  }
  if (!indexNumber) throw new AppError('conflict', '无法生成不重复的索引号，请检查索引号规则', 'indexScheme');
  return { ...item, indexNumber, publishedOn: today };
}

/** Keeps the normative-document register in step with a 规章 or 行政规范性文件 published through the catalog. */
async function followRegister(
  trx: Db,
  config: CatalogConfig,
  item: InformationItem,
  action: ReviewAction,
  today: string,
  reason: string | null,
  now: string,
): Promise<void> {
  const kind = findCategory(config.categories, item.categoryCode)?.normative;
  if (!kind) return;
  const doc = await normativeDocumentOfItem(trx, item.id);
  if (action === 'publish' && !doc) {
    await insertNormativeDocument(
      trx,
      {
        agencyId: item.agencyId,
        kind,
        title: item.title,
        docNumber: item.docNumber,
        issuedOn: item.writtenOn && item.writtenOn <= today ? item.writtenOn : today,
        effectiveOn: item.effectiveOn,
        expiresOn: null,
        publishedOn: today,
        repealedOn: null,
        repealReason: null,
        itemId: item.id,
      },
      now,
    );
    return;
  }
  if (!doc) return;
  let changed: NormativeDocument | null = null;
  if (action === 'expire') {
    const lastDay = addDays(today, -1) < doc.issuedOn ? doc.issuedOn : addDays(today, -1);
    if (!doc.expiresOn || doc.expiresOn > lastDay) changed = { ...doc, expiresOn: lastDay };
  }
  if (action === 'repeal' && !doc.repealedOn) changed = { ...doc, repealedOn: today, repealReason: reason };
  if (changed) await updateNormativeDocument(trx, changed, now);
}

/** A reviewer clears one scanner hit with a note (e.g. “办公电话，可公开”) before the item may move on. */
export async function clearScanHit(
  ctx: ServiceContext,
  actor: Principal,
  hitId: number,
  note: string,
): Promise<ItemView> {
  const hit = await findHit(ctx.database.db, hitId);
  if (!hit) throw notFound('敏感信息检查结果');
  const item = await visibleItem(ctx, actor, hit.itemId);
  const staff = requireStaffOf(actor, item.agencyId, CLEARING_ROLES);
  const text = note.trim();
  if (!text) throw validationError('note', '请填写确认说明（例如：办公电话，可以公开）');
  if (text.length > 500) throw validationError('note', '确认说明最多 500 个字');
  if (isPublic(item.state) || item.state === 'withdrawn')
    throw new AppError('invalid_state', '该信息已发布或撤回，无需再确认');
  await inTransaction(ctx, async (trx, record) => {
    const current = await findHit(trx, hitId);
    if (!current) throw notFound('敏感信息检查结果');
    if (current.clearedAt) throw new AppError('conflict', '该处已由审核人确认');
    await markCleared(trx, hitId, staff.userId, nowIso(ctx), text);
    // the matched text itself (an ID or phone number) stays out of the append-only log
    await record({
      agencyId: item.agencyId,
      entityType: 'catalog_item',
      entityId: item.id,
      action: 'clear_hit',
      actor: actorOf(actor),
      data: { hitId, kind: hit.kind, source: hit.source, start: hit.start, end: hit.end, note: text },
    });
  });
  return itemView(ctx, actor, item.id);
}
