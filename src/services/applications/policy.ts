import type { ClockPolicy } from '../../domain/application/index.ts';
import { DEFAULT_CLOCK_POLICY } from '../../domain/application/index.ts';
import { findAgency } from '../../persistence/repositories/agency.repository.ts';
import type { ServiceContext } from '../context.ts';

/** The agency's clock settings (whether an unpaid fee notice pauses the reply clock; default: yes). */
export async function clockPolicy(ctx: ServiceContext, agencyId: number): Promise<ClockPolicy> {
  const agency = await findAgency(ctx.database.db, agencyId);
  const setting = agency?.settings.feePausesReplyClock;
  return {
    feePausesReplyClock: typeof setting === 'boolean' ? setting : DEFAULT_CLOCK_POLICY.feePausesReplyClock,
  };
}
