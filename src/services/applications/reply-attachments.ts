import { createHash } from 'node:crypto';
import type { Principal } from '../../domain/access/principal.ts';
import { actorOf, isStaffOf } from '../../domain/access/principal.ts';
import { isClosed } from '../../domain/application/index.ts';
import { AppError, forbidden, notFound, validationError } from '../../domain/errors.ts';
import type { StoredApplication } from '../../persistence/repositories/application.repository.ts';
import { findApplication } from '../../persistence/repositories/application.repository.ts';
import type { ReplyAttachment } from '../../persistence/repositories/reply-attachment.repository.ts';
import {
  deleteReplyAttachment,
  findReplyAttachment,
  insertReplyAttachment,
  replyAttachmentsOf,
} from '../../persistence/repositories/reply-attachment.repository.ts';
import { attachmentPath, cleanName, store } from '../catalog/attachment.service.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';

/**
 * The information a reply discloses (条例第三十六条第（二）项, 第三十七条): files attached to the reply — the 政府信息
 * itself, a copy with the withheld parts redacted marked as such — kept with the case (stored by content like
 * the catalog's attachments, so backups carry them), listed in the reply's 附件 line, handed to the applicant at
 * /status once the reply is sent. The files are handed over, not read: nothing here parses them; the type is
 * told from the first bytes and the name only.
 */
export const MAX_REPLY_ATTACHMENTS = 20;
const MEDIA_BY_EXTENSION: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
  '.ofd': 'application/ofd',
};
const starts = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** The media type from the magic number (PDF, PNG, JPEG) or, for a ZIP container, the file name. */
export function replyMediaType(bytes: Uint8Array, fileName: string): string {
  if (starts(bytes, 0x25, 0x50, 0x44, 0x46)) return 'application/pdf';
  if (starts(bytes, 0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(bytes, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  const ext = fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04)) return MEDIA_BY_EXTENSION[ext] ?? 'application/zip';
  return 'application/octet-stream';
}

async function handledBy(ctx: ServiceContext, principal: Principal, id: number): Promise<StoredApplication> {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const stored = await findApplication(ctx.database.db, id);
  if (!stored || stored.agencyId !== principal.agencyId) throw notFound('申请');
  if (!principal.roles.some((r) => r === 'handler' || r === 'registrar'))
    throw forbidden('答复附件须由承办人或登记员添加');
  return stored;
}

export async function listReplyAttachments(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
): Promise<ReplyAttachment[]> {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const stored = await findApplication(ctx.database.db, id);
  if (!stored || !isStaffOf(principal, stored.agencyId)) throw notFound('申请');
  return replyAttachmentsOf(ctx.database.db, id);
}

export async function addReplyAttachment(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
  file: { fileName: string; bytes: Uint8Array },
  meta: { redacted: boolean; note: string | null },
): Promise<ReplyAttachment[]> {
  const stored = await handledBy(ctx, principal, id);
  if (isClosed(stored.application.state))
    throw new AppError('invalid_state', '已答复的申请不能再添加答复附件');
  const fileName = cleanName(file.fileName);
  if (!fileName) throw validationError('file', '附件缺少文件名');
  if (file.bytes.length === 0) throw validationError('file', `附件“${fileName}”是空文件`);
  const note = meta.note?.trim() || null;
  if (note && note.length > 200) throw validationError('note', '附件说明不能超过 200 字');
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  await store(ctx, sha256, file.bytes);
  await inTransaction(ctx, async (trx, record) => {
    if ((await replyAttachmentsOf(trx, id)).length >= MAX_REPLY_ATTACHMENTS)
      throw validationError('file', `每件答复最多 ${MAX_REPLY_ATTACHMENTS} 个附件`);
    const attachment = await insertReplyAttachment(trx, {
      applicationId: id,
      fileName,
      mediaType: replyMediaType(file.bytes, fileName),
      size: file.bytes.length,
      sha256,
      redacted: meta.redacted,
      note,
      createdAt: nowIso(ctx),
      createdBy: actorOf(principal),
    });
    await record({
      agencyId: stored.agencyId,
      entityType: 'application',
      entityId: id,
      action: 'add_reply_attachment',
      actor: actorOf(principal),
      data: { attachmentId: attachment.id, fileName, size: attachment.size, sha256, redacted: meta.redacted },
    });
  });
  return replyAttachmentsOf(ctx.database.db, id);
}

export async function removeReplyAttachment(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
  attachmentId: number,
): Promise<ReplyAttachment[]> {
  const stored = await handledBy(ctx, principal, id);
  if (isClosed(stored.application.state)) throw new AppError('invalid_state', '已随答复送出的附件不能删除');
  await inTransaction(ctx, async (trx, record) => {
    const attachment = await findReplyAttachment(trx, id, attachmentId);
    if (!attachment) throw notFound('附件');
    await deleteReplyAttachment(trx, attachmentId);
    await record({
      agencyId: stored.agencyId,
      entityType: 'application',
      entityId: id,
      action: 'remove_reply_attachment',
      actor: actorOf(principal),
      data: { attachmentId, fileName: attachment.fileName, sha256: attachment.sha256 },
    });
  });
  return replyAttachmentsOf(ctx.database.db, id);
}

/** A reply attachment for the staff of the agency handling the case (not a supervisor above it). */
export async function openReplyAttachment(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
  attachmentId: number,
): Promise<{ attachment: ReplyAttachment; path: string }> {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const stored = await findApplication(ctx.database.db, id);
  if (!stored || !isStaffOf(principal, stored.agencyId)) throw notFound('申请');
  const attachment = await findReplyAttachment(ctx.database.db, id, attachmentId);
  if (!attachment) throw notFound('附件');
  return { attachment, path: attachmentPath(ctx, attachment.sha256) };
}
