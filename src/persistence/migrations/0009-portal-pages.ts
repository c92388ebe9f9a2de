import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.ts';

/**
 * Issue 14 — the portal at a million items.
 *
 * `portal_pages`: item and catalog pages rendered when they change (publish, 失效, 废止, 撤回, categories,
 * agency settings) and stored whole, identity, gzip and brotli, with their ETag and Last-Modified; a request is
 * one read by primary key (agency, path). `template` is the version of the page templates that rendered the
 * row: after an upgrade that changes them, old rows are misses and are rendered again.
 *
 * `portal_generations`: a counter per agency bumped in every transaction that changes what its portal shows.
 * A page is stored only if the counter is still the one read before rendering, so a render that raced a change
 * (in this process or another) never stores a stale page.
 */
export function portalPages(dialect: DialectName): Migration {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('portal_pages')
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('etag', 'text', (c) => c.notNull())
        .addColumn('modified_at', 'text', (c) => c.notNull())
        .addColumn('body', bytes, (c) => c.notNull())
        .addColumn('gzip', bytes, (c) => c.notNull())
        .addColumn('brotli', bytes, (c) => c.notNull())
        .addPrimaryKeyConstraint('portal_pages_pk', ['agency_id', 'path'])
        .execute();
      await db.schema
        .createTable('portal_generations')
        .addColumn('agency_id', 'integer', (c) => c.primaryKey().references('agencies.id'))
        .addColumn('generation', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}
