import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import type { LocalDate } from '../../domain/calendar/index.ts';
import { isLocalDate } from '../../domain/calendar/index.ts';
import type { NormativeDocument, NormativeKind, NormativeStatus } from '../../domain/catalog/index.ts';
import {
  checkNormativeDates,
  isPublic,
  NORMATIVE_STATUS_LABEL,
  normativeStatusOn,
} from '../../domain/catalog/index.ts';
import type { Role } from '../../domain/access/roles.ts';
import { AppError, notFound, validationError } from '../../domain/errors.ts';
import { findItem } from '../../persistence/repositories/catalog-item.repository.ts';
import {
  findNormativeDocument,
  insertNormativeDocument,
  normativeDocumentsOf,
  updateNormativeDocument,
} from '../../persistence/repositories/normative-document.repository.ts';
import { requireReader, requireStaffOf } from './access.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso, todayInChina } from '../context.ts';

/**
 * The register of 规章 and 行政规范性文件 (制发 → 现行有效 → 废止), from which table 二's 第二十条第（一）项 rows are
 * counted. Documents published through the catalog enter it at publication; older documents are entered here.
 * A document tied to a public catalog item is repealed through the item (废止), so the portal and the register
 * agree.
 */
export const REGISTER_ROLES: readonly Role[] = ['handler', 'reviewer', 'head', 'admin'];

export interface NormativeInput {
  kind: NormativeKind;
  title: string;
  docNumber?: string | null;
  issuedOn: LocalDate;
  effectiveOn?: LocalDate | null;
  expiresOn?: LocalDate | null;
  publishedOn?: LocalDate | null;
}

export interface NormativeView extends NormativeDocument {
  status: NormativeStatus | null;
  statusLabel: string | null;
}

const view = (doc: NormativeDocument, today: LocalDate): NormativeView => {
  const status = normativeStatusOn(doc, today);
  return { ...doc, status, statusLabel: status ? NORMATIVE_STATUS_LABEL[status] : null };
};

const opt = (v: string | null | undefined) =>
  v === undefined || v === null || v.trim() === '' ? null : v.trim();

function checked(input: NormativeInput) {
  const doc = {
    kind: input.kind,
    title: input.title.trim(),
    docNumber: opt(input.docNumber),
    issuedOn: input.issuedOn,
    effectiveOn: opt(input.effectiveOn),
    expiresOn: opt(input.expiresOn),
    publishedOn: opt(input.publishedOn),
  };
  if (doc.kind !== 'rules' && doc.kind !== 'normative_documents')
    throw validationError('kind', '文件类型只能是规章或行政规范性文件');
  if (!doc.title || doc.title.length > 200) throw validationError('title', '文件名称不能为空，最多 200 个字');
  if ((doc.docNumber ?? '').length > 100) throw validationError('docNumber', '文号最多 100 个字');
  for (const [field, label] of [
    ['issuedOn', '制发日期'],
    ['effectiveOn', '施行日期'],
    ['expiresOn', '有效期截止日期'],
    ['publishedOn', '公开日期'],
  ] as const) {
    const v = doc[field];
    if (v !== null && !isLocalDate(v)) throw validationError(field, `${label}应为 YYYY-MM-DD 格式的有效日期`);
  }
  const problem = checkNormativeDates({ ...doc, repealedOn: null })[0];
  if (problem) throw validationError(problem.field, problem.message);
  return doc;
}

export async function listNormativeDocuments(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  filter: { kind?: NormativeKind; status?: NormativeStatus } = {},
): Promise<NormativeView[]> {
  await requireReader(ctx, actor, agencyId);
  const today = todayInChina(ctx);
  const docs = await normativeDocumentsOf(
    ctx.database.db,
    agencyId,
    filter.kind ? { kind: filter.kind } : {},
  );
  return docs.map((d) => view(d, today)).filter((d) => !filter.status || d.status === filter.status);
}

