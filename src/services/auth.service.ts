import type { Principal } from '../domain/access/principal.ts';
import { AppError } from '../domain/errors.ts';
import { findAgency } from '../persistence/repositories/agency.repository.ts';
import { deleteSession, findSession, insertSession } from '../persistence/repositories/session.repository.ts';
import {
  clearLoginFailures,
  findLoginFailures,
  saveLoginFailures,
} from '../persistence/repositories/login-failure.repository.ts';
import { findUser, findUserByUsername } from '../persistence/repositories/user.repository.ts';
import { verifyPassword } from '../security/password.ts';
import { randomToken, sha256 } from '../security/tokens.ts';
import type { ServiceContext } from './context.ts';
import { inTransaction, nowIso } from './context.ts';

export const SESSION_HOURS = 12;
/** Failed attempts allowed before the username locks for that client; each further failure doubles the lock. */
export const MAX_FAILED_LOGINS = 5;
const BASE_LOCK_MINUTES = 5;
/** the longest lock: back-off never locks a username out for good */
const MAX_LOCK_MINUTES = 24 * 60;
/** a stand-in hash, verified when the username is unknown so that the answer takes as long as a real check */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export interface LoginResult {
  token: string;
  csrfToken: string;
  principal: Extract<Principal, { kind: 'staff' }>;
  /** the name of the user's agency, for the console's header */
  agencyName: string;
}

/**
 * Staff login: scrypt-verified password, lockout with exponential back-off, every attempt on an account audited.
 * Failures are counted per username and client (`client`: the caller's address), in the database, whether or
 * not the username exists: an unknown name gets the same answers (401, then 423 after 5 failures) after the
 * same work (a password hash), so the answers do not tell which usernames exist; and a lock set from one
 * address does not lock the account's owner out elsewhere. The lock doubles from 5 minutes up to a day.
 */
export async function login(
  ctx: ServiceContext,
  username: string,
  password: string,
  client = 'local',
): Promise<LoginResult> {
  const db = ctx.database.db;
  const name = username.trim();
  const lockKey = name.toLowerCase();
  const now = ctx.now();
  const fail = new AppError('unauthenticated', '用户名或密码错误');
  const previous = await findLoginFailures(db, lockKey, client);
  if (previous?.lockedUntil && previous.lockedUntil > now.toISOString())
    throw new AppError(
      'locked',
      `登录失败次数过多，此用户名已暂停登录至 ${new Date(previous.lockedUntil).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}，请稍后再试`,
    );
  const user = await findUserByUsername(db, name);
  const ok = await verifyPassword(password, user && !user.disabled ? user.passwordHash : DUMMY_HASH);
  if (!ok || !user || user.disabled) {
    const failed = (previous?.failures ?? 0) + 1;
    const lockedUntil =
      failed >= MAX_FAILED_LOGINS
        ? new Date(
            now.getTime() +
              Math.min(MAX_LOCK_MINUTES, BASE_LOCK_MINUTES * 2 ** (failed - MAX_FAILED_LOGINS)) * 60_000,
          ).toISOString()
        : null;
    await inTransaction(ctx, async (trx, record) => {
      await saveLoginFailures(trx, lockKey, client, { failures: failed, lockedUntil, at: now.toISOString() });
      if (user)
        await record({
          agencyId: user.agencyId,
          entityType: 'user',
          entityId: user.id,
          action: lockedUntil ? 'login_locked' : 'login_failed',
          actor: `user:${user.id}`,
          data: { failedLogins: failed, lockedUntil, client },
        });
    });
    throw fail;
  }
  const token = randomToken();
  const csrfToken = randomToken(24);
  await inTransaction(ctx, async (trx, record) => {
    if (previous) await clearLoginFailures(trx, lockKey, client);
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
