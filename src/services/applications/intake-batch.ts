import type { ControlledTransaction, Kysely } from 'kysely';
import type { DueDateChange } from '../../domain/application/index.ts';
import { AppError } from '../../domain/errors.ts';
import type { Database } from '../../persistence/database.ts';
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
 * PostgreSQL keeps two batches in flight: the second is chained after the head the first will leave (its hashes
 * are known before its COMMIT), and its statement waits on the head's row lock until the first is committed, so
 * the database writes one batch while this process prepares the next — and registers the next submissions of
 * those just acknowledged. When nothing is in flight the waiting submissions are split in two, so that a crowd
 * that arrived together (and would otherwise come back together) keeps the two in flight. If the first batch
 * does not move the head, neither does the second (it expected the head the first would leave): it is chained
 * again once the first has settled. Batches are chained in the order they were taken.
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

/** Batches written at once: PostgreSQL chains the next after the one in flight; SQLite writes one at a time. */
const IN_FLIGHT = { postgres: 2, sqlite: 1 } as const;

/** A batch's progress as the one after it waits on it: chained (its ids and hashes fixed), then settled. */
interface Step {
  chained: Promise<void>;
  settled: Promise<void>;
}

const DONE: Step = { chained: Promise.resolve(), settled: Promise.resolve() };

/** One connection of the pool, held until released. */
interface Lease {
  db: Kysely<Schema>;
  release: () => void;
}

function leaseConnection(db: Kysely<Schema>): Promise<Lease> {
  return new Promise<Lease>((leased, failed) => {
    db.connection()
      .execute((connection) => new Promise<void>((release) => leased({ db: connection, release })))
      .catch(failed);
  });
}

function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

class IntakeBatcher {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;
  /** how many submissions each batch held, latest last (for tests and the benchmark) */
  readonly sizes: number[] = [];
  /** PostgreSQL: the head as this process last left it, and application ids drawn ahead */
  private readonly chain: ChainState = { head: null, applicationIds: [] };
  /** the batch taken last: the next is chained after it */
  private last: Step = DONE;
  /**
   * PostgreSQL: the connection the batches in flight are written through, held while any is: their statements
   * run one after another in the order taken, the next as soon as the one before is committed
   */
  private lease: Promise<Lease> | null = null;
  private readonly maxInFlight: number;

  constructor(private readonly database: Database) {
    this.maxInFlight = IN_FLIGHT[database.dialect];
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
    while (this.waiting.length > 0 && this.inFlight < this.maxInFlight) {
      // nothing in flight and room for two: half now, the rest as the second batch
      const split = this.inFlight === 0 && this.maxInFlight > 1;
      const batch = this.waiting.splice(
        0,
        Math.min(MAX_BATCH, split ? Math.ceil(this.waiting.length / 2) : this.waiting.length),
      );
      this.sizes.push(batch.length);
      if (this.sizes.length > 10_000) this.sizes.splice(0, 5_000);
      this.inFlight++;
      const previous = this.last;
      const chained = signal();
      const settled = signal();
      this.last = { chained: chained.promise, settled: settled.promise };
      if (this.database.dialect === 'postgres') this.lease ??= leaseConnection(this.database.db);
      const lease = this.lease;
      void commitBatch(this.database, batch, this.chain, previous, chained.resolve, lease).finally(() => {
        chained.resolve();
        settled.resolve();
        this.inFlight--;
        this.pump();
        if (this.inFlight === 0 && this.lease) {
          this.lease.then((l) => l.release()).catch(() => undefined);
          this.lease = null;
        }
      });
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
  head: { lastId: number; lastHash: string } | null;
  applicationIds: number[];
}

/**
 * Writes one batch after `previous` (the batch taken before it); never throws (each submission is resolved or
 * rejected). `chained` is called once the batch's ids and hashes are fixed; the slow paths wait for `previous`
 * to settle.
 */
async function commitBatch(
  database: Database,
  batch: Waiting[],
  chain: ChainState,
  previous: Step,
  chained: () => void,
  lease: Promise<Lease> | null,
): Promise<void> {
  let written: Committed[] | null = null;
  try {
    if (lease) written = await writeInOneStatement((await lease).db, batch, chain, previous, chained);
  } catch (error) {
    chain.head = null;
    chained();
    await previous.settled;
    // a row refused (SQLSTATE class 22 data, 23 integrity: a bad submission): the statement wrote nothing and
    // the slow path finds which one; anything else (a lost connection: the outcome unknown) fails the batch
    if (/^2[23]/.test(String((error as { code?: unknown } | null)?.code ?? '')))
      await commitOneByOne(database, batch);
    else for (const s of batch) s.reject(error);
    return;
  }
  if (written) {
    const done = written;
    batch.forEach((s, i) => s.resolve(done[i]!));
    return;
  }
  chain.head = null;
  chained();
  await previous.settled;
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
 * PostgreSQL's fast path: the batch chained after the head the batch before it leaves (read afresh when unknown,
 * once that batch has settled) and written by one autocommit statement, which inserts nothing if the head is
 * not the one expected; then the head is read and the batch chained again, a few times, before the locking
 * transaction takes over (null).
 */
async function writeInOneStatement(
  db: Kysely<Schema>,
  batch: readonly Submission[],
  chain: ChainState,
  previous: Step,
  chained: () => void,
): Promise<Committed[] | null> {
  // ids and hashes are fixed in the order the batches were taken
  await previous.chained;
  if (chain.applicationIds.length < batch.length)
    chain.applicationIds.push(
      ...(await nextApplicationIds(db, Math.max(IDS_AHEAD, batch.length - chain.applicationIds.length))),
    );
  const ids = chain.applicationIds.splice(0, batch.length);
  const applications = batch.map((s, i) => storedNew(s.row, ids[i]!));
  for (let attempt = 0; attempt < 3; attempt++) {
    // the head as the batch before leaves it; read as committed once that batch has settled when unknown, and
    // on every retry (a batch taken after this one may have chained after this one's missed head meanwhile)
    let head = attempt === 0 ? chain.head : null;
    if (!head) {
      await previous.settled;
      head = await readEventHead(db);
    }
    const rows: EventRow[] = [];
    const events: StoredEvent[] = [];
    let prevHash = head.lastHash;
    // chained in runs of one audit key (one run, unless contexts differ)
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
    // the batch after this one continues from here, before this one is committed
    chain.head = { lastId: last.id, lastHash: last.hash };
    chained();
    const moved = await insertRegistrationsAfterHead(db, {
      expected: head,
      applications: batch.map((s, i) => ({ id: ids[i]!, ...applicationValues(s.row) })),
      events: rows,
      dueDateChanges: dueDateRows(
        batch.map((s, i) => ({ applicationId: ids[i]!, eventId: events[i]!.id, changes: s.dueDateChanges })),
      ),
    });
    if (moved) return batch.map((_, i) => ({ application: applications[i]!, event: events[i]! }));
    chain.head = null;
  }
  return null;
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
