import type { Action, RequestedItem } from '../../domain/application/index.ts';
import { isClosed, STATE_LABEL } from '../../domain/application/index.ts';
import { AppError } from '../../domain/errors.ts';
import type { LetterDocument } from '../../domain/letters/index.ts';
import { LETTER_KIND_LABEL } from '../../domain/letters/index.ts';
import type { StoredApplication } from '../../persistence/repositories/application.repository.ts';
import {
  findApplication,
  findApplicationByTrackingCode,
} from '../../persistence/repositories/application.repository.ts';
import { findAgency } from '../../persistence/repositories/agency.repository.ts';
import type { LetterRow } from '../../persistence/repositories/letter.repository.ts';
import { findLetter, lettersOf } from '../../persistence/repositories/letter.repository.ts';
import {
  findReplyAttachment,
  replyAttachmentsOf,
} from '../../persistence/repositories/reply-attachment.repository.ts';
import { sha256 } from '../../security/tokens.ts';
import { attachmentPath } from '../catalog/attachment.service.ts';
import type { ServiceContext } from '../context.ts';
import { todayInChina } from '../context.ts';
import { applicantName } from './applicant-input.ts';
import { applyAndStore } from './actions.ts';
import { letterDocument } from './letters.ts';
import { normaliseTrackingCode } from './tracking-code.ts';

/**
 * The applicant's side of the round trip, by 查询码 and 查询密码 (never in a URL): their own application's
 * progress, every letter served to them (opening one at /status is its electronic service — 网上查询送达 — when
 * it was not served otherwise), the information the reply discloses, and the 补正 submitted online (网络渠道: the
 * day of submission is the correction's receipt date, 条例第三十一条第（三）项).
 */
export async function ownApplication(
  ctx: ServiceContext,
  code: string,
  secret: string,
): Promise<StoredApplication> {
  const stored = await findApplicationByTrackingCode(ctx.database.db, normaliseTrackingCode(code));
  const secretOk = stored !== null && sha256(secret.trim().toUpperCase()) === stored.secretHash;
  if (!stored || !secretOk) throw new AppError('not_found', '查询码或查询密码不正确', 'trackingCode');
  return stored;
}

const PORTAL = { roles: ['registrar'] as const, role: null, userId: null, principal: null };

/** Records 网上查询送达 of a letter the applicant opened, unless it was served already (retried once on a race). */
async function serveOnOpen(ctx: ServiceContext, stored: StoredApplication, row: LetterRow): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const current = attempt === 0 ? stored : (await findApplication(ctx.database.db, stored.id))!;
    const index = row.letter_index;
    if (index === null || current.application.letters[index]?.service !== null) return;
    const today = todayInChina(ctx);
    const action: Action = {
      type: 'record_service',
      letter: index,
      service: {
        method: 'online',
        servedOn: today,
        proof: `申请人于${today}凭查询码和查询密码在申请进度查询页面打开了本文书`,
      },
    };
    try {
      await applyAndStore(ctx, current, { id: 'system:portal', ...PORTAL, roles: [...PORTAL.roles] }, action);
      return;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'conflict' || attempt > 0) throw error;
    }
  }
}

/** A letter of the applicant's own application, as sent; opening it serves it (网上查询送达). */
export async function applicantLetter(
  ctx: ServiceContext,
  code: string,
  secret: string,
  letterId: number,
): Promise<{ document: LetterDocument; agencyId: number }> {
  const stored = await ownApplication(ctx, code, secret);
  const row = await findLetter(ctx.database.db, stored.id, letterId);
  if (!row || row.kind === 'consultation') throw new AppError('not_found', '没有这份文书', 'letterId');
  await serveOnOpen(ctx, stored, row);
  return { document: await letterDocument(ctx, stored, row), agencyId: stored.agencyId };
}

