import type { Kysely, Migration } from 'kysely';

/**
 * Issue 12 point 2 — 撤回会签: an unanswered 会签 may be withdrawn with a reason. The row keeps when (ISO
 * timestamp), by whom (the actor) and why; a withdrawn row counts as open nowhere (reminders, the inbox, new
 * 会签 of the same department). Nullable columns: every existing 会签 stays as it was, not withdrawn.
 */
export function cosignWithdrawal(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // one column per statement (SQLite)
      await db.schema.alterTable('cosigns').addColumn('withdrawn_at', 'text').execute();
      await db.schema.alterTable('cosigns').addColumn('withdrawn_by', 'text').execute();
      await db.schema.alterTable('cosigns').addColumn('withdraw_reason', 'text').execute();
    },
  };
}
