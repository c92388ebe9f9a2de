import type { Transaction } from 'kysely';
import type { Principal } from '../../domain/access/principal.ts';
import { actorOf, handlesCasesOf } from '../../domain/access/principal.ts';
import { CASE_HANDLING_ROLES, ROLE_LABEL } from '../../domain/access/roles.ts';
import type { Action, ActionType, AgencyKind, Application } from '../../domain/application/index.ts';
import { AGENCY_KINDS } from '../../domain/application/index.ts';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import type { LetterDocument, LetterKind, ReplyProvision } from '../../domain/letters/index.ts';
import {
  applyAgencyTemplate,
  FILL_KEY_SPEC,
  LETTER_OF_ACTION,
  letterContent,
  missingFills,
} from '../../domain/letters/index.ts';
import type { Agency } from '../../persistence/repositories/agency.repository.ts';
import { findAgency } from '../../persistence/repositories/agency.repository.ts';
import type { StoredApplication } from '../../persistence/repositories/application.repository.ts';
import { findApplication } from '../../persistence/repositories/application.repository.ts';
import type { LetterRow } from '../../persistence/repositories/letter.repository.ts';
import { findLetter, insertLetter, nextLetterSeq } from '../../persistence/repositories/letter.repository.ts';
import type { ReplyAttachment } from '../../persistence/repositories/reply-attachment.repository.ts';
import { replyAttachmentsOf } from '../../persistence/repositories/reply-attachment.repository.ts';
import type { Schema } from '../../persistence/schema.ts';
import type { Db, Recorder, ServiceContext } from '../context.ts';
import { applicantName } from './applicant-input.ts';
import { inTransaction, todayInChina } from '../context.ts';

/** What staff add to a letter when they send it: fill-ins and, for replies, how the information is provided. */
export interface LetterExtras {
  fills?: Record<string, string>;
  provision?: ReplyProvision;
}

/** What is stored with a letter: everything needed to render it again exactly as sent. */
interface StoredLetterData {
  date: string;
  action: ActionType;
  application: Application;
  fills: Record<string, string>;
  provision?: ReplyProvision;
  consultation?: number;
}

/** 文号 prefix from the agency's settings, e.g. "某卫依申" → 某卫依申〔2026〕12号. */
function numberPrefix(agency: Agency): string {
  const prefix = agency.settings.letterNumberPrefix;
  return typeof prefix === 'string' && prefix.trim() ? prefix.trim() : `${agency.name.slice(0, 4)}依申`;
}

/**
 * The reconsideration body's name (行政复议法 2023, Art. 24, 27): a setting when given; otherwise, for a
 * department the 本级人民政府 above it, for a vertically-led body its parent, for a government the one above.
 */
async function reconsiderationBodyName(db: Db, agency: Agency): Promise<string> {
  const set = agency.settings.reconsiderationBodyName;
  if (typeof set === 'string' && set.trim()) return set.trim();
  const parent = agency.parentId ? await findAgency(db, agency.parentId) : null;
  if (parent) return parent.name;
  return agency.kind === 'government' ? '上一级人民政府' : '本级人民政府';
}

async function letterAgency(db: Db, agency: Agency) {
  const s = agency.settings;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return {
    name: agency.name,
    kind: ((AGENCY_KINDS as readonly string[]).includes(agency.kind)
      ? agency.kind
      : 'department') as AgencyKind,
    provincial: s.provincial === true,
    address: text(s.address),
    phone: text(s.phone),
    reconsiderationBodyName: await reconsiderationBodyName(db, agency),
    letterhead: text(s.letterhead) ?? agency.name,
    needsCreationReconsiderationFirst: s.needsCreationReconsiderationFirst !== false,
  };
}

function agencyOverrides(agency: Agency, kind: LetterKind): Record<string, string> {
  const templates = agency.settings.letterTemplates as Record<string, Record<string, string>> | undefined;
  return templates?.[kind] ?? {};
}

/** Builds a letter document: the statutory content, the agency's own copy of the fill-ins, the letter's fill-ins. */
async function buildLetter(
  ctx: ServiceContext,
  db: Db,
  stored: StoredApplication,
  kind: LetterKind,
  number: string,
  data: StoredLetterData,
): Promise<LetterDocument> {
  const agency = (await findAgency(db, stored.agencyId))!;
  const doc = letterContent(kind, {
    agency: await letterAgency(db, agency),
    number,
    date: data.date,
    applicant: {
      name: applicantName(ctx.cipher, stored.applicant.nameEnc, stored.applicant.nameIdx),
      type: data.application.applicantType,
      contactPerson: stored.applicant.contactPerson,
      address: ctx.cipher.decryptOptional(stored.applicant.addressEnc),
    },
    trackingCode: stored.trackingCode,
    application: data.application,
    ...(data.provision ? { provision: data.provision } : {}),
    ...(data.consultation !== undefined ? { consultation: data.consultation } : {}),
  });
  return applyAgencyTemplate(applyAgencyTemplate(doc, agencyOverrides(agency, kind)), data.fills);
}

/** The 附件 line of a reply: the files handed over with it, a redacted copy marked as such (条例第三十七条). */
export function attachmentLine(files: readonly ReplyAttachment[]): string[] {
  return files.map((f) => (f.redacted ? `${f.fileName}（已作区分处理）` : f.fileName));
}

/**
 * Records the letter an action sends, numbered per agency, kind and year, in the same transaction as the
 * action; the row names the letter of the application's value it prints (letter_index), whose service record
 * the value holds. A reply lists the files attached to it. A letter with a blank fill-in is not sent: the whole
 * action is refused, naming the fill-in.
 */