/** A file the reply disclosed: available once the reply was sent. */
export async function applicantReplyAttachment(
  ctx: ServiceContext,
  code: string,
  secret: string,
  attachmentId: number,
) {
  const stored = await ownApplication(ctx, code, secret);
  const attachment = await findReplyAttachment(ctx.database.db, stored.id, attachmentId);
  const sent = stored.application.letters.some((l) => l.kind === 'reply');
  if (!attachment || !sent) throw new AppError('not_found', '没有这个附件', 'attachmentId');
  return { attachment, path: attachmentPath(ctx, attachment.sha256) };
}

/** The 补正 submitted at /status: the clarified request and, when given, a new address. */
export async function correctOnline(
  ctx: ServiceContext,
  code: string,
  secret: string,
  input: { items: RequestedItem[]; address: string | null },
): Promise<void> {
  let stored = await ownApplication(ctx, code, secret);
  if (stored.application.state !== 'correction_requested')
    throw new AppError('invalid_state', '本申请当前无需补正');
  const actor = { id: `applicant:${stored.id}`, ...PORTAL, roles: [...PORTAL.roles] };
  const index = stored.application.letters.findIndex((l) => l.kind === 'correction' && l.service === null);
  const row = (await lettersOf(ctx.database.db, stored.id)).find((l) => l.letter_index === index);
  if (index >= 0 && row) {
    // the applicant answers the notice: it reached them, at the latest today
    await serveOnOpen(ctx, stored, row);
    stored = (await findApplication(ctx.database.db, stored.id))!;
  }
  await applyAndStore(
    ctx,
    stored,
    actor,
    { type: 'receive_correction', receivedOn: todayInChina(ctx), items: input.items },
    { applicant: { address: input.address } },
  );
}

/** What an applicant sees: their own application's progress, letters, files and next step. */
export async function lookupByTrackingCode(ctx: ServiceContext, code: string, secret: string) {
  const stored = await ownApplication(ctx, code, secret);
  const a = stored.application;
  const db = ctx.database.db;
  const [rows, files, agency] = await Promise.all([
    lettersOf(db, stored.id),
    replyAttachmentsOf(db, stored.id),
    findAgency(db, stored.agencyId),
  ]);
  const replied = a.letters.some((l) => l.kind === 'reply');
  return {
    trackingCode: stored.trackingCode,
    agencyName: agency?.name ?? '',
    applicantName: applicantName(ctx.cipher, stored.applicant.nameEnc, stored.applicant.nameIdx),
    receivedOn: a.receivedOn,
    state: a.state,
    stateLabel: STATE_LABEL[a.state],
    replyDue: isClosed(a.state) ? null : (a.deadlines.reply?.date ?? null),
    correction:
      a.state === 'correction_requested'
        ? {
            points: a.correction?.points ?? [],
            periodDays: a.correction?.periodDays ?? 0,
            servedOn: a.correction?.servedOn ?? null,
            due: a.deadlines.correctionResponse?.date ?? null,
          }
        : null,
    feeDue: a.state === 'fee_pending' ? (a.deadlines.feePayment?.date ?? null) : null,
    closedOn: a.closedOn,
    items: a.items,
    letters: rows
      .filter((l) => l.kind !== 'consultation')
      .map((l) => {
        const service = l.letter_index === null ? null : (a.letters[l.letter_index]?.service ?? null);
        return {
          id: l.id,
          kind: l.kind,
          label: LETTER_KIND_LABEL[l.kind as keyof typeof LETTER_KIND_LABEL] ?? l.kind,
          number: l.number,
          date: (JSON.parse(l.data) as { date?: string }).date ?? l.created_at.slice(0, 10),
          servedOn: service?.servedOn ?? null,
        };
      }),
    attachments: replied
      ? files.map((f) => ({ id: f.id, fileName: f.fileName, size: f.size, redacted: f.redacted }))
      : [],
    remedies: {
      reconsideration: a.deadlines.reconsideration?.date ?? null,
      litigation: a.deadlines.litigation?.date ?? null,
    },
  };
}
export type StatusLookup = Awaited<ReturnType<typeof lookupByTrackingCode>>;
