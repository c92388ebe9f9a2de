import type { Kysely, Migration } from 'kysely';

/**
 * The portal's lists at scale (a million items): they walk an agency's items newest first, overall and per
 * category, and skip the few that are not public. With the state as the *last* index column the walk follows
 * the index order and stops after a page, and counts are answered from the index alone; the console's lists by
 * state get their own index. (0003 had the state before the date, which made SQLite sort every match.)
 */
export function catalogIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('catalog_items_public').execute();
      await db.schema.dropIndex('catalog_items_category').execute();
      await db.schema
        .createIndex('catalog_items_public')
        .on('catalog_items')
        .columns(['agency_id', 'published_on', 'id', 'state'])
        .execute();
      await db.schema
        .createIndex('catalog_items_category')
        .on('catalog_items')
        .columns(['agency_id', 'category_code', 'published_on', 'id', 'state'])
        .execute();
      await db.schema
        .createIndex('catalog_items_state')
        .on('catalog_items')
        .columns(['agency_id', 'state', 'updated_at'])
        .execute();
    },
  };
}