export async function issueLettersFor(
  ctx: ServiceContext,
  trx: Transaction<Schema>,
  record: Recorder,
  stored: StoredApplication,
  action: Action,
  actor: string,
  extras: LetterExtras = {},
): Promise<void> {
  const kind = LETTER_OF_ACTION[action.type];
  if (!kind) return;
  const agency = (await findAgency(trx, stored.agencyId))!;
  const today = todayInChina(ctx);
  const year = Number(today.slice(0, 4));
  const seq = await nextLetterSeq(trx, stored.agencyId, kind, year);
  const number = `${numberPrefix(agency)}〔${year}〕${seq}号`;
  const files = kind === 'reply' ? await replyAttachmentsOf(trx, stored.id) : [];
  const provision =
    files.length > 0
      ? {
          ...extras.provision,
          attachments: [...attachmentLine(files), ...(extras.provision?.attachments ?? [])],
        }
      : extras.provision;
  const data: StoredLetterData = {
    date: today,
    action: action.type,
    application: stored.application,
    fills: extras.fills ?? {},
    ...(provision ? { provision } : {}),
    ...(kind === 'consultation' ? { consultation: stored.application.consultations.length - 1 } : {}),
  };
  const doc = await buildLetter(ctx, trx, stored, kind, number, data);
  const missing = missingFills(doc);
  if (missing.length > 0)
    throw new AppError(
      'validation',
      `发出文书前请填写：${missing.map((k) => FILL_KEY_SPEC[k].label).join('、')}`,
      `letter.fills.${missing[0]}`,
      missing.map((k) => ({ field: `letter.fills.${k}`, message: `请填写“${FILL_KEY_SPEC[k].label}”` })),
    );
  const { id } = await insertLetter(trx, {
    application_id: stored.id,
    agency_id: stored.agencyId,
    kind,
    number,
    year,
    seq,
    data: JSON.stringify(data),
    letter_index: stored.application.letters.length - 1,
    created_at: ctx.now().toISOString(),
    created_by: actor,
  });
  await record({
    agencyId: stored.agencyId,
    entityType: 'letter',
    entityId: id,
    action: 'issue',
    actor,
    data: { applicationId: stored.id, kind, number },
  });
}

/** A stored letter row rebuilt as sent. */
export async function letterDocument(
  ctx: ServiceContext,
  stored: StoredApplication,
  row: LetterRow,
): Promise<LetterDocument> {
  return buildLetter(
    ctx,
    ctx.database.db,
    stored,
    row.kind as LetterKind,
    row.number,
    JSON.parse(row.data) as StoredLetterData,
  );
}

/**
 * The application, for the staff who handle it: its agency's staff with a case-handling role. A letter names the
 * applicant and gives the full postal address, so neither a supervisor above nor a colleague without a part in
 * 依申请公开 (管理员) reads it; another agency's case answers as one that does not exist.
 */
async function handledCase(ctx: ServiceContext, principal: Principal, applicationId: number) {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const stored = await findApplication(ctx.database.db, applicationId);
  if (!stored || principal.agencyId !== stored.agencyId) throw notFound('申请');
  if (!handlesCasesOf(principal, stored.agencyId))
    throw forbidden(
      `文书载有申请人的个人信息，只有承办机关的${CASE_HANDLING_ROLES.map((r) => ROLE_LABEL[r]).join('、')}可以查看`,
    );
  return stored;
}

/**
 * A letter as sent, rebuilt from what was stored with it, for the staff who handle the case. Every view is an
 * audit event (view_letter: who, which letter, in which format), like the reveal of the applicant's data.
 */
export async function sentLetter(
  ctx: ServiceContext,
  principal: Principal,
  applicationId: number,
  letterId: number,
  format: 'html' | 'docx' | 'pdf' = 'html',
): Promise<LetterDocument> {
  const stored = await handledCase(ctx, principal, applicationId);
  const row = await findLetter(ctx.database.db, applicationId, letterId);
  if (!row) throw notFound('文书');
  const document = await letterDocument(ctx, stored, row);
  await inTransaction(ctx, (_trx, record) =>
    record({
      agencyId: stored.agencyId,
      entityType: 'letter',
      entityId: row.id,
      action: 'view_letter',
      actor: actorOf(principal),
      data: { applicationId, number: row.number, format },
    }),
  );
  return document;
}

/**
 * A preview of the letter an action would send now (number marked as not yet assigned), with the fill-ins
 * given: what the console shows before staff press the button. For the staff who handle the case; audited as
 * every view of a letter is (preview_letter).
 */
export async function previewLetter(
  ctx: ServiceContext,
  principal: Principal,
  applicationId: number,
  kind: LetterKind,
  extras: LetterExtras = {},
): Promise<{ document: LetterDocument; missing: string[] }> {
  const stored = await handledCase(ctx, principal, applicationId);
  const db = ctx.database.db;
  const document = await buildLetter(ctx, db, stored, kind, '〔文号待发文时生成〕', {
    date: todayInChina(ctx),
    action: 'send_reply',
    application: stored.application,
    fills: extras.fills ?? {},
    ...(extras.provision ? { provision: extras.provision } : {}),
    ...(kind === 'consultation'
      ? { consultation: Math.max(0, stored.application.consultations.length - 1) }
      : {}),
  });
  await inTransaction(ctx, (_trx, record) =>
    record({
      agencyId: stored.agencyId,
      entityType: 'application',
      entityId: stored.id,
      action: 'preview_letter',
      actor: actorOf(principal),
      data: { kind },
    }),
  );
  return { document, missing: missingFills(document) };
}
