import type { Principal } from '../../domain/access/principal.ts';
import { actorOf, hasRole } from '../../domain/access/principal.ts';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import type { SupervisionSettings } from '../../domain/supervision/index.ts';
import { checkSupervisionSettings, supervisionSettingsOf } from '../../domain/supervision/index.ts';
import { findAgency, updateAgencySettings } from '../../persistence/repositories/agency.repository.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction } from '../context.ts';

/**
 * The supervising agency's settings for the agencies below it: earlier internal dates for collecting reports
 * and the outlier thresholds. Read by its supervisors and administrators; changed by them, with an event.
 */
function requireOwn(actor: Principal) {
  if (actor.kind !== 'staff') throw new AppError('unauthenticated', '请先登录');
  if (!hasRole(actor, 'supervisor', 'admin')) throw forbidden('只有政务公开办或管理员可以设置监督参数');
  return actor;
}

export async function supervisionSettings(
  ctx: ServiceContext,
  actor: Principal,
): Promise<SupervisionSettings> {
  const staff = requireOwn(actor);
  const agency = await findAgency(ctx.database.db, staff.agencyId);
  if (!agency) throw notFound('机关');
  return supervisionSettingsOf(agency.settings);
}

export async function updateSupervisionSettings(
  ctx: ServiceContext,
  actor: Principal,
  input: Partial<SupervisionSettings>,
): Promise<SupervisionSettings> {
  const staff = requireOwn(actor);
  const next = checkSupervisionSettings(input);
  return inTransaction(ctx, async (trx, record) => {
    const agency = await findAgency(trx, staff.agencyId);
    if (!agency) throw notFound('机关');
    const before = supervisionSettingsOf(agency.settings);
    await updateAgencySettings(trx, agency.id, { settings: { ...agency.settings, supervision: next } });
    await record({
      agencyId: agency.id,
      entityType: 'agency',
      entityId: agency.id,
      action: 'update_supervision_settings',
      actor: actorOf(staff),
      actorRole: staff.roles.join(','),
      data: { before, after: next },
    });
    return next;
  });
}
