import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.ts';
import { openDatabase } from '../../persistence/database.ts';
import { verifyEventChain } from '../../persistence/repositories/event.repository.ts';
import { testContext } from '../../../test/support/context.ts';
import { createTestDatabase, DIALECTS, TEST_DATABASE_URL } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { agencyWithStaff, counterApplication, naturalApplicant } from '../../../test/support/fixtures.ts';
import type { Staff } from '../../../test/support/fixtures.ts';
import type { ServiceContext } from '../context.ts';
import { commitSubmission, intakeBatcher, PIPELINE } from './intake-batch.ts';
import type { Registered } from './intake.ts';
import { registerByStaff, submitOnline } from './intake.ts';

const online = (name: string) => ({
  applicant: naturalApplicant({ name }),
  items: [{ description: `${name}申请公开的信息`, documentNumber: null }],
  form: 'electronic' as const,
  delivery: 'email' as const,
});

/** Another connection to the same database, as another process would have: sees only what is committed. */
async function independentReader(database: TestDatabase) {
  if (database.dialect === 'sqlite') {
    const reader = new BetterSqlite3(database.location, { readonly: true });
    const statement = reader.prepare(
      `select a.id, e.id as event_id from applications a
       join events e on e.entity_type = 'application' and e.entity_id = cast(a.id as text) and e.action = 'register'
       where a.tracking_code = ?`,
    );
    return {
      find: (code: string) => statement.get(code) as { id: number; event_id: number } | undefined,
      close: async () => reader.close(),
    };
  }
  const client = new pg.Pool({
    connectionString: TEST_DATABASE_URL,
    options: `-c search_path=${database.location}`,
    max: 2,
  });
  return {
    find: async (code: string) =>
      (
        await client.query<{ id: number; event_id: number }>(
          `select a.id, e.id as event_id from applications a
           join events e on e.entity_type = 'application' and e.entity_id = a.id::text and e.action = 'register'
           where a.tracking_code = $1`,
          [code],
        )
      ).rows[0],
    close: () => client.end(),
  };
}

