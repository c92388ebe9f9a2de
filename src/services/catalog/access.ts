import type { Principal } from '../../domain/access/principal.ts';
import type { Role } from '../../domain/access/roles.ts';
import { ROLE_LABEL } from '../../domain/access/roles.ts';
import { AppError, forbidden } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { canSeeAgency } from '../staff.service.ts';

/**
 * Who may do what in the catalog (谁公开谁审核): staff of the agency that publishes, holding a role the action
 * names; supervisors (上级政务公开办) may read the catalogs of the agencies below them.
 */
export type Staff = Extract<Principal, { kind: 'staff' }>;

export function requireStaffOf(actor: Principal, agencyId: number, roles: readonly Role[] | null): Staff {
  if (actor.kind !== 'staff') throw new AppError('unauthenticated', '请先登录');
  if (actor.agencyId !== agencyId) throw forbidden('只能处理本机关的政府信息');
  if (roles && !roles.some((r) => actor.roles.includes(r)))
    throw forbidden(`此操作需要以下角色之一：${roles.map((r) => ROLE_LABEL[r]).join('、')}`);
  return actor;
}

/** Read access: the agency's own staff, or a supervisor above it. */
export async function requireReader(ctx: ServiceContext, actor: Principal, agencyId: number): Promise<Staff> {
  if (actor.kind !== 'staff') throw new AppError('unauthenticated', '请先登录');
  if (!(await canSeeAgency(ctx, actor, agencyId))) throw forbidden('无权查看该机关的政府信息');
  return actor;
}
