import type { Principal } from '../domain/access/principal.ts';
import { findAgency } from '../persistence/repositories/agency.repository.ts';
import { findUserByUsername } from '../persistence/repositories/user.repository.ts';
import type { App } from '../app.ts';
import { UsageError } from './command.ts';

/**
 * The CLI runs on the server with direct database access (a trusted operator), acting as a named staff member:
 * the same roles and audit trail as that user has in the web console.
 */
export async function principalOf(
  app: App,
  username: string | undefined,
): Promise<Extract<Principal, { kind: 'staff' }>> {
  if (!username) throw new UsageError('缺少 --user（以哪位工作人员的身份操作）');
  const user = await findUserByUsername(app.database.db, username);
  if (!user || user.disabled) throw new UsageError(`没有用户名为“${username}”的有效账号`);
  const agency = await findAgency(app.database.db, user.agencyId);
  return {
    kind: 'staff',
    userId: user.id,
    agencyId: user.agencyId,
    roles: user.roles,
    name: `${user.displayName}（${agency?.name ?? ''}）`,
  };
}
