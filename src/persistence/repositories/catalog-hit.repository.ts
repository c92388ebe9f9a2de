import type { Kysely, Selectable } from 'kysely';
import type { HitKind, ScanHit } from '../../domain/catalog/index.ts';
import type { CatalogScanHitTable } from '../schema-catalog.ts';
import type { Schema } from '../schema.ts';

/** A scanner hit on an item, and its clearance by a reviewer (who, when, with what note). */
export interface StoredHit extends ScanHit {
  id: number;
  itemId: number;
  source: string;
  clearedBy: number | null;
  clearedAt: string | null;
  note: string | null;
}

const toHit = (row: Selectable<CatalogScanHitTable>): StoredHit => ({
  id: row.id,
  itemId: row.item_id,
  source: row.source,
  kind: row.kind as HitKind,
  start: row.start_offset,
  end: row.end_offset,
  match: row.match_text,
  before: row.before_text,
  after: row.after_text,
  clearedBy: row.cleared_by,
  clearedAt: row.cleared_at,
  note: row.note,
});

export async function hitsOf(db: Kysely<Schema>, itemId: number): Promise<StoredHit[]> {
  const rows = await db
    .selectFrom('catalog_scan_hits')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('id')
    .execute();
  return rows.map(toHit);
}

export async function findHit(db: Kysely<Schema>, id: number): Promise<StoredHit | null> {
  const row = await db.selectFrom('catalog_scan_hits').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toHit(row) : null;
}

/**
 * Replaces an item's hits with a new scan. A clearance survives a rescan when the same text of the same kind is
 * found again in the same source (a reviewer need not clear an unchanged phone number twice); a hit whose text
 * changed must be cleared again.
 */
export async function replaceHits(
  db: Kysely<Schema>,
  itemId: number,
  scans: readonly { source: string; hits: readonly ScanHit[] }[],
): Promise<StoredHit[]> {
  const old = await hitsOf(db, itemId);
  const cleared = new Map(
    old.filter((h) => h.clearedAt).map((h) => [`${h.source}\u0000${h.kind}\u0000${h.match}`, h]),
  );
  await db.deleteFrom('catalog_scan_hits').where('item_id', '=', itemId).execute();
  const rows = scans.flatMap(({ source, hits }) =>
    hits.map((h) => {
      const kept = cleared.get(`${source}\u0000${h.kind}\u0000${h.match}`);
      return {
        item_id: itemId,
        source,
        kind: h.kind,
        start_offset: h.start,
        end_offset: h.end,
        match_text: h.match,
        before_text: h.before,
        after_text: h.after,
        cleared_by: kept?.clearedBy ?? null,
        cleared_at: kept?.clearedAt ?? null,
        note: kept?.note ?? null,
      };
    }),
  );
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('catalog_scan_hits')
      .values(rows.slice(i, i + 200))
      .execute();
  return hitsOf(db, itemId);
}

export async function clearHit(
  db: Kysely<Schema>,
  id: number,
  by: number,
  at: string,
  note: string,
): Promise<void> {
  await db
    .updateTable('catalog_scan_hits')
    .set({ cleared_by: by, cleared_at: at, note })
    .where('id', '=', id)
    .execute();
}

export async function unclearedHitCount(db: Kysely<Schema>, itemId: number): Promise<number> {
  const row = await db
    .selectFrom('catalog_scan_hits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('item_id', '=', itemId)
    .where('cleared_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Uncleared hit counts of several items (the review queue). */
export async function unclearedCounts(
  db: Kysely<Schema>,
  itemIds: readonly number[],
): Promise<Map<number, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('catalog_scan_hits')
    .select(['item_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('item_id', 'in', itemIds)
    .where('cleared_at', 'is', null)
    .groupBy('item_id')
    .execute();
  return new Map(rows.map((r) => [r.item_id, Number(r.n)]));
}