describe.each(DIALECTS)('group-committed intake on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let staff: Record<string, Staff>;
  let agencyId: number;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ({ ctx } = testContext(database));
    const made = await agencyWithStaff(ctx, 'GC1');
    staff = made.staff;
    agencyId = made.agency.id;
  });
  afterAll(() => database.destroy());

  const eventsOfRegistration = async () =>
    database.db
      .selectFrom('events')
      .select(['id', 'entity_id'])
      .where('action', '=', 'register')
      .where('entity_type', '=', 'application')
      .orderBy('id')
      .execute();

  it('writes concurrent submissions in shared batches, each with its own register event, chained in order', async () => {
    const sizes = intakeBatcher(database).sizes;
    const before = sizes.length;
    const submissions = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0
        ? registerByStaff(ctx, staff.registrar!, counterApplication('2026-03-02'))
        : submitOnline(ctx, agencyId, online(`申请人${i}`)),
    );
    const registered = await Promise.all(submissions);
    const batches = sizes.slice(before);
    // fewer transactions than submissions: at least one batch held several
    expect(batches.reduce((a, b) => a + b, 0)).toBe(40);
    expect(batches.length).toBeLessThan(40);
    expect(Math.max(...batches)).toBeGreaterThan(1);
    const ids = registered.map((r) => r.application.id);
    expect(new Set(ids).size).toBe(40);
    expect(new Set(registered.map((r) => r.application.trackingCode)).size).toBe(40);
    const stored = await database.db
      .selectFrom('applications')
      .select(['id', 'source', 'tracking_code', 'facts', 'handler_id'])
      .where('id', 'in', ids)
      .execute();
    expect(stored).toHaveLength(40);
    // the facts stored as the very text they were written as (PostgreSQL: sent as JSON, not as a string of it),
    // and a column left empty NULL
    const byId = new Map(registered.map((r) => [r.application.id, r.application]));
    for (const row of stored) {
      expect(row.facts).toBe(JSON.stringify(byId.get(row.id)!.application));
      expect(row.handler_id).toBeNull();
    }
    // one register event per application, in the order the submissions were made
    const events = (await eventsOfRegistration()).filter((e) => ids.includes(Number(e.entity_id)));
    expect(events.map((e) => Number(e.entity_id))).toEqual(ids);
    expect((await verifyEventChain(database.db, ctx.auditKey)).broken).toBeNull();
  });

  it('fails a bad submission alone, with its own Chinese error, and stores the rest of its batch', async () => {
    const sizes = intakeBatcher(database).sizes;
    const before = sizes.length;
    const names = Array.from({ length: 9 }, (_, i) => `同批申请人${i}`);
    const good = names.map((name) => submitOnline(ctx, agencyId, online(name)));
    // an agency that does not exist: refused by the insert's foreign key, inside the batch
    const bad = submitOnline(ctx, 987_654, online('无此机关的申请人'));
    const outcomes = await Promise.allSettled([...good.slice(0, 4), bad, ...good.slice(4)]);
    const failure = outcomes[4]!;
    expect(failure.status).toBe('rejected');
    const error = (failure as PromiseRejectedResult).reason as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('not_found');
    expect(error.field).toBe('agencyId');
    expect(error.message).toMatch(/受理机关不存在/);
    const stored = outcomes
      .filter((o): o is PromiseFulfilledResult<Registered> => o.status === 'fulfilled')
      .map((o) => o.value.application);
    expect(stored).toHaveLength(9);
    // they were one batch (PostgreSQL: shared among the pipeline's places): the bad submission did not cost the
    // others their shared transaction
    const batches = sizes.slice(before);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(10);
    expect(batches.length).toBe(dialect === 'postgres' ? Math.min(PIPELINE, 10) : 1);
    const rows = await database.db
      .selectFrom('applications')
      .select(['id', 'agency_id'])
      .where(
        'id',
        'in',
        stored.map((a) => a.id),
      )
      .execute();
    expect(rows).toHaveLength(9);
    expect(rows.every((r) => r.agency_id === agencyId)).toBe(true);
    const orphan = await database.db
      .selectFrom('applications')
      .select('id')
      .where('agency_id', '=', 987_654)
      .execute();
    expect(orphan).toEqual([]);
    expect((await verifyEventChain(database.db, ctx.auditKey)).broken).toBeNull();
    // and the batcher goes on: the next submission is written as usual
    const next = await submitOnline(ctx, agencyId, online('下一位申请人'));
    expect(next.application.id).toBeGreaterThan(0);
  });

  it('acknowledges a submission only once another connection can read it, in the order of the chain', async () => {
    // the submissions go to the batcher directly, so that the check below runs in the very turn the batcher
    // settles them (through the service's own awaits, a premature acknowledgement could be overtaken by the COMMIT)
    const template = (await submitOnline(ctx, agencyId, online('模板申请人'))).application;
    const reader = await independentReader(database);
    try {
      const seen: { code: string; found: Promise<{ id: number; event_id: number } | undefined> }[] = [];
      const submissions = Array.from({ length: 30 }, (_, i) => {
        const code = `GK2026-ACK${String(i).padStart(5, '0')}`;
        return commitSubmission(database, {
          row: {
            agencyId,
            trackingCode: code,
            secretHash: template.secretHash,
            source: 'online',
            applicant: template.applicant,
            application: template.application,
            at: template.createdAt,
          },
          auditKey: ctx.auditKey,
          event: (applicationId) => ({
            agencyId,
            entityType: 'application',
            entityId: applicationId,
            action: 'register',
            actor: 'system:portal',
            at: template.createdAt,
          }),
          dueDateChanges: [],
          retryCode: () => `${code}X`,
        }).then((committed) => {
          // read at the moment of acknowledgement (synchronously on SQLite), before anything else runs
          seen.push({ code, found: Promise.resolve(reader.find(code)) });
          return committed;
        });
      });
      const committed = await Promise.all(submissions);
      expect(seen).toHaveLength(30);
      const found = await Promise.all(seen.map((s) => s.found));
      // every acknowledged submission was already committed, with its event
      expect(found.every((f) => f !== undefined)).toBe(true);
      const byCode = new Map(committed.map((c) => [c.application.trackingCode, c]));
      found.forEach((f, i) => {
        expect(f!.id).toBe(byCode.get(seen[i]!.code)!.application.id);
        expect(Number(f!.event_id)).toBe(byCode.get(seen[i]!.code)!.event.id);
      });
      // acknowledged in the order their events stand in the chain
      const eventIds = found.map((f) => Number(f!.event_id));
      expect(eventIds).toEqual([...eventIds].sort((a, b) => a - b));
      expect((await verifyEventChain(database.db, ctx.auditKey)).broken).toBeNull();
    } finally {
      await reader.close();
    }
  });
});

