import type { Principal } from '../../domain/access/principal.ts';
import type { Role } from '../../domain/access/roles.ts';
import { ROLE_LABEL } from '../../domain/access/roles.ts';
import { AppError, forbidden } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { canSeeAgency } from '../staff.service.ts';

export type Staff = Extract<Principal, { kind: 'staff' }>;

/** Recording 行政复议 / 行政诉讼 cases: 承办人, 负责人, 管理员 of the agency the case is against. */
export const APPEAL_EDITORS: readonly Role[] = ['handler', 'head', 'admin'];

export function requireEditor(actor: Principal, agencyId: number): Staff {
  if (actor.kind !== 'staff') throw new AppError('unauthenticated', '请先登录');
  if (actor.agencyId !== agencyId) throw forbidden('只能登记本机关的行政复议、行政诉讼案件');
  if (!APPEAL_EDITORS.some((r) => actor.roles.includes(r)))
    throw forbidden(
      `登记行政复议、行政诉讼案件须由${APPEAL_EDITORS.map((r) => ROLE_LABEL[r]).join('、')}办理`,
    );
  return actor;
}

/** Reading: the agency's own staff, or a supervisor above it. */
export async function requireReader(ctx: ServiceContext, actor: Principal, agencyId: number): Promise<Staff> {
  if (actor.kind !== 'staff') throw new AppError('unauthenticated', '请先登录');
  if (!(await canSeeAgency(ctx, actor, agencyId))) throw forbidden('无权查看该机关的行政复议、行政诉讼案件');
  return actor;
}
