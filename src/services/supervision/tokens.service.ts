import type { Principal } from '../../domain/access/principal.ts';
import { actorOf, hasRole } from '../../domain/access/principal.ts';
import { AppError, forbidden } from '../../domain/errors.ts';
import type { SupervisionToken } from '../../persistence/repositories/supervision-tokens.repository.ts';
import {
  findToken,
  findTokenByHash,
  insertToken,
  markTokenUsed,
  revokeToken,
  tokensOf,
} from '../../persistence/repositories/supervision-tokens.repository.ts';
import { randomToken, sha256 } from '../../security/tokens.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';

/**
 * Read-only API tokens for a provincial platform to pull an agency's supervision figures (collection, findings,
 * rollup, dashboard) over its subtree: an administrator of the agency creates one (shown once, stored as
 * sha256) and revokes it; every use is an audit event.
 */
export const TOKEN_ENTITY = 'supervision_token';
export const TOKEN_PREFIX = 'gks_';

function requireAdmin(actor: Principal): Extract<Principal, { kind: 'staff' }> {
  if (actor.kind !== 'staff') throw new AppError('unauthenticated', '请先登录');
  if (!hasRole(actor, 'admin')) throw forbidden('只有本机关管理员可以管理 API 令牌');
  return actor;
}

export async function createToken(
  ctx: ServiceContext,
  actor: Principal,
  input: { name: string },
): Promise<{ token: string; record: SupervisionToken }> {
  const admin = requireAdmin(actor);
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name) throw new AppError('validation', '请填写令牌用途（如：省政务公开平台）', 'name');
  if (name.length > 100) throw new AppError('validation', '令牌用途最多 100 个字', 'name');
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const record = await inTransaction(ctx, async (trx, recordEvent) => {
    const saved = await insertToken(trx, {
      agencyId: admin.agencyId,
      name,
      tokenHash: sha256(token),
      hint: token.slice(-4),
      createdBy: admin.userId,
      createdAt: nowIso(ctx),
    });
    await recordEvent({
      agencyId: admin.agencyId,
      entityType: TOKEN_ENTITY,
      entityId: saved.id,
      action: 'create',
      actor: actorOf(admin),
      actorRole: admin.roles.join(','),
      data: { name, hint: saved.hint },
    });
    return saved;
  });
  return { token, record };
}

export async function listTokens(ctx: ServiceContext, actor: Principal): Promise<SupervisionToken[]> {
  const admin = requireAdmin(actor);
  return tokensOf(ctx.database.db, admin.agencyId);
}

export async function revokeTokenById(ctx: ServiceContext, actor: Principal, id: number): Promise<void> {
  const admin = requireAdmin(actor);
  await inTransaction(ctx, async (trx, recordEvent) => {
    const token = await findToken(trx, id);
    if (!token || token.agencyId !== admin.agencyId) throw new AppError('not_found', 'API 令牌不存在', 'id');
    if (!(await revokeToken(trx, id, nowIso(ctx))))
      throw new AppError('invalid_state', 'API 令牌已撤销', 'id');
    await recordEvent({
      agencyId: admin.agencyId,
      entityType: TOKEN_ENTITY,
      entityId: id,
      action: 'revoke',
      actor: actorOf(admin),
      actorRole: admin.roles.join(','),
      data: { name: token.name, hint: token.hint },
    });
  });
}

/** A token's use: valid and not revoked, or unauthenticated; the use is recorded with what was asked. */
export async function authenticateToken(
  ctx: ServiceContext,
  token: string,
  request: string,
): Promise<SupervisionToken> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200)
    throw new AppError('unauthenticated', 'API 令牌无效或已撤销');
  const hash = sha256(token);
  return inTransaction(ctx, async (trx, recordEvent) => {
    const found = await findTokenByHash(trx, hash);
    if (!found || found.revokedAt !== null) throw new AppError('unauthenticated', 'API 令牌无效或已撤销');
    const at = nowIso(ctx);
    await markTokenUsed(trx, found.id, at);
    await recordEvent({
      agencyId: found.agencyId,
      entityType: TOKEN_ENTITY,
      entityId: found.id,
      action: 'read',
      actor: `token:${found.id}`,
      data: { request: request.slice(0, 300) },
    });
    return { ...found, lastUsedAt: at };
  });
}
