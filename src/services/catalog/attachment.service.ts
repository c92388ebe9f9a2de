import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import { EDITOR_ROLES, isPublic } from '../../domain/catalog/index.ts';
import { AppError, notFound, validationError } from '../../domain/errors.ts';
import type { Attachment } from '../../persistence/repositories/catalog-attachment.repository.ts';
import {
  attachmentCount,
  deleteAttachment,
  findAttachment,
  insertAttachment,
} from '../../persistence/repositories/catalog-attachment.repository.ts';
import { findItem } from '../../persistence/repositories/catalog-item.repository.ts';
import { requireStaffOf } from './access.ts';
import { catalogConfig } from './config.service.ts';
import { saveWithContent } from './content.ts';
import type { AttachmentType } from './extract.ts';
import { isLimitError } from '../../import/limits.ts';
import { detectAttachmentType, MEDIA_TYPE } from './extract.ts';
import type { ItemView } from './item.service.ts';
import { itemView, visibleItem } from './item.service.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';

/**
 * Attachments of a draft: stored once by content (dataDir/attachments/<sha256>), their text extracted and fed to
 * the scanner and the search tokens in the same transaction as the attachment row and its event.
 */
export const MAX_ATTACHMENTS = 20;
const EXTENSION: Record<AttachmentType, string[]> = {
  pdf: ['.pdf'],
  docx: ['.docx'],
  xlsx: ['.xlsx'],
  txt: ['.txt', '.csv', '.md'],
  png: ['.png'],
  jpeg: ['.jpg', '.jpeg'],
};

export const attachmentDir = (ctx: ServiceContext) => join(ctx.dataDir, 'attachments');
export const attachmentPath = (ctx: ServiceContext, sha256: string) => join(attachmentDir(ctx), sha256);

export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // no control characters or quotes: the name goes into Content-Disposition and HTML
  const kept = [...base].filter(
    (ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && !'"<>|*?:'.includes(ch),
  );
  return kept.join('').trim().slice(0, 120);
}

/** Stores a file once by its content (the backup copies this folder; reply attachments use it too). */
export async function store(ctx: ServiceContext, sha256: string, bytes: Uint8Array): Promise<void> {
  const path = attachmentPath(ctx, sha256);
  if (existsSync(path)) return;
  // attachments may hold personal data (a reply's files): the folder 0700, each file 0600
  await mkdir(attachmentDir(ctx), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, bytes, { mode: 0o600 });
  await rename(temp, path);
}

export async function addAttachment(
  ctx: ServiceContext,
  actor: Principal,
  itemId: number,
  file: { fileName: string; bytes: Uint8Array },
): Promise<ItemView> {
  const item = await visibleItem(ctx, actor, itemId);
  requireStaffOf(actor, item.agencyId, EDITOR_ROLES);
  if (item.state !== 'draft')
    throw new AppError('invalid_state', '只能给草稿添加附件；如需修改，请审核人先退回');
  const fileName = cleanName(file.fileName);
  if (!fileName) throw validationError('file', '附件缺少文件名');
  if (file.bytes.length === 0) throw validationError('file', `附件“${fileName}”是空文件`);
  const type = detectAttachmentType(file.bytes);
  if (!type)
    throw new AppError(
      'unsupported_media',
      `附件“${fileName}”的格式不支持：只能上传 PDF、Word（DOCX）、Excel（XLSX）、纯文本或 PNG、JPEG 图片`,
      'file',
    );
  const ext = fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  const name = EXTENSION[type].includes(ext) ? fileName : `${fileName}${EXTENSION[type][0]}`;
  let text: string;
  try {
    text = await ctx.documents.attachmentText(type, file.bytes);
  } catch (error) {
    if (isLimitError(error) || (error instanceof AppError && error.code === 'busy')) throw error;
    const why =
      error instanceof Error && error.name === 'PasswordException'
        ? '文件有密码保护'
        : '文件已损坏或无法读取';
    throw validationError('file', `附件“${fileName}”无法读取：${why}`);
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  await store(ctx, sha256, file.bytes);
  const config = await catalogConfig(ctx.database.db, item.agencyId);
  await inTransaction(ctx, async (trx, record) => {
    const current = await findItem(trx, itemId);
    if (!current || current.state !== 'draft')
      throw new AppError('conflict', '该信息已不是草稿，请刷新后重试');
    if ((await attachmentCount(trx, itemId)) >= MAX_ATTACHMENTS)
      throw validationError('file', `每条信息最多 ${MAX_ATTACHMENTS} 个附件`);
    const attachment = await insertAttachment(trx, {
      itemId,
      fileName: name,
      mediaType: MEDIA_TYPE[type],
      size: file.bytes.length,
      sha256,
      text,
      createdAt: nowIso(ctx),
    });
    await saveWithContent(trx, { ...current, updatedAt: nowIso(ctx) }, config.extraMarks);
    await record({
      agencyId: item.agencyId,
      entityType: 'catalog_item',
      entityId: itemId,
      action: 'add_attachment',
      actor: actorOf(actor),
      data: {
        attachmentId: attachment.id,
        fileName: name,
        mediaType: attachment.mediaType,
        size: attachment.size,
        sha256,
        textChars: text.length,
      },
    });
  });
  return itemView(ctx, actor, itemId);
}

export async function removeAttachment(
  ctx: ServiceContext,
  actor: Principal,
  itemId: number,
  attachmentId: number,
): Promise<ItemView> {
  const item = await visibleItem(ctx, actor, itemId);
  requireStaffOf(actor, item.agencyId, EDITOR_ROLES);
  if (item.state !== 'draft')
    throw new AppError('invalid_state', '只能删除草稿的附件；如需修改，请审核人先退回');
  const config = await catalogConfig(ctx.database.db, item.agencyId);
  await inTransaction(ctx, async (trx, record) => {
    const attachment = await findAttachment(trx, attachmentId);
    if (!attachment || attachment.itemId !== itemId) throw notFound('附件');
    const current = await findItem(trx, itemId);
    if (!current || current.state !== 'draft')
      throw new AppError('conflict', '该信息已不是草稿，请刷新后重试');
    await deleteAttachment(trx, attachmentId);
    await saveWithContent(trx, { ...current, updatedAt: nowIso(ctx) }, config.extraMarks);
    await record({
      agencyId: item.agencyId,
      entityType: 'catalog_item',
      entityId: itemId,
      action: 'remove_attachment',
      actor: actorOf(actor),
      data: { attachmentId, fileName: attachment.fileName, sha256: attachment.sha256 },
    });
  });
  return itemView(ctx, actor, itemId);
}

/**
 * An attachment to download: anyone may fetch one of a public, proactively disclosed item; staff who may read
 * the item may fetch any. Returns the file's path on disk.
 */
export async function openAttachment(
  ctx: ServiceContext,
  principal: Principal,
  itemId: number,
  attachmentId: number,
): Promise<{ attachment: Attachment; path: string }> {
  const item = await findItem(ctx.database.db, itemId);
  const attachment = await findAttachment(ctx.database.db, attachmentId);
  if (!item || !attachment || attachment.itemId !== itemId) throw notFound('附件');
  const publicFile = isPublic(item.state) && item.method === 'proactive';
  if (!publicFile) await visibleItem(ctx, principal, itemId);
  const { text: _, ...meta } = attachment;
  return { attachment: meta, path: attachmentPath(ctx, attachment.sha256) };
}
