import type { Kysely, Selectable } from 'kysely';
import type { ReplyAttachmentTable } from '../schema-application.ts';
import type { Schema } from '../schema.ts';

/** A file handed over with a reply, stored once by content under dataDir/attachments/<sha256>. */
export interface ReplyAttachment {
  id: number;
  applicationId: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** a copy with the withheld parts redacted (区分处理, 条例第三十七条) */
  redacted: boolean;
  note: string | null;
  position: number;
  createdAt: string;
  createdBy: string;
}

const toAttachment = (r: Selectable<ReplyAttachmentTable>): ReplyAttachment => ({
  id: r.id,
  applicationId: r.application_id,
  fileName: r.file_name,
  mediaType: r.media_type,
  size: r.size,
  sha256: r.sha256,
  redacted: r.redacted === 1,
  note: r.note,
  position: r.position,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export async function insertReplyAttachment(
  db: Kysely<Schema>,
  a: Omit<ReplyAttachment, 'id' | 'position'>,
): Promise<ReplyAttachment> {
  const last = await db
    .selectFrom('reply_attachments')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('application_id', '=', a.applicationId)
    .executeTakeFirst();
  const row = await db
    .insertInto('reply_attachments')
    .values({
      application_id: a.applicationId,
      file_name: a.fileName,
      media_type: a.mediaType,
      size: a.size,
      sha256: a.sha256,
      redacted: a.redacted ? 1 : 0,
      note: a.note,
      position: Number(last?.p ?? 0) + 1,
      created_at: a.createdAt,
      created_by: a.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAttachment(row);
}

export async function replyAttachmentsOf(
  db: Kysely<Schema>,
  applicationId: number,
): Promise<ReplyAttachment[]> {
  const rows = await db
    .selectFrom('reply_attachments')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('position')
    .execute();
  return rows.map(toAttachment);
}

export async function findReplyAttachment(
  db: Kysely<Schema>,
  applicationId: number,
  id: number,
): Promise<ReplyAttachment | null> {
  const row = await db
    .selectFrom('reply_attachments')
    .selectAll()
    .where('id', '=', id)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return row ? toAttachment(row) : null;
}

export async function deleteReplyAttachment(db: Kysely<Schema>, id: number): Promise<void> {
  await db.deleteFrom('reply_attachments').where('id', '=', id).execute();
}
