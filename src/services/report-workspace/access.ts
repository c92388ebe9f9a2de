import type { Principal } from '../../domain/access/principal.ts';
import { hasRole } from '../../domain/access/principal.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { ReportActor } from '../../domain/report-workspace/index.ts';
import type { Agency } from '../../persistence/repositories/agency.repository.ts';
import { findAgency, subtreeIds } from '../../persistence/repositories/agency.repository.ts';
import type { ServiceContext } from '../context.ts';

export type Staff = Extract<Principal, { kind: 'staff' }>;

/** The actor as the report's transitions see them: their roles and where they stand to the agency. */
export async function reportActor(ctx: ServiceContext, actor: Staff, agencyId: number): Promise<ReportActor> {
  if (actor.agencyId === agencyId) return { roles: actor.roles, relation: 'own' };
  const below = await subtreeIds(ctx.database.db, actor.agencyId);
  return { roles: actor.roles, relation: below.includes(agencyId) ? 'ancestor' : 'other' };
}

/**
 * Who may read an agency's report: its own staff, and a supervisor (上级政务公开办) of an agency above it. Anyone
 * else is told the agency does not exist, so agencies outside one's subtree are not disclosed.
 */
export async function requireReportReader(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
): Promise<{ staff: Staff; agency: Agency; who: ReportActor }> {
  if (actor.kind !== 'staff') throw new AppError('unauthenticated', '请先登录');
  const agency = await findAgency(ctx.database.db, agencyId);
  if (!agency) throw notFound('机关');
  const who = await reportActor(ctx, actor, agencyId);
  if (who.relation === 'other' || (who.relation === 'ancestor' && !hasRole(actor, 'supervisor')))
    throw new AppError('forbidden', '无权查看该机关的年度报告');
  return { staff: actor, agency, who };
}

/** The agency has a supervising agency above it on Gongkai (a report is submitted there before publication). */
export const hasSupervisor = (agency: Agency) => agency.parentId !== null;
