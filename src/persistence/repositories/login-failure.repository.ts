import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

export interface LoginFailures {
  failures: number;
  lockedUntil: string | null;
}

/** Failed logins of one username (existing or not) from one client. */
export async function findLoginFailures(
  db: Kysely<Schema>,
  username: string,
  client: string,
): Promise<LoginFailures | null> {
  const row = await db
    .selectFrom('login_failures')
    .select(['failures', 'locked_until'])
    .where('username', '=', username)
    .where('client', '=', client)
    .executeTakeFirst();
  return row ? { failures: row.failures, lockedUntil: row.locked_until } : null;
}

export async function saveLoginFailures(
  db: Kysely<Schema>,
  username: string,
  client: string,
  value: LoginFailures & { at: string },
): Promise<void> {
  await db
    .insertInto('login_failures')
    .values({
      username,
      client,
      failures: value.failures,
      locked_until: value.lockedUntil,
      last_failed_at: value.at,
    })
    .onConflict((oc) =>
      oc.columns(['username', 'client']).doUpdateSet({
        failures: value.failures,
        locked_until: value.lockedUntil,
        last_failed_at: value.at,
      }),
    )
    .execute();
}

export async function clearLoginFailures(
  db: Kysely<Schema>,
  username: string,
  client: string,
): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('username', '=', username)
    .where('client', '=', client)
    .execute();
}

/** Forgets failures whose lock has passed and that are older than `before` (housekeeping). */
export async function deleteStaleLoginFailures(db: Kysely<Schema>, before: string): Promise<number> {
  const result = await db
    .deleteFrom('login_failures')
    .where('last_failed_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The usernames (lower case) locked now from some client: how many clients, and until when at the latest. */
export async function activeLoginLocks(
  db: Kysely<Schema>,
  usernames: string[],
  now: string,
): Promise<Map<string, { clients: number; until: string }>> {
  if (usernames.length === 0) return new Map();
  const rows = await db
    .selectFrom('login_failures')
    .select((eb) => [
      'username',
      eb.fn.countAll<number | string>().as('clients'),
      eb.fn.max('locked_until').as('until'),
    ])
    .where('username', 'in', usernames)
    .where('locked_until', '>', now)
    .groupBy('username')
    .execute();
  return new Map(rows.map((r) => [r.username, { clients: Number(r.clients), until: String(r.until) }]));
}