export async function createNormativeDocument(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  input: NormativeInput,
): Promise<NormativeView> {
  requireStaffOf(actor, agencyId, REGISTER_ROLES);
  const doc = checked(input);
  const created = await inTransaction(ctx, async (trx, record) => {
    const saved = await insertNormativeDocument(
      trx,
      { ...doc, agencyId, repealedOn: null, repealReason: null, itemId: null },
      nowIso(ctx),
    );
    await record({
      agencyId,
      entityType: 'normative_document',
      entityId: saved.id,
      action: 'create',
      actor: actorOf(actor),
      data: { after: saved },
    });
    return saved;
  });
  return view(created, todayInChina(ctx));
}

async function ownDocument(ctx: ServiceContext, actor: Principal, id: number): Promise<NormativeDocument> {
  const doc = await findNormativeDocument(ctx.database.db, id);
  if (!doc || actor.kind !== 'staff' || actor.agencyId !== doc.agencyId) throw notFound('规范性文件');
  requireStaffOf(actor, doc.agencyId, REGISTER_ROLES);
  return doc;
}

/** Corrects a document's particulars (its kind and tie to a catalog item stay as they are). */
export async function updateNormativeDocumentFields(
  ctx: ServiceContext,
  actor: Principal,
  id: number,
  patch: Partial<NormativeInput>,
): Promise<NormativeView> {
  const before = await ownDocument(ctx, actor, id);
  const doc = checked({
    kind: before.kind,
    title: patch.title ?? before.title,
    docNumber: patch.docNumber === undefined ? before.docNumber : patch.docNumber,
    issuedOn: patch.issuedOn ?? before.issuedOn,
    effectiveOn: patch.effectiveOn === undefined ? before.effectiveOn : patch.effectiveOn,
    expiresOn: patch.expiresOn === undefined ? before.expiresOn : patch.expiresOn,
    publishedOn: patch.publishedOn === undefined ? before.publishedOn : patch.publishedOn,
  });
  const after: NormativeDocument = { ...before, ...doc };
  if (after.repealedOn && after.repealedOn < after.issuedOn)
    throw validationError('issuedOn', '制发日期不能晚于废止日期');
  await inTransaction(ctx, async (trx, record) => {
    await updateNormativeDocument(trx, after, nowIso(ctx));
    await record({
      agencyId: before.agencyId,
      entityType: 'normative_document',
      entityId: id,
      action: 'update',
      actor: actorOf(actor),
      data: { before, after },
    });
  });
  return view(after, todayInChina(ctx));
}

/** 废止: on a date (not in the future), with a reason. */
export async function repealNormativeDocument(
  ctx: ServiceContext,
  actor: Principal,
  id: number,
  input: { repealedOn: LocalDate; reason: string },
): Promise<NormativeView> {
  const before = await ownDocument(ctx, actor, id);
  const today = todayInChina(ctx);
  if (before.repealedOn) throw new AppError('invalid_state', `该文件已于 ${before.repealedOn} 废止`);
  if (before.itemId) {
    const item = await findItem(ctx.database.db, before.itemId);
    if (item && isPublic(item.state))
      throw new AppError(
        'invalid_state',
        '该文件已在政府信息公开目录中发布，请在信息条目上执行“废止”，以便网站同步显示',
      );
  }
  if (!isLocalDate(input.repealedOn))
    throw validationError('repealedOn', '废止日期应为 YYYY-MM-DD 格式的有效日期');
  if (input.repealedOn > today) throw validationError('repealedOn', '废止日期不能晚于今天');
  if (input.repealedOn < before.issuedOn) throw validationError('repealedOn', '废止日期不能早于制发日期');
  const reason = input.reason.trim();
  if (!reason || reason.length > 500) throw validationError('reason', '请填写废止理由（最多 500 个字）');
  const after: NormativeDocument = { ...before, repealedOn: input.repealedOn, repealReason: reason };
  await inTransaction(ctx, async (trx, record) => {
    await updateNormativeDocument(trx, after, nowIso(ctx));
    await record({
      agencyId: before.agencyId,
      entityType: 'normative_document',
      entityId: id,
      action: 'repeal',
      actor: actorOf(actor),
      data: { repealedOn: input.repealedOn, reason },
    });
  });
  return view(after, today);
}
