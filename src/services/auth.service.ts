import type { Principal } from '../domain/access/principal.ts';
import { AppError } from '../domain/errors.ts';
import { findAgency } from '../persistence/repositories/agency.repository.ts';
import { deleteSession, findSession, insertSession } from '../persistence/repositories/session.repository.ts';
import {
  findUser,
  findUserByUsername,
  recordLoginAttempt,
} from '../persistence/repositories/user.repository.ts';
import { verifyPassword } from '../security/password.ts';
import { randomToken, sha256 } from '../security/tokens.ts';
import type { ServiceContext } from './context.ts';
import { inTransaction, nowIso } from './context.ts';

export const SESSION_HOURS = 12;
/** Failed attempts allowed before the account locks; each further failure doubles the lock (back-off). */
export const MAX_FAILED_LOGINS = 5;
const BASE_LOCK_MINUTES = 5;

export interface LoginResult {
  token: string;
  csrfToken: string;
  principal: Extract<Principal, { kind: 'staff' }>;
  /** the name of the user's agency, for the console's header */
  agencyName: string;
}

/** Staff login: scrypt-verified password, lockout with exponential back-off, every attempt audited. */
export async function login(ctx: ServiceContext, username: string, password: string): Promise<LoginResult> {
  const db = ctx.database.db;
  const user = await findUserByUsername(db, username.trim());
  const now = ctx.now();
  const fail = new AppError('unauthenticated', '用户名或密码错误');
  if (!user || user.disabled) {
    // spend the same time as a real check, so a missing user is not told apart by timing
    await verifyPassword(
      password,
      'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    );
    throw fail;
  }
  if (user.lockedUntil && user.lockedUntil > now.toISOString())
    throw new AppError(
      'locked',
      `登录失败次数过多，账号已锁定至 ${new Date(user.lockedUntil).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`,
    );
  const ok = await verifyPassword(password, user.passwordHash);
  if (!ok) {
    const failed = user.failedLogins + 1;
    const lockedUntil =
      failed >= MAX_FAILED_LOGINS
        ? new Date(
            now.getTime() + BASE_LOCK_MINUTES * 60_000 * 2 ** (failed - MAX_FAILED_LOGINS),
          ).toISOString()
        : null;
    await inTransaction(ctx, async (trx, record) => {
      await recordLoginAttempt(trx, user.id, { failedLogins: failed, lockedUntil });
      await record({
        agencyId: user.agencyId,
        entityType: 'user',
        entityId: user.id,
        action: lockedUntil ? 'login_locked' : 'login_failed',
        actor: `user:${user.id}`,
        data: { failedLogins: failed, lockedUntil },
      });
    });
    throw fail;
  }
  const token = randomToken();
  const csrfToken = randomToken(24);
  await inTransaction(ctx, async (trx, record) => {
    await recordLoginAttempt(trx, user.id, { failedLogins: 0, lockedUntil: null });
    await insertSession(trx, {
      id: sha256(token),
      userId: user.id,
      csrfToken,
      createdAt: nowIso(ctx),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
    });
    await record({
      agencyId: user.agencyId,
      entityType: 'user',
      entityId: user.id,
      action: 'login',
      actor: `user:${user.id}`,
    });
  });
  const agency = await findAgency(db, user.agencyId);
  return {
    token,
    csrfToken,
    agencyName: agency?.name ?? '',
    principal: {
      kind: 'staff',
      userId: user.id,
      agencyId: user.agencyId,
      roles: user.roles,
      name: user.displayName,
    },
  };
}

export interface SessionPrincipal {
  principal: Extract<Principal, { kind: 'staff' }>;
  csrfToken: string;
  agencyName: string;
}

/** The staff member behind a session cookie, or null when the session is unknown, expired or disabled. */
export async function authenticate(ctx: ServiceContext, token: string): Promise<SessionPrincipal | null> {
  const db = ctx.database.db;
  const session = await findSession(db, sha256(token), nowIso(ctx));
  if (!session) return null;
  const user = await findUser(db, session.userId);
  if (!user || user.disabled) return null;
  const agency = await findAgency(db, user.agencyId);
  return {
    principal: {
      kind: 'staff',
      userId: user.id,
      agencyId: user.agencyId,
      roles: user.roles,
      name: user.displayName,
    },
    csrfToken: session.csrfToken,
    agencyName: agency?.name ?? '',
  };
}

export async function logout(ctx: ServiceContext, token: string): Promise<void> {
  await deleteSession(ctx.database.db, sha256(token));
}
