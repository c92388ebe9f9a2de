import type { Kysely, Migration } from 'kysely';

/**
 * Issue 15: the account's own failure counter and lock (users.failed_logins, locked_until, from 0001) have not
 * been written since 0015, which counts failed logins per username and client in login_failures (shared by
 * every process). The two columns go; an administrator sees a username's current locks from login_failures.
 */
export function userLockColumns(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // one column per statement (SQLite)
      await db.schema.alterTable('users').dropColumn('failed_logins').execute();
      await db.schema.alterTable('users').dropColumn('locked_until').execute();
    },
  };
}
