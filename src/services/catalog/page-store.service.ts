import type { PageScope } from '../../persistence/repositories/portal-page.repository.ts';
import { pagesChanged } from '../../persistence/repositories/portal-page.repository.ts';
import type { Db } from '../context.ts';

/**
 * The portal's stored pages go stale in the transaction of the change that makes them so: every service that
 * changes what the portal shows calls this inside its transaction (and `catalogChanged` after the commit, so
 * the page store renders them again). A render that raced the change is not stored (the generation moved).
 */
export function portalPagesChanged(trx: Db, agencyId: number, scope: PageScope): Promise<void> {
  return pagesChanged(trx, agencyId, scope);
}
