import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import type { Category, InformationItem, ItemInput } from '../../domain/catalog/index.ts';
import type { KindFields } from '../../domain/catalog/index.ts';
import {
  checkItemInput,
  checkKindFields,
  dueUnder,
  EDITOR_ROLES,
  formationDate,
  ITEM_STATE_LABEL,
  PLAIN_KIND,
  publicationPeriod,
} from '../../domain/catalog/index.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import { AppError } from '../../domain/errors.ts';
import { replaceHits } from '../../persistence/repositories/catalog-hit.repository.ts';
import { findItem, insertItem } from '../../persistence/repositories/catalog-item.repository.ts';
import { findMatter } from '../../persistence/repositories/disclosure-matter.repository.ts';
import { workingCalendar } from '../calendar.service.ts';
import { requireStaffOf } from './access.ts';
import { catalogConfig } from './config.service.ts';
import { saveWithContent, scanItem, searchTokensOf } from './content.ts';
import type { ItemView } from './queries.service.ts';
import { itemView, visibleItem } from './queries.service.ts';
import type { Db, ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';

// the console's reads live in catalog-queries.service.ts; re-exported here, where callers first looked for them
export { itemView, listCatalogItems, reviewQueue, visibleItem } from './queries.service.ts';
export type { ActionView, HitView, ItemQuery, ItemRow, ItemView } from './queries.service.ts';

/**
 * Drafting information items: every field checked with the field named, the Art. 26 deadline fixed from the
 * formation or change date, the text scanned and tokenised on every save. Items are edited only as drafts; a
 * reviewer returns an item to draft to have it changed.
 */
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
    matterId: input.matterId ?? null,
    kind: input.kind ?? 'information',
    interpretsItemId: input.interpretsItemId ?? null,
    interpretationForm: input.interpretationForm ?? null,
    mediaUrl: opt(input.mediaUrl),
    concernSource: opt(input.concernSource),
    concernRaisedOn: opt(input.concernRaisedOn),
    topic: opt(input.topic),
    method: input.method ?? 'proactive',
    scope: input.scope ?? 'full',
    summary: (input.summary ?? '').trim(),
    body: (input.body ?? '').replace(/\r\n?/g, '\n'),
  };
}

const kindOf = (input: ItemInput): KindFields => ({
  kind: input.kind ?? PLAIN_KIND.kind,
  interpretsItemId: input.interpretsItemId ?? null,
  interpretationForm: input.interpretationForm ?? null,
  mediaUrl: input.mediaUrl ?? null,
  concernSource: input.concernSource ?? null,
  concernRaisedOn: input.concernRaisedOn ?? null,
});

/**
 * Every field checked, the 事项 and the interpreted document looked up in the agency; returns the 事项's 公开时限
 * (null: none filed, Art. 26 applies).
 */
async function check(
  db: Db,
  agencyId: number,
  input: ItemInput,
  categories: readonly Category[],
  itemId: number | null,
): Promise<string | null> {
  const problems = [...checkItemInput(input, categories), ...checkKindFields(kindOf(input), input.writtenOn)];
  let timeLimit: string | null = null;
  if (input.matterId !== null && input.matterId !== undefined) {
    const matter = await findMatter(db, input.matterId);
    if (!matter || matter.agencyId !== agencyId)
      problems.push({
        field: 'matterId',
        message: `公开事项（编号 ${input.matterId}）不在本机关的标准目录中`,
      });
    else timeLimit = matter.timeLimit;
  }
  if (input.kind === 'interpretation' && input.interpretsItemId) {
    const doc = await findItem(db, input.interpretsItemId);
    if (!doc || doc.agencyId !== agencyId)
      problems.push({
        field: 'interpretsItemId',
        message: `所解读的文件（编号 ${input.interpretsItemId}）不是本机关的信息`,
      });
    else if (doc.kind === 'interpretation' || doc.id === itemId)
      problems.push({ field: 'interpretsItemId', message: '所解读的文件不能是另一篇政策解读' });
    else if (doc.state === 'withdrawn')
      problems.push({ field: 'interpretsItemId', message: '所解读的文件已撤回' });
  }
  if (problems.length > 0)
    throw new AppError('validation', problems[0]!.message, problems[0]!.field, { problems });
  return timeLimit;
}

/** The deadline: the 事项's 公开时限 when it names a period, else Art. 26's 20 working days. */
function deadline(
  calendar: WorkingCalendar,
  item: Pick<InformationItem, 'writtenOn' | 'changedOn'>,
  timeLimit: string | null,
) {
  const formed = formationDate(item);
  if (!formed) return { publicationDueOn: null, dueProvisional: false };
  const due = dueUnder(calendar, publicationPeriod(timeLimit), formed);
  return { publicationDueOn: due.date, dueProvisional: due.provisional };
}

const kindFields = (input: ItemInput) => ({ matterId: input.matterId ?? null, ...kindOf(input) });

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
  const timeLimit = await check(ctx.database.db, agencyId, input, config.categories, null);
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
    ...kindFields(input),
    topic: input.topic ?? null,
    method: input.method ?? 'proactive',
    scope: input.scope ?? 'full',
    summary: input.summary ?? '',
    body: input.body ?? '',
    state: 'draft' as const,
    stateReason: null,
    ...deadline(
      calendar,
      { writtenOn: input.writtenOn ?? null, changedOn: input.changedOn ?? null },
      timeLimit,
    ),
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
    matterId: patch.matterId === undefined ? before.matterId : patch.matterId,
    kind: patch.kind ?? before.kind,
    interpretsItemId: patch.interpretsItemId === undefined ? before.interpretsItemId : patch.interpretsItemId,
    interpretationForm:
      patch.interpretationForm === undefined ? before.interpretationForm : patch.interpretationForm,
    mediaUrl: patch.mediaUrl === undefined ? before.mediaUrl : patch.mediaUrl,
    concernSource: patch.concernSource === undefined ? before.concernSource : patch.concernSource,
    concernRaisedOn: patch.concernRaisedOn === undefined ? before.concernRaisedOn : patch.concernRaisedOn,
    topic: patch.topic === undefined ? before.topic : patch.topic,
    method: patch.method ?? before.method,
    scope: patch.scope ?? before.scope,
    summary: patch.summary ?? before.summary,
    body: patch.body ?? before.body,
  });
  const config = await catalogConfig(ctx.database.db, before.agencyId);
  const timeLimit = await check(ctx.database.db, before.agencyId, input, config.categories, itemId);
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
      ...kindFields(input),
      topic: input.topic ?? null,
      method: input.method ?? 'proactive',
      scope: input.scope ?? 'full',
      summary: input.summary ?? '',
      body: input.body ?? '',
      ...deadline(
        calendar,
        { writtenOn: input.writtenOn ?? null, changedOn: input.changedOn ?? null },
        timeLimit,
      ),
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