// Several server processes share one PostgreSQL (deploy/); SQLite is one process's database (two handles in one
// thread would wait on each other synchronously), so this one runs where the deployment does.
describe.each(DIALECTS.filter((d) => d === 'postgres'))(
  'group-committed intake from two processes on %s',
  (dialect) => {
    let database: TestDatabase;
    let ctx: ServiceContext;
    let agencyId: number;
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      ({ ctx } = testContext(database));
      agencyId = (await agencyWithStaff(ctx, 'GC2')).agency.id;
    });
    afterAll(() => database.destroy());

    it('chains the batches of two processes on one database one after another', async () => {
      // a second handle with its own pool has its own batcher, as another server process would
      const second = openDatabase({
        databaseUrl: TEST_DATABASE_URL,
        sqlitePath: '',
        pgSchema: database.location,
        poolSize: 4,
      });
      try {
        const other: ServiceContext = { ...ctx, database: second };
        const submissions = Array.from({ length: 48 }, (_, i) =>
          submitOnline(i % 2 === 0 ? ctx : other, agencyId, online(`两进程${i}`)),
        );
        const registered = await Promise.all(submissions);
        expect(intakeBatcher(second).sizes.reduce((a, b) => a + b, 0)).toBe(24);
        const ids = new Set(registered.map((r) => r.application.id));
        expect(ids.size).toBe(48);
        const events = (
          await database.db
            .selectFrom('events')
            .select(['id', 'entity_id'])
            .where('action', '=', 'register')
            .orderBy('id')
            .execute()
        ).filter((e) => ids.has(Number(e.entity_id)));
        expect(events).toHaveLength(48);
        expect((await verifyEventChain(database.db, ctx.auditKey)).broken).toBeNull();
      } finally {
        await second.close();
      }
    });

    it('goes on after the connection its batches are queued on is killed: none acknowledged is lost', async () => {
      // a handle whose connections can be told apart from every other in the database
      const name = `intake-lane-${Date.now().toString(36)}`;
      const url = new URL(TEST_DATABASE_URL);
      url.searchParams.set('application_name', name);
      const second = openDatabase({
        databaseUrl: url.toString(),
        sqlitePath: '',
        pgSchema: database.location,
        poolSize: 4,
      });
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      try {
        const other: ServiceContext = { ...ctx, database: second };
        let killed: Promise<unknown> | null = null;
        // 16 submitters, each submitting again as soon as answered: the lane is busy throughout
        const acknowledged: Registered['application'][] = [];
        const lastOfEach: boolean[] = [];
        await Promise.all(
          Array.from({ length: 16 }, async (_, w) => {
            let ok = false;
            for (let round = 0; round < 8; round++) {
              try {
                const r = await submitOnline(other, agencyId, online(`断线${w}-${round}`));
                acknowledged.push(r.application);
                ok = true;
                // at the first acknowledgement, the next batches are queued on the lane: its backend is ended
                killed ??= admin.query(
                  'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
                  [name],
                );
              } catch {
                ok = false;
              }
            }
            lastOfEach[w] = ok;
          }),
        );
        await killed;
        expect(acknowledged.length).toBeGreaterThan(0);
        // the batches after those on the connection killed were written on another (under the same load)
        expect(lastOfEach.every(Boolean)).toBe(true);
        // every acknowledged submission is stored
        const stored = await database.db
          .selectFrom('applications')
          .select('tracking_code')
          .where(
            'tracking_code',
            'in',
            acknowledged.map((a) => a.trackingCode),
          )
          .execute();
        expect(stored).toHaveLength(acknowledged.length);
        // and the batcher goes on, on a new connection: every submission of the next burst is written
        const next = await Promise.all(
          Array.from({ length: 32 }, (_, i) => submitOnline(other, agencyId, online(`重连${i}`))),
        );
        expect(new Set(next.map((r) => r.application.id)).size).toBe(32);
        expect((await verifyEventChain(database.db, ctx.auditKey)).broken).toBeNull();
      } finally {
        await admin.end();
        await second.close();
      }
    });
  },
);
