import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.ts';
import { idColumn } from './columns.ts';

/**
 * 主动公开: catalog categories and items (with full-text search over their segmented tokens), attachments,
 * scanner hits, 索引号 counters, the normative-document register, yearly figures, published reports.
 * Full text: SQLite — an external-content FTS5 table kept in step by triggers; PostgreSQL — a stored
 * tsvector column (to_tsvector('simple', search_tokens)) with a GIN index.
 */
export function catalog(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('catalog_categories')
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('parent_code', 'text')
        .addColumn('article', 'text')
        .addColumn('normative', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('catalog_categories_pk', ['agency_id', 'code'])
        .execute();

      await idColumn(dialect, db.schema.createTable('catalog_items'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('index_number', 'text', (c) => c.unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('publisher', 'text', (c) => c.notNull())
        .addColumn('doc_number', 'text')
        .addColumn('written_on', 'text')
        .addColumn('changed_on', 'text')
        .addColumn('effective_on', 'text')
        .addColumn('published_on', 'text')
        .addColumn('category_code', 'text', (c) => c.notNull())
        .addColumn('topic', 'text')
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('state_reason', 'text')
        .addColumn('publication_due_on', 'text')
        .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('search_tokens', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // the portal's lists: newest public items of an agency, overall and per category
      await db.schema
        .createIndex('catalog_items_public')
        .on('catalog_items')
        .columns(['agency_id', 'state', 'published_on', 'id'])
        .execute();
      await db.schema
        .createIndex('catalog_items_category')
        .on('catalog_items')
        .columns(['agency_id', 'category_code', 'state', 'published_on', 'id'])
        .execute();

      if (dialect === 'sqlite') {
        await sql`create virtual table catalog_items_fts using fts5(search_tokens, content='catalog_items', content_rowid='id')`.execute(
          db,
        );
        await sql`create trigger catalog_items_fts_insert after insert on catalog_items begin
          insert into catalog_items_fts(rowid, search_tokens) values (new.id, new.search_tokens);
        end`.execute(db);
        await sql`create trigger catalog_items_fts_delete after delete on catalog_items begin
          insert into catalog_items_fts(catalog_items_fts, rowid, search_tokens) values ('delete', old.id, old.search_tokens);
        end`.execute(db);
        await sql`create trigger catalog_items_fts_update after update of search_tokens on catalog_items begin
          insert into catalog_items_fts(catalog_items_fts, rowid, search_tokens) values ('delete', old.id, old.search_tokens);
          insert into catalog_items_fts(rowid, search_tokens) values (new.id, new.search_tokens);
        end`.execute(db);
      } else {
        await sql`alter table catalog_items add column search_vector tsvector
          generated always as (to_tsvector('simple', search_tokens)) stored`.execute(db);
        await sql`create index catalog_items_search on catalog_items using gin (search_vector)`.execute(db);
      }

      await idColumn(dialect, db.schema.createTable('catalog_attachments'))
        .addColumn('item_id', 'integer', (c) => c.notNull().references('catalog_items.id'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('catalog_attachments_item')
        .on('catalog_attachments')
        .column('item_id')
        .execute();

      await idColumn(dialect, db.schema.createTable('catalog_scan_hits'))
        .addColumn('item_id', 'integer', (c) => c.notNull().references('catalog_items.id'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('start_offset', 'integer', (c) => c.notNull())
        .addColumn('end_offset', 'integer', (c) => c.notNull())
        .addColumn('match_text', 'text', (c) => c.notNull())
        .addColumn('before_text', 'text', (c) => c.notNull())
        .addColumn('after_text', 'text', (c) => c.notNull())
        .addColumn('cleared_by', 'integer')
        .addColumn('cleared_at', 'text')
        .addColumn('note', 'text')
        .execute();
      await db.schema
        .createIndex('catalog_scan_hits_item')
        .on('catalog_scan_hits')
        .column('item_id')
        .execute();

      await db.schema
        .createTable('catalog_index_counters')
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last_serial', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('catalog_index_counters_pk', ['agency_id', 'year'])
        .execute();

      await idColumn(dialect, db.schema.createTable('normative_documents'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('doc_number', 'text')
        .addColumn('issued_on', 'text', (c) => c.notNull())
        .addColumn('effective_on', 'text')
        .addColumn('expires_on', 'text')
        .addColumn('published_on', 'text')
        .addColumn('repealed_on', 'text')
        .addColumn('repeal_reason', 'text')
        .addColumn('item_id', 'integer', (c) => c.references('catalog_items.id').unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('normative_documents_agency')
        .on('normative_documents')
        .columns(['agency_id', 'kind'])
        .execute();

      await db.schema
        .createTable('yearly_figures')
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('cell', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('updated_by', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('yearly_figures_pk', ['agency_id', 'year', 'cell'])
        .execute();

      await idColumn(dialect, db.schema.createTable('published_reports'))
        .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('report_json', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('published_by', 'integer')
        .execute();
      // not unique: a correction is published as a new version (errata keep their history); the latest counts
      await db.schema
        .createIndex('published_reports_agency_year')
        .on('published_reports')
        .columns(['agency_id', 'year'])
        .execute();
    },
  };
}
