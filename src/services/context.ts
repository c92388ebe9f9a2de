import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../persistence/database.ts';
import type { NewEvent, StoredEvent } from '../persistence/repositories/event.repository.ts';
import { appendEvent } from '../persistence/repositories/event.repository.ts';
import type { Schema } from '../persistence/schema.ts';
import type { FieldCipher } from '../security/field-cipher.ts';
import type { DocumentWorkers } from '../workers/pool.ts';

/** What every service function receives: the database, the field cipher, the clock and the document workers. */
export interface ServiceContext {
  database: Database;
  cipher: FieldCipher;
  /** the audit chain's HMAC key (security/audit-key.ts), kept apart from the database */
  auditKey: Buffer;
  /** the clock: services never call `new Date()` themselves, so tests can move time */
  now: () => Date;
  /** where attachments and generated files live */
  dataDir: string;
  /** the document workers: every parse of an upload and every DOCX/PDF render goes through them */
  documents: DocumentWorkers;
}

export const nowIso = (ctx: ServiceContext) => ctx.now().toISOString();

/** Today's date in China (UTC+8), 'YYYY-MM-DD' — the date the legal clock counts in. */
export function todayInChina(ctx: ServiceContext): string {
  return new Date(ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Runs `body` in one transaction with a helper that appends events to the audit chain in that same
 * transaction: the change and its event are written together or not at all.
 */
export type Recorder = (event: Omit<NewEvent, 'at'> & { at?: string }) => Promise<StoredEvent>;

export async function inTransaction<T>(
  ctx: ServiceContext,
  body: (trx: Transaction<Schema>, record: Recorder) => Promise<T>,
): Promise<T> {
  return ctx.database.db
    .transaction()
    .execute((trx) =>
      body(trx, (event) =>
        appendEvent(trx, ctx.database.dialect, ctx.auditKey, { ...event, at: event.at ?? nowIso(ctx) }),
      ),
    );
}

export type Db = Kysely<Schema>;
