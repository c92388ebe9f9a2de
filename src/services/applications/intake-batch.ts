import type { ControlledTransaction, Kysely } from 'kysely';
import type { DueDateChange } from '../../domain/application/index.ts';
import { AppError } from '../../domain/errors.ts';
import type { Database, PinnedConnection } from '../../persistence/database.ts';
import type {
  NewApplicationRow,
  StoredApplication,
} from '../../persistence/repositories/application.repository.ts';
import {
  applicationValues,
  dueDateRows,
  insertApplications,
  insertDueDateChangesOf,
  storedNew,
} from '../../persistence/repositories/application.repository.ts';
import type { EventRow, NewEvent, StoredEvent } from '../../persistence/repositories/event.repository.ts';
import { appendEvents, chainEvents, readEventHead } from '../../persistence/repositories/event.repository.ts';
import {
  insertRegistrationsAfterHead,
  nextApplicationIds,
} from '../../persistence/repositories/intake.repository.ts';
import type { Schema } from '../../persistence/schema.ts';

/**
 * Group commit for intake (登记 and the portal's and the API's 网上申请): submissions that arrive while a batch is
 * being written wait for the next one, and each batch is written at once — SQLite: one transaction (a multi-row
 * insert of the applications, one of their 登记 events chained in submission order, one fsync under
 * synchronous=FULL); PostgreSQL: one autocommit statement (one round trip, one COMMIT) chained after the head this
 * process last left, which inserts nothing if another writer moved the head (then chained again from the head
 * read afresh; after three misses, the locking transaction SQLite uses). A submission is acknowledged (its promise
 * settles) only after its batch is committed. There is no waiting for company: a lone submission is written at
 * once; under load the batch is whatever arrived during the previous write, up to MAX_BATCH.
 *
 * PostgreSQL pipelines (PIPELINE batches at once): the next batch is chained after the head the one before will
 * leave and queued behind it on the same connection, so the database writes it while this process acknowledges
 * the one before and prepares the submissions that follow; what waits is shared among the free places.
 * Batches are acknowledged in the order of the chain.
 *
 * A row refused (a bad submission) takes the batch to the slow path: one transaction, each submission under its
 * own savepoint, so the bad one fails alone with its own error (an unknown agency: 404 受理机关不存在; a
 * tracking-code collision is retried with a new code) and the others still share one COMMIT. A COMMIT or a
 * connection that fails fails every submission of the batch: none was acknowledged, and the client may submit
 * again.
 *
 * The batch lives in this process; the order lives in the database: several processes on one PostgreSQL each
 * batch their own submissions, and their batches chain one after another on the event head.
 */
export interface Submission {
  row: NewApplicationRow;
  /** the audit key of the submitter's context (the batch chains each event under its own) */
  auditKey: Buffer;
  /** the 登记 event, once the application's id is known */
  event: (applicationId: number) => NewEvent;
  dueDateChanges: readonly DueDateChange[];
  /** a new tracking code after a collision */
  retryCode: () => string;
}

export interface Committed {
  application: StoredApplication;
  event: StoredEvent;
}

interface Waiting extends Submission {
  resolve: (committed: Committed) => void;
  reject: (error: unknown) => void;
}

/** At most this many submissions per transaction (bounds the statement's parameters: ~35 per application). */
export const MAX_BATCH = 64;

/** PostgreSQL: application ids drawn from their sequence at a time (one round trip for several batches). */
const IDS_AHEAD = 256;

/** PostgreSQL: batches being written at once, on one connection one after another (GONGKAI_INTAKE_PIPELINE=1: one at a time). */
export const PIPELINE = Number(process.env.GONGKAI_INTAKE_PIPELINE ?? 2);

class IntakeBatcher {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;
  /** the batch taken last has settled (each of its submissions resolved or rejected) */
  private last: Promise<void> = Promise.resolve();
  /** batches written at once: PostgreSQL pipelines; SQLite writes synchronously, one at a time */
  private readonly slots: number;
  /** how many submissions each batch held, latest last (for tests and the benchmark) */
  readonly sizes: number[] = [];
  /** PostgreSQL: the head as this process's batches leave it, application ids drawn ahead, the connection */
  private readonly chain: ChainState;

