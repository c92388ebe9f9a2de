import type { ClockPolicy } from '../../domain/application/index.ts';
import { DEFAULT_CLOCK_POLICY } from '../../domain/application/index.ts';
import { findAgency } from '../../persistence/repositories/agency.repository.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The agency's clock and letter settings: whether an unpaid fee notice pauses the reply clock, whether a （四）2
 * reply tells the applicant to seek reconsideration first (both default: yes), whether the drafter of a decision may
 * review and sign it off (a one-person office; default: no).
 */
export async function clockPolicy(ctx: ServiceContext, agencyId: number): Promise<ClockPolicy> {
  const agency = await findAgency(ctx.database.db, agencyId);
  const s = agency?.settings ?? {};
  const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);
  return {
    feePausesReplyClock: flag(s.feePausesReplyClock, DEFAULT_CLOCK_POLICY.feePausesReplyClock),
    needsCreationReconsiderationFirst: flag(
      s.needsCreationReconsiderationFirst,
      DEFAULT_CLOCK_POLICY.needsCreationReconsiderationFirst,
    ),
    allowSelfSignOff: flag(s.allowSelfSignOff, DEFAULT_CLOCK_POLICY.allowSelfSignOff),
  };
}
