import type { Kysely, Selectable } from 'kysely';
import type { NormativeDocument, NormativeKind } from '../../domain/catalog/index.ts';
import type { NormativeDocumentTable } from '../schema-catalog.ts';
import type { Schema } from '../schema.ts';

const toDocument = (row: Selectable<NormativeDocumentTable>): NormativeDocument => ({
  id: row.id,
  agencyId: row.agency_id,
  kind: row.kind as NormativeKind,
  title: row.title,
  docNumber: row.doc_number,
  issuedOn: row.issued_on,
  effectiveOn: row.effective_on,
  expiresOn: row.expires_on,
  publishedOn: row.published_on,
  repealedOn: row.repealed_on,
  repealReason: row.repeal_reason,
  itemId: row.item_id,
});

function columns(doc: Omit<NormativeDocument, 'id'>) {
  return {
    agency_id: doc.agencyId,
    kind: doc.kind,
    title: doc.title,
    doc_number: doc.docNumber,
    issued_on: doc.issuedOn,
    effective_on: doc.effectiveOn,
    expires_on: doc.expiresOn,
    published_on: doc.publishedOn,
    repealed_on: doc.repealedOn,
    repeal_reason: doc.repealReason,
    item_id: doc.itemId,
  };
}

export async function insertNormativeDocument(
  db: Kysely<Schema>,
  doc: Omit<NormativeDocument, 'id'>,
  at: string,
): Promise<NormativeDocument> {
  const row = await db
    .insertInto('normative_documents')
    .values({ ...columns(doc), created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDocument(row);
}

export async function updateNormativeDocument(
  db: Kysely<Schema>,
  doc: NormativeDocument,
  at: string,
): Promise<void> {
  const { id, ...rest } = doc;
  await db
    .updateTable('normative_documents')
    .set({ ...columns(rest), updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function findNormativeDocument(
  db: Kysely<Schema>,
  id: number,
): Promise<NormativeDocument | null> {
  const row = await db.selectFrom('normative_documents').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toDocument(row) : null;
}

export async function normativeDocumentOfItem(
  db: Kysely<Schema>,
  itemId: number,
): Promise<NormativeDocument | null> {
  const row = await db
    .selectFrom('normative_documents')
    .selectAll()
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return row ? toDocument(row) : null;
}

/**
 * The agency's documents that matter for a year's table 二: made by the end of the year (later ones cannot count
 * in any cell). Without a year, all of them.
 */
export async function normativeDocumentsOf(
  db: Kysely<Schema>,
  agencyId: number,
  options: { kind?: NormativeKind; upToYear?: number } = {},
): Promise<NormativeDocument[]> {
  let q = db.selectFrom('normative_documents').selectAll().where('agency_id', '=', agencyId);
  if (options.kind) q = q.where('kind', '=', options.kind);
  if (options.upToYear !== undefined) q = q.where('issued_on', '<=', `${options.upToYear}-12-31`);
  const rows = await q.orderBy('issued_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toDocument);
}
