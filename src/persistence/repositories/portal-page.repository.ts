import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../database.ts';
import type { Schema } from '../schema.ts';

/**
 * The store of rendered portal pages (0009). Reading is the portal's hot path — one primary-key read of the
 * one body the client takes (identity, gzip or brotli) — so on SQLite it runs a prepared statement directly
 * rather than through the query builder. Writing is conditional on the agency's generation (see 0009).
 */
export type Encoding = 'identity' | 'gzip' | 'br';

export interface StoredPage {
  etag: string;
  modifiedAt: string;
  body: Uint8Array;
}

export interface PageToStore {
  agencyId: number;
  path: string;
  template: string;
  etag: string;
  modifiedAt: string;
  body: Uint8Array;
  gzip: Uint8Array;
  brotli: Uint8Array;
}

const COLUMN: Record<Encoding, 'body' | 'gzip' | 'brotli'> = { identity: 'body', gzip: 'gzip', br: 'brotli' };

export interface PageReader {
  /** the stored page of this template version, its body in `encoding`; null when not stored */
  read(agencyId: number, path: string, template: string, encoding: Encoding): Promise<StoredPage | null>;
}

export function pageReader(database: Database): PageReader {
  const sqlite = database.sqlite;
  if (sqlite) {
    const statements = new Map<Encoding, BetterSqlite3.Statement>();
    const statement = (encoding: Encoding) => {
      let s = statements.get(encoding);
      if (!s)
        statements.set(
          encoding,
          (s = sqlite.prepare(
            `select etag, modified_at as modifiedAt, ${COLUMN[encoding]} as body from portal_pages where agency_id = ? and path = ? and template = ?`,
          )),
        );
      return s;
    };
    return {
      read: (agencyId, path, template, encoding) =>
        Promise.resolve(
          (statement(encoding).get(agencyId, path, template) as StoredPage | undefined) ?? null,
        ),
    };
  }
  return {
    async read(agencyId, path, template, encoding) {
      const row = await database.db
        .selectFrom('portal_pages')
        .select(['etag', 'modified_at as modifiedAt', `${COLUMN[encoding]} as body`])
        .where('agency_id', '=', agencyId)
        .where('path', '=', path)
        .where('template', '=', template)
        .executeTakeFirst();
      return row ? { etag: row.etag, modifiedAt: row.modifiedAt, body: row.body as Uint8Array } : null;
    },
  };
}

export async function portalGeneration(db: Kysely<Schema>, agencyId: number): Promise<number> {
  const row = await db
    .selectFrom('portal_generations')
    .select('generation')
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return Number(row?.generation ?? 0);
}

/**
 * The agency's generation as `portalGeneration` reads it, for the page store's renders on request: on SQLite a
 * prepared statement run directly — unless a transaction holds the connection (the read then waits for it
 * through Kysely and never sees an uncommitted bump).
 */
export function generationReader(database: Database): (agencyId: number) => Promise<number> {
  const sqlite = database.sqlite;
  if (!sqlite) return (agencyId) => portalGeneration(database.db, agencyId);
  const statement = sqlite.prepare('select generation from portal_generations where agency_id = ?');
  return (agencyId) => {
    if (sqlite.inTransaction) return portalGeneration(database.db, agencyId);
    const row = statement.get(agencyId) as { generation: number | bigint } | undefined;
    return Promise.resolve(Number(row?.generation ?? 0));
  };
}

/** Stores (or replaces) a page (inside storePages' transaction, once the generation is checked). */
async function storePage(db: Kysely<Schema>, page: PageToStore): Promise<void> {
  await sql`insert into portal_pages (agency_id, path, template, etag, modified_at, body, gzip, brotli)
    values (${page.agencyId}, ${page.path}, ${page.template}, ${page.etag}, ${page.modifiedAt}, ${page.body}, ${page.gzip}, ${page.brotli})
    on conflict (agency_id, path) do update set template = excluded.template, etag = excluded.etag,
      modified_at = excluded.modified_at, body = excluded.body, gzip = excluded.gzip, brotli = excluded.brotli`.execute(
    db,
  );
}

/**
 * Stores pages of one agency in one transaction (a bulk render, the write-behind, a render after a change),
 * unless the agency's generation has moved past `generation` — then none: a change raced their render.
 */
export async function storePages(
  db: Kysely<Schema>,
  pages: readonly PageToStore[],
  generation: number,
): Promise<void> {
  if (pages.length === 0) return;
  await db.transaction().execute(async (trx) => {
    // the generation's row locked first (created if the agency has none yet — an upsert waits for a change
    // inserting it) and read under the lock: a change (pagesChanged) waits for this commit and then deletes what
    // it made stale, or this waits for the change and sees its generation (PostgreSQL's READ COMMITTED would
    // otherwise let a store commit after the change's delete; SQLite's write lock already serialises them)
    const { rows } = await sql<{ generation: number }>`insert into portal_generations (agency_id, generation)
      values (${pages[0]!.agencyId}, 0)
      on conflict (agency_id) do update set generation = portal_generations.generation
      returning generation`.execute(trx);
    if (Number(rows[0]?.generation) !== generation) return;
    for (const page of pages) await storePage(trx, page);
  });
}

/**
 * What a change makes stale: the pages of some items (every variant of /items/ID), the catalog's pages
 * (/catalog and every category page), or all of the agency's pages.
 */
export type PageScope = { items: readonly number[]; catalog: boolean } | 'all';

/** Bumps the agency's generation and deletes the stale pages — in the transaction of the change. */
export async function pagesChanged(db: Kysely<Schema>, agencyId: number, scope: PageScope): Promise<void> {
  await sql`insert into portal_generations (agency_id, generation) values (${agencyId}, 1)
    on conflict (agency_id) do update set generation = portal_generations.generation + 1`.execute(db);
  let query = db.deleteFrom('portal_pages').where('agency_id', '=', agencyId);
  if (scope !== 'all') {
    const { items, catalog } = scope;
    if (items.length === 0 && !catalog) return;
    query = query.where((eb) =>
      eb.or([
        ...items.flatMap((id) => [eb('path', '=', `/items/${id}`), eb('path', 'like', `/items/${id}?%`)]),
        ...(catalog
          ? [eb('path', '=', '/catalog'), eb('path', 'like', '/catalog?%'), eb('path', 'like', '/catalog/%')]
          : []),
      ]),
    );
  }
  await query.execute();
}

/** Every item page of the agency that is stored, for re-rendering in bulk. */
export async function storedPageCount(db: Kysely<Schema>, agencyId: number): Promise<number> {
  const row = await db
    .selectFrom('portal_pages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
