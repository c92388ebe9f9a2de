import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Schema } from '../schema.ts';

/**
 * Counts one hit against `key` in its fixed window and returns the count and when the window ends. One
 * statement (an upsert), so hits from every process on the same database add up without a lost update.
 */
export async function hitRateLimit(
  db: Kysely<Schema>,
  key: string,
  windowMs: number,
  nowMs: number,
): Promise<{ hits: number; windowEndsAt: number }> {
  const ends = nowMs + windowMs;
  const expired = sql<boolean>`rate_limits.window_ends_at <= ${nowMs}`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, hits: 1, window_ends_at: ends })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when ${expired} then 1 else rate_limits.hits + 1 end`,
        window_ends_at: sql<number>`case when ${expired} then ${ends} else rate_limits.window_ends_at end`,
      }),
    )
    .returning(['hits', 'window_ends_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), windowEndsAt: Number(row.window_ends_at) };
}

export async function deleteExpiredRateLimits(db: Kysely<Schema>, nowMs: number): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('window_ends_at', '<=', nowMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
