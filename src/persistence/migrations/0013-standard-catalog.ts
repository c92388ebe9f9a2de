import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.ts';
import { idColumn } from './columns.ts';

/**
 * Issue 18 — the 政务公开事项标准目录 and 政策解读: each agency's 公开事项 (`disclosure_matters`, the columns of the
 * sector guidelines' tables); catalog items filed under a 事项 (`matter_id`), the item's kind (政府信息 / 政策解读 /
 * 回应关切), the document a 解读 explains with its form and video link, and a 回应's concern source and date.
 */
export function standardCatalog(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await idColumn(dialect, db.schema.createTable('disclosure_matters'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('level1', 'text', (c) => c.notNull())
        .addColumn('level2', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull())
        .addColumn('time_limit', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('channels', 'text', (c) => c.notNull())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('county', 'integer', (c) => c.notNull())
        .addColumn('township', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('disclosure_matters_name', ['agency_id', 'level1', 'level2'])
        .execute();
      await db.schema
        .alterTable('catalog_items')
        .addColumn('matter_id', 'integer', (c) => c.references('disclosure_matters.id'))
        .execute();
      await db.schema
        .alterTable('catalog_items')
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('information'))
        .execute();
      await db.schema
        .alterTable('catalog_items')
        .addColumn('interprets_item_id', 'integer', (c) => c.references('catalog_items.id'))
        .execute();
      for (const column of ['interpretation_form', 'media_url', 'concern_source', 'concern_raised_on'])
        await db.schema.alterTable('catalog_items').addColumn(column, 'text').execute();
      await db.schema
        .createIndex('catalog_items_matter')
        .on('catalog_items')
        .columns(['agency_id', 'matter_id', 'published_on'])
        .execute();
      await db.schema
        .createIndex('catalog_items_interprets')
        .on('catalog_items')
        .column('interprets_item_id')
        .execute();
    },
  };
}
