import type { Kysely, Selectable } from 'kysely';
import type { CatalogAttachmentTable } from '../schema-catalog.ts';
import type { Schema } from '../schema.ts';

/** A file attached to an item: stored once under dataDir/attachments/<sha256>, its text kept for scan and search. */
export interface Attachment {
  id: number;
  itemId: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  position: number;
  createdAt: string;
}

export interface AttachmentWithText extends Attachment {
  text: string;
}

const toAttachment = (row: Selectable<CatalogAttachmentTable>): AttachmentWithText => ({
  id: row.id,
  itemId: row.item_id,
  fileName: row.file_name,
  mediaType: row.media_type,
  size: row.size,
  sha256: row.sha256,
  position: row.position,
  createdAt: row.created_at,
  text: row.text,
});

export async function insertAttachment(
  db: Kysely<Schema>,
  a: Omit<AttachmentWithText, 'id' | 'position'>,
): Promise<AttachmentWithText> {
  const last = await db
    .selectFrom('catalog_attachments')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('item_id', '=', a.itemId)
    .executeTakeFirst();
  const row = await db
    .insertInto('catalog_attachments')
    .values({
      item_id: a.itemId,
      file_name: a.fileName,
      media_type: a.mediaType,
      size: a.size,
      sha256: a.sha256,
      text: a.text,
      position: Number(last?.p ?? 0) + 1,
      created_at: a.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAttachment(row);
}

export async function attachmentsOf(db: Kysely<Schema>, itemId: number): Promise<AttachmentWithText[]> {
  const rows = await db
    .selectFrom('catalog_attachments')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('position')
    .execute();
  return rows.map(toAttachment);
}

/** Attachments without their text (pages and lists). */
export async function attachmentListOf(db: Kysely<Schema>, itemId: number): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('catalog_attachments')
    .select(['id', 'item_id', 'file_name', 'media_type', 'size', 'sha256', 'position', 'created_at'])
    .where('item_id', '=', itemId)
    .orderBy('position')
    .execute();
  return rows.map((r) => {
    const { text: _, ...rest } = toAttachment({ ...r, text: '' });
    return rest;
  });
}

export async function findAttachment(db: Kysely<Schema>, id: number): Promise<AttachmentWithText | null> {
  const row = await db.selectFrom('catalog_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAttachment(row) : null;
}

export async function deleteAttachment(db: Kysely<Schema>, id: number): Promise<void> {
  await db.deleteFrom('catalog_attachments').where('id', '=', id).execute();
}

export async function attachmentCount(db: Kysely<Schema>, itemId: number): Promise<number> {
  const row = await db
    .selectFrom('catalog_attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('item_id', '=', itemId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
