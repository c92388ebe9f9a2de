import type { Kysely, Selectable } from 'kysely';
import type { BulkImportFileTable, BulkImportTable } from '../schema-supervision.ts';
import type { Schema } from '../schema.ts';

/** A bulk upload of a year's reports (0020) and its files: rows, claimed by lease, so any process reads them. */
export interface BulkImport {
  id: number;
  agencyId: number;
  year: number;
  fileCount: number;
  createdBy: number;
  createdAt: string;
  finishedAt: string | null;
}

export interface BulkFileRow {
  id: number;
  importId: number;
  seq: number;
  fileName: string;
  size: number;
  sha256: string;
  status: 'pending' | 'done';
  outcome: string | null;
  agencyId: number | null;
  year: number | null;
  /** JSON text */
  result: string | null;
  processedAt: string | null;
  attempts: number;
}

const toImport = (r: Selectable<BulkImportTable>): BulkImport => ({
  id: r.id,
  agencyId: r.agency_id,
  year: r.year,
  fileCount: r.file_count,
  createdBy: r.created_by,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

const FILE_COLUMNS = [
  'id',
  'import_id',
  'seq',
  'file_name',
  'size',
  'sha256',
  'status',
  'outcome',
  'agency_id',
  'year',
  'result',
  'processed_at',
  'attempts',
] as const;

const toFile = (r: Omit<Selectable<BulkImportFileTable>, 'content' | 'claimed_until'>): BulkFileRow => ({
  id: r.id,
  importId: r.import_id,
  seq: r.seq,
  fileName: r.file_name,
  size: r.size,
  sha256: r.sha256,
  status: r.status as BulkFileRow['status'],
  outcome: r.outcome,
  agencyId: r.agency_id,
  year: r.year,
  result: r.result,
  processedAt: r.processed_at,
  attempts: r.attempts,
});

export async function insertBulkImport(
  db: Kysely<Schema>,
  input: Omit<BulkImport, 'id' | 'finishedAt'>,
  files: { fileName: string; size: number; sha256: string; content: Uint8Array }[],
): Promise<BulkImport> {
  const row = await db
    .insertInto('bulk_imports')
    .values({
      agency_id: input.agencyId,
      year: input.year,
      file_count: input.fileCount,
      created_by: input.createdBy,
      created_at: input.createdAt,
      finished_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const [i, f] of files.entries())
    await db
      .insertInto('bulk_import_files')
      .values({
        import_id: row.id,
        seq: i + 1,
        file_name: f.fileName,
        size: f.size,
        sha256: f.sha256,
        content: f.content,
        status: 'pending',
        claimed_until: null,
        outcome: null,
        agency_id: null,
        year: null,
        result: null,
        processed_at: null,
      })
      .execute();
  return toImport(row);
}

export async function findBulkImport(db: Kysely<Schema>, id: number): Promise<BulkImport | null> {
  const row = await db.selectFrom('bulk_imports').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toImport(row) : null;
}

export async function bulkImportsOf(
  db: Kysely<Schema>,
  agencyId: number,
  limit: number,
): Promise<BulkImport[]> {
  const rows = await db
    .selectFrom('bulk_imports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toImport);
}

export async function bulkFilesOf(db: Kysely<Schema>, importId: number): Promise<BulkFileRow[]> {
  const rows = await db
    .selectFrom('bulk_import_files')
    .select(FILE_COLUMNS)
    .where('import_id', '=', importId)
    .orderBy('seq')
    .execute();
  return rows.map(toFile);
}

export async function findBulkFile(db: Kysely<Schema>, id: number): Promise<BulkFileRow | null> {
  const row = await db
    .selectFrom('bulk_import_files')
    .select(FILE_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toFile(row) : null;
}

/**
 * Takes the lease of the next pending file (of one upload, or of any) whose lease is free or has passed: a
 * compare-and-set on (status, claimed_until), so two processes never read the same file at once.
 */
export async function claimBulkFile(
  db: Kysely<Schema>,
  now: string,
  until: string,
  importId?: number,
): Promise<(BulkFileRow & { content: Uint8Array }) | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    let query = db
      .selectFrom('bulk_import_files')
      .select(['id', 'claimed_until'])
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]));
    if (importId !== undefined) query = query.where('import_id', '=', importId);
    const next = await query.orderBy('id').limit(1).executeTakeFirst();
    if (!next) return null;
    let update = db
      .updateTable('bulk_import_files')
      .set((eb) => ({ claimed_until: until, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', next.id)
      .where('status', '=', 'pending');
    update =
      next.claimed_until === null
        ? update.where('claimed_until', 'is', null)
        : update.where('claimed_until', '=', next.claimed_until);
    const done = await update.executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) continue;
    const row = await db
      .selectFrom('bulk_import_files')
      .select([...FILE_COLUMNS, 'content'])
      .where('id', '=', next.id)
      .executeTakeFirstOrThrow();
    return { ...toFile(row), content: new Uint8Array(row.content ?? new Uint8Array()) };
  }
  return null;
}

/** Gives a claimed file back (the workers were busy): it is read again later. */
export async function releaseBulkFile(db: Kysely<Schema>, id: number): Promise<void> {
  await db.updateTable('bulk_import_files').set({ claimed_until: null }).where('id', '=', id).execute();
}

/** Writes what a file's reading came to; the bytes are dropped. False if it was no longer pending. */
export async function finishBulkFile(
  db: Kysely<Schema>,
  id: number,
  value: { outcome: string; agencyId: number | null; year: number | null; result: string; at: string },
): Promise<boolean> {
  const done = await db
    .updateTable('bulk_import_files')
    .set({
      status: 'done',
      content: null,
      claimed_until: null,
      outcome: value.outcome,
      agency_id: value.agencyId,
      year: value.year,
      result: value.result,
      processed_at: value.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** A done file's outcome changed (the supervisor picked its agency): only from the outcome seen. */
export async function setBulkFileOutcome(
  db: Kysely<Schema>,
  id: number,
  from: string,
  value: { outcome: string; agencyId: number; result: string; at: string },
): Promise<boolean> {
  const done = await db
    .updateTable('bulk_import_files')
    .set({ outcome: value.outcome, agency_id: value.agencyId, result: value.result, processed_at: value.at })
    .where('id', '=', id)
    .where('outcome', '=', from)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Marks the upload finished when no file of it is pending (idempotent). */
export async function finishBulkImportIfDone(
  db: Kysely<Schema>,
  importId: number,
  at: string,
): Promise<boolean> {
  const pending = await db
    .selectFrom('bulk_import_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('import_id', '=', importId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  if (Number(pending.n) > 0) return false;
  const done = await db
    .updateTable('bulk_imports')
    .set({ finished_at: at })
    .where('id', '=', importId)
    .where('finished_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** The file last imported as an agency's report of a year by a bulk upload (collected or replaced). */
export async function lastCollectedBulkFile(
  db: Kysely<Schema>,
  agencyId: number,
  year: number,
): Promise<BulkFileRow | null> {
  const row = await db
    .selectFrom('bulk_import_files')
    .select(FILE_COLUMNS)
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('outcome', 'in', ['collected', 'replaced'])
    .orderBy('processed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toFile(row) : null;
}