  constructor(private readonly database: Database) {
    this.slots = database.pinConnection ? Math.max(1, PIPELINE) : 1;
    this.chain = { head: null, applicationIds: [], positioned: Promise.resolve(), lane: new Lane(database) };
  }

  submit(submission: Submission): Promise<Committed> {
    return new Promise<Committed>((resolve, reject) => {
      this.waiting.push({ ...submission, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // after the current turn, so that submissions made in the same turn share a batch
        queueMicrotask(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump(): void {
    while (this.waiting.length > 0 && this.inFlight < this.slots) {
      // shared among the free places: with two, sixteen waiting go as two batches of eight, and the first eight
      // are acknowledged (and their submitters prepare their next) while the database writes the second
      const size = Math.min(MAX_BATCH, Math.ceil(this.waiting.length / (this.slots - this.inFlight)));
      const batch = this.waiting.splice(0, size);
      this.sizes.push(batch.length);
      if (this.sizes.length > 10_000) this.sizes.splice(0, 5_000);
      this.inFlight++;
      const settled = commitBatch(this.database, batch, this.chain, this.last);
      this.last = settled;
      void settled.finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }
}

/**
 * PostgreSQL: the connection the batches' statements are queued on, taken from the pool by the first batch and
 * given back when the last settles (or closed, after an error on it).
 */
class Lane {
  private connection: Promise<PinnedConnection> | null = null;
  private users = 0;

  constructor(private readonly database: Database) {}

  take(): Promise<PinnedConnection> {
    this.users++;
    if (!this.connection) {
      const connection = this.database.pinConnection!();
      // none to be had (the pool could not connect): the next batch asks again
      connection.catch(() => {
        if (this.connection === connection) this.connection = null;
      });
      this.connection = connection;
    }
    return this.connection;
  }

  /** a batch is done with the connection it took; `error`: that connection failed under it */
  give(taken: Promise<PinnedConnection>, error?: unknown): void {
    this.users--;
    // closed by the first batch to see it fail (not again by the others queued on it, nor a newer one)
    if (error !== undefined && this.connection === taken) {
      this.connection = null;
      taken.then(
        (c) => c.release(error as Error),
        () => undefined,
      );
    }
    if (this.users === 0 && this.connection) {
      const idle = this.connection;
      this.connection = null;
      idle.then(
        (c) => c.release(),
        () => undefined,
      );
    }
  }
}

const batchers = new WeakMap<Database, IntakeBatcher>();

export function intakeBatcher(database: Database): IntakeBatcher {
  let batcher = batchers.get(database);
  if (!batcher) batchers.set(database, (batcher = new IntakeBatcher(database)));
  return batcher;
}

/** Queues a submission for the next batch; settles after that batch's COMMIT. */
export function commitSubmission(database: Database, submission: Submission): Promise<Committed> {
  return intakeBatcher(database).submit(submission);
}

class CommitFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('commit failed');
  }
}

interface ChainState {
  /**
   * the head this process's batches leave, each expected to be written (null: read it afresh, once every batch
   * before has settled)
   */
  head: { lastId: number; lastHash: string } | null;
  applicationIds: number[];
  /** the batch before has its ids and its place in the chain, and its statement is queued */
  positioned: Promise<unknown>;
  lane: Lane;
}

/**
 * Writes one batch; never throws (each submission is resolved or rejected). `prior`: the batch taken before has
 * settled. A batch is acknowledged only after it (in the order of the chain), and anything but the fast path's
 * first statement waits for it, so that batches are chained in the order they were taken.
 */
async function commitBatch(
  database: Database,
  batch: Waiting[],
  chain: ChainState,
  prior: Promise<void>,
): Promise<void> {
  let written: Committed[] | null = null;
  try {
    if (database.pinConnection) written = await writeInOneStatement(database, batch, chain, prior);
  } catch (error) {
    chain.head = null;
    await prior;
    // a row refused: the statement wrote nothing and the slow path finds which one; anything else (a lost
    // connection: the outcome unknown) fails the batch
    if (rowRefused(error)) await commitOneByOne(database, batch);
    else for (const s of batch) s.reject(error);
    return;
  }
  await prior;
  if (written) {
    const done = written;
    batch.forEach((s, i) => s.resolve(done[i]!));
    return;
  }
  chain.head = null;
  try {
    written = await inOneTransaction(database, (trx) => write(trx, database, batch));
  } catch (error) {
    if (error instanceof CommitFailed) {
      for (const s of batch) s.reject(error.cause);
      return;
    }
    await commitOneByOne(database, batch);
    return;
  }
  batch.forEach((s, i) => s.resolve(written![i]!));
}

/**
 * PostgreSQL's fast path: the batch chained after the head the batches before it leave (read afresh when
 * unknown, once they have settled) and written by one autocommit statement, queued on the lane behind theirs,
 * which inserts nothing if the head is not the one expected (another process moved it, or a batch before was not
 * written); then, once the batches before have settled, the head is read and the batch chained again, a few
 * times, before the locking transaction takes over (null).
 */
async function writeInOneStatement(
  database: Database,
  batch: readonly Submission[],
  chain: ChainState,
  prior: Promise<void>,
): Promise<Committed[] | null> {
  const lane = chain.lane;
  let taken: Promise<PinnedConnection> | null = null;
  let failed: unknown;
  /** the lane's answer; an error other than a row refused may have broken the connection: it is not reused */
  const onLane = <T>(answer: Promise<T>) =>
    answer.catch((error: unknown) => {
      if (!rowRefused(error)) failed = error;
      throw error;
    });
  try {
    // positioned and queued one batch after another, in the order taken
    const positioned = chain.positioned.then(async () => {
      taken = lane.take();
      const connection = await taken;
      if (chain.applicationIds.length < batch.length)
        chain.applicationIds.push(
          ...(await nextApplicationIds(
            database.db,
            Math.max(IDS_AHEAD, batch.length - chain.applicationIds.length),
          )),
        );
      const ids = chain.applicationIds.splice(0, batch.length);
      if (chain.head === null) {
        await prior;
        chain.head = await readEventHead(database.db);
      }
      const chained = chainBatch(batch, ids, chain.head);
      chain.head = chained.leaves;
      // queued now, behind the batch before (no await between this and the positioning of the next)
      const sent = sendBatch(connection, batch, ids, chained);
      sent.catch(() => undefined);
      return { connection, ids, chained, sent };
    });
    chain.positioned = positioned.catch(() => undefined);
    const { connection, ids, chained: first, sent } = await positioned;
    const applications = batch.map((s, i) => storedNew(s.row, ids[i]!));
    if (await onLane(sent))
      return batch.map((_, i) => ({ application: applications[i]!, event: first.events[i]! }));
    chain.head = null;
    await prior;
    for (let attempt = 0; attempt < 3; attempt++) {
      const chained = chainBatch(batch, ids, await readEventHead(database.db));
      if (await onLane(sendBatch(connection, batch, ids, chained)))
        return batch.map((_, i) => ({ application: applications[i]!, event: chained.events[i]! }));
    }
    return null;
  } finally {
    if (taken) lane.give(taken, failed);
  }
}

/** PostgreSQL refused a row (SQLSTATE class 22 data, 23 integrity): a bad submission, the connection sound. */
const rowRefused = (error: unknown) =>
  /^2[23]/.test(String((error as { code?: unknown } | null)?.code ?? ''));

interface ChainedBatch {
  expected: { lastId: number; lastHash: string };
  rows: EventRow[];
  events: StoredEvent[];
  leaves: { lastId: number; lastHash: string };
}

/** The batch's events chained after `head`, in runs of one audit key (one run, unless contexts differ). */
function chainBatch(
  batch: readonly Submission[],
  ids: readonly number[],
  head: { lastId: number; lastHash: string },
): ChainedBatch {
  const rows: EventRow[] = [];
  const events: StoredEvent[] = [];
  let prevHash = head.lastHash;
  for (let start = 0; start < batch.length;) {
    let end = start + 1;
    while (end < batch.length && batch[end]!.auditKey.equals(batch[start]!.auditKey)) end++;
    const run = chainEvents(
      batch[start]!.auditKey,
      head.lastId + start + 1,
      prevHash,
      batch.slice(start, end).map((s, i) => s.event(ids[start + i]!)),
    );
    rows.push(...run.rows);
    events.push(...run.stored);
    prevHash = run.stored[run.stored.length - 1]!.hash;
    start = end;
  }
  const last = events[events.length - 1]!;
  return { expected: head, rows, events, leaves: { lastId: last.id, lastHash: last.hash } };
}

/** The batch's one statement, queued on `connection`; false when the head was not the one expected. */
function sendBatch(
  connection: PinnedConnection,
  batch: readonly Submission[],
  ids: readonly number[],
  chained: ChainedBatch,
): Promise<boolean> {
  return insertRegistrationsAfterHead(connection, {
    expected: chained.expected,
    applications: batch.map((s, i) => ({ id: ids[i]!, ...applicationValues(s.row) })),
    events: chained.rows,
    dueDateChanges: dueDateRows(
      batch.map((s, i) => ({
        applicationId: ids[i]!,
        eventId: chained.events[i]!.id,
        changes: s.dueDateChanges,
      })),
    ),
  });
}

/** The slow path: one transaction, each submission under its own savepoint. */
async function commitOneByOne(database: Database, batch: Waiting[]): Promise<void> {
  const outcomes: ({ ok: true; committed: Committed } | { ok: false; error: unknown })[] = [];
  try {
    await inOneTransaction(database, async (trx) => {
      for (const s of batch) {
        for (let attempt = 0; ; attempt++) {
          const point = await trx.savepoint('submission').execute();
          try {
            const [committed] = await write(point, database, [s]);
            await point.releaseSavepoint('submission').execute();
            outcomes.push({ ok: true, committed: committed! });
            break;
          } catch (error) {
            await point.rollbackToSavepoint('submission').execute();
            if (attempt < 3 && isTrackingCodeCollision(error)) {
              s.row = { ...s.row, trackingCode: s.retryCode() };
              continue;
            }
            outcomes.push({ ok: false, error: intakeError(error) });
            break;
          }
        }
      }
    });
  } catch (error) {
    const cause = error instanceof CommitFailed ? error.cause : error;
    for (const s of batch) s.reject(cause);
    return;
  }
  batch.forEach((s, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) s.resolve(outcome.committed);
    else s.reject(outcome.error);
  });
}

async function inOneTransaction<T>(
  database: Database,
  body: (trx: ControlledTransaction<Schema>) => Promise<T>,
): Promise<T> {
  const trx = await database.db.startTransaction().execute();
  let result: T;
  try {
    result = await body(trx);
  } catch (error) {
    await trx
      .rollback()
      .execute()
      .catch(() => undefined);
    throw error;
  }
  try {
    await trx.commit().execute();
  } catch (error) {
    throw new CommitFailed(error);
  }
  return result;
}

/** The batch's statements: the applications, their events (chained in order), their due-date changes. */
async function write(
  trx: Kysely<Schema>,
  database: Database,
  batch: readonly Submission[],
): Promise<Committed[]> {
  const applications = await insertApplications(
    trx,
    batch.map((s) => s.row),
  );
  const events: StoredEvent[] = [];
  // one append per run of submissions under the same audit key (one run, unless contexts differ)
  for (let start = 0; start < batch.length;) {
    let end = start + 1;
    while (end < batch.length && batch[end]!.auditKey.equals(batch[start]!.auditKey)) end++;
    events.push(
      ...(await appendEvents(
        trx,
        database.dialect,
        batch[start]!.auditKey,
        batch.slice(start, end).map((s, i) => s.event(applications[start + i]!.id)),
      )),
    );
    start = end;
  }
  await insertDueDateChangesOf(
    trx,
    batch.map((s, i) => ({
      applicationId: applications[i]!.id,
      eventId: events[i]!.id,
      changes: s.dueDateChanges,
    })),
  );
  return batch.map((_, i) => ({ application: applications[i]!, event: events[i]! }));
}

function isTrackingCodeCollision(error: unknown): boolean {
  const message = String((error as Error)?.message ?? '');
  return /unique|duplicate/i.test(message) && /tracking_code/i.test(message);
}

/** A submission's own failure, as the applicant or registrar is told it. */
function intakeError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503')
    return new AppError('not_found', '受理机关不存在，申请未登记', 'agencyId');
  if (isTrackingCodeCollision(error))
    return new AppError('conflict', '未能生成不重复的查询码，申请未登记，请重新提交', 'trackingCode');
  return error;
}
