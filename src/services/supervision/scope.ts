import type { Principal } from '../../domain/access/principal.ts';
import { actorOf, hasRole } from '../../domain/access/principal.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { subtreeIds } from '../../persistence/repositories/agency.repository.ts';
import type { ServiceContext } from '../context.ts';
import { authenticateToken } from './tokens.service.ts';

/**
 * Who reads supervision figures, and over which subtree: a supervisor (上级政务公开办) in a session, over their
 * agency's subtree; or a provincial platform with a read-only API token, over the token's agency's subtree. Either
 * may narrow the view to an agency inside that subtree (`root`); anything outside it is "not found", so agencies
 * outside one's subtree are never disclosed.
 */
export interface SupervisionCaller {
  principal: Principal;
  /** the bearer token of the request (Authorization: Bearer …), if any */
  token: string | null;
  /** what was asked (the audit event of a token's use records it) */
  request?: string;
}

export interface SupervisionScope {
  /** the caller's own agency: the top of what they may see */
  agencyId: number;
  /** the subtree viewed (the own agency, or an agency below it) */
  rootId: number;
  via: 'session' | 'token';
  /** the actor string for events */
  actor: string;
  /** the staff member, for a session */
  staff: Extract<Principal, { kind: 'staff' }> | null;
}

export const sessionCaller = (principal: Principal): SupervisionCaller => ({ principal, token: null });

export async function supervisionScope(
  ctx: ServiceContext,
  caller: SupervisionCaller,
  root?: number,
): Promise<SupervisionScope> {
  let scope: SupervisionScope;
  const p = caller.principal;
  if (p.kind === 'staff') {
    if (!hasRole(p, 'supervisor'))
      throw new AppError('forbidden', '只有上级政务公开办可以查看下级机关的汇总情况');
    scope = { agencyId: p.agencyId, rootId: p.agencyId, via: 'session', actor: actorOf(p), staff: p };
  } else if (caller.token) {
    const token = await authenticateToken(ctx, caller.token, caller.request ?? '');
    scope = {
      agencyId: token.agencyId,
      rootId: token.agencyId,
      via: 'token',
      actor: `token:${token.id}`,
      staff: null,
    };
  } else throw new AppError('unauthenticated', '请先登录，或在 Authorization 头中提供 API 令牌');
  if (root !== undefined && root !== scope.agencyId) {
    if (!(await subtreeIds(ctx.database.db, scope.agencyId)).includes(root)) throw notFound('机关');
    scope.rootId = root;
  }
  return scope;
}

/** Write steps need a supervisor in a session (tokens are read-only). */
export function requireSessionSupervisor(principal: Principal): Extract<Principal, { kind: 'staff' }> {
  if (principal.kind !== 'staff') throw new AppError('unauthenticated', '请先登录');
  if (!hasRole(principal, 'supervisor'))
    throw new AppError('forbidden', '只有上级政务公开办可以办理下级机关的年度报告');
  return principal;
}
