import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Schema } from '../schema.ts';

/**
 * Counts one request of a client in a window and returns the window's count so far — one upsert, so
 * concurrent requests from several processes each see their own number. Windows ended before `sweepBefore`
 * are deleted now and then (a request in a hundred).
 */
export async function countRequest(
  db: Kysely<Schema>,
  key: { bucket: string; client: string; windowStart: string },
  sweepBefore: string,
): Promise<number> {
  const row = await db
    .insertInto('request_counts')
    .values({ bucket: key.bucket, client: key.client, window_start: key.windowStart, count: 1 })
    .onConflict((oc) =>
      oc.columns(['bucket', 'client', 'window_start']).doUpdateSet({ count: sql`request_counts.count + 1` }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  if (Math.random() < 0.01)
    await db.deleteFrom('request_counts').where('window_start', '<', sweepBefore).execute();
  return row.count;
}
