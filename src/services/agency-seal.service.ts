import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Principal } from '../domain/access/principal.ts';
import { actorOf, hasRole, isStaffOf } from '../domain/access/principal.ts';
import { AppError, forbidden, notFound } from '../domain/errors.ts';
import type { SealMediaType } from '../domain/letters/index.ts';
import { SEAL_MAX_BYTES, sealImageInfo } from '../domain/letters/index.ts';
import type { Agency } from '../persistence/repositories/agency.repository.ts';
import { findAgency, updateAgencySettings } from '../persistence/repositories/agency.repository.ts';
import type { LetterSealImage } from '../render/letters/index.ts';
import { attachmentPath, cleanName, store } from './catalog/attachment.service.ts';
import type { ServiceContext } from './context.ts';
import { inTransaction, nowIso } from './context.ts';

/**
 * The agency's 印章 for its letters (issue 12 point 6; GB/T 9704-2012 7.3.5.1): an image the administrator
 * uploads in 机关设置, checked (PNG or JPEG by its first bytes, at most 2 MB, 100–4000 pixels a side), stored by
 * content like the other files (so backups carry it) and named in the agency's settings as `seal`. The setting is
 * written only here — PATCH /api/admin/agency refuses it (closed schema) — and every change is audited. The letters
 * print the seal in the seal area of the PDF and the DOCX; without one the area stays blank for a physical seal.
 */
export interface AgencySeal {
  sha256: string;
  mediaType: SealMediaType;
  size: number;
  width: number;
  height: number;
  fileName: string;
  uploadedAt: string;
  uploadedBy: string;
}

function requireAdminOf(principal: Principal, agencyId: number): void {
  if (!(principal.kind === 'staff' && principal.agencyId === agencyId && hasRole(principal, 'admin')))
    throw forbidden('只有本机关管理员可以设置印章');
}

/** The seal named in the agency's settings, when it is one. */
export function sealOf(agency: Agency): AgencySeal | null {
  const s = agency.settings.seal as Partial<AgencySeal> | null | undefined;
  return s && typeof s.sha256 === 'string' && /^[0-9a-f]{64}$/.test(s.sha256) && s.mediaType
    ? (s as AgencySeal)
    : null;
}

export async function uploadSeal(
  ctx: ServiceContext,
  principal: Principal,
  agencyId: number,
  file: { fileName: string; bytes: Uint8Array },
): Promise<AgencySeal> {
  requireAdminOf(principal, agencyId);
  const info = sealImageInfo(file.bytes);
  if ('error' in info)
    throw new AppError(file.bytes.length > SEAL_MAX_BYTES ? 'too_large' : 'validation', info.error, 'file');
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  await store(ctx, sha256, file.bytes);
  const seal: AgencySeal = {
    sha256,
    mediaType: info.mediaType,
    size: file.bytes.length,
    width: info.width,
    height: info.height,
    fileName: cleanName(file.fileName) || (info.mediaType === 'image/png' ? '印章.png' : '印章.jpg'),
    uploadedAt: nowIso(ctx),
    uploadedBy: actorOf(principal),
  };
  await inTransaction(ctx, async (trx, record) => {
    const agency = await findAgency(trx, agencyId);
    if (!agency) throw notFound('机关');
    const before = sealOf(agency);
    await updateAgencySettings(trx, agencyId, { settings: { ...agency.settings, seal } });
    await record({
      agencyId,
      entityType: 'agency',
      entityId: agencyId,
      action: 'upload_seal',
      actor: actorOf(principal),
      data: { before, after: seal },
    });
  });
  return seal;
}

export async function removeSeal(ctx: ServiceContext, principal: Principal, agencyId: number): Promise<void> {
  requireAdminOf(principal, agencyId);
  await inTransaction(ctx, async (trx, record) => {
    const agency = await findAgency(trx, agencyId);
    if (!agency) throw notFound('机关');
    const before = sealOf(agency);
    if (!before) throw notFound('印章');
    const settings = { ...agency.settings };
    delete settings.seal;
    await updateAgencySettings(trx, agencyId, { settings });
    await record({
      agencyId,
      entityType: 'agency',
      entityId: agencyId,
      action: 'remove_seal',
      actor: actorOf(principal),
      data: { before },
    });
  });
}

/** The seal's file for the console's preview (staff of the agency). */
export async function sealFile(
  ctx: ServiceContext,
  principal: Principal,
  agencyId: number,
): Promise<{ attachment: { mediaType: string; size: number; fileName: string }; path: string }> {
  if (!isStaffOf(principal, agencyId)) throw forbidden('请先登录');
  const agency = await findAgency(ctx.database.db, agencyId);
  const seal = agency ? sealOf(agency) : null;
  if (!seal) throw notFound('印章');
  return { attachment: seal, path: attachmentPath(ctx, seal.sha256) };
}

/**
 * What the letters of an agency print in the seal area: its seal's bytes, or null (no seal set, or its file is
 * missing — then the area stays blank, as for a physical seal). The bytes are checked again, as on upload.
 */
export async function letterSeal(ctx: ServiceContext, agencyId: number): Promise<LetterSealImage | null> {
  const agency = await findAgency(ctx.database.db, agencyId);
  const seal = agency ? sealOf(agency) : null;
  if (!seal) return null;
  const path = attachmentPath(ctx, seal.sha256);
  if (!existsSync(path)) return null;
  const bytes = new Uint8Array(await readFile(path));
  const info = sealImageInfo(bytes);
  return 'error' in info ? null : { bytes, info };
}
