import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { DialectName } from '../../src/persistence/database.ts';
import type { ChainedFields } from '../../src/persistence/repositories/event-chain.ts';
import { chainHash, GENESIS_HASH, legacyChainHash } from '../../src/persistence/repositories/event-chain.ts';
import { verifyEventChain } from '../../src/persistence/repositories/event.repository.ts';
import type { Schema } from '../../src/persistence/schema.ts';
import { act } from '../../src/services/applications/actions.ts';
import { registerByStaff } from '../../src/services/applications/intake.ts';
import { DIALECTS } from '../support/databases.ts';
import { agencyWithStaff, counterApplication } from '../support/fixtures.ts';
import { gongkai, gongkaiProcess } from './support/cli.ts';
import type { SystemEnv } from './support/environment.ts';
import { childEnv, createSystemEnv } from './support/environment.ts';

/**
 * The audit log is tamper-evident: `gongkai audit verify` (and `verifyEventChain`) finds an edited, a deleted,
 * a reordered and a truncated event — exit code 1 and a Chinese message naming the event — and passes again
 * once the tampering is undone. Tampering is done the way an intruder with database access would: plain SQL.
 */
type EventRow = Schema['events'] extends infer T ? { [K in keyof T]: unknown } : never;

describe.each(DIALECTS)('tamper-evident audit log on %s', (dialect: DialectName) => {
  let sys: SystemEnv;
  let app: Awaited<ReturnType<typeof createApp>>;
  let ids: number[];

  beforeAll(async () => {
    sys = await createSystemEnv(dialect);
    app = await createApp(loadConfig(childEnv(sys.env)));
    const { staff } = await agencyWithStaff(app.ctx, 'AUD');
    for (let i = 0; i < 4; i++) {
      const { application } = await registerByStaff(
        app.ctx,
        staff.registrar,
        counterApplication('2026-11-02'),
      );
      await act(app.ctx, staff.handler, application.id, { type: 'accept' });
    }
    ids = (await app.database.db.selectFrom('events').select('id').orderBy('id').execute()).map((r) => r.id);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await sys.destroy();
  });

  const db = () => app.database.db;
  const row = async (id: number) =>
    (await db().selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as EventRow;
  const putBack = async (r: EventRow) => {
    const { id, ...rest } = r;
    await db()
      .updateTable('events')
      .set(rest as never)
      .where('id', '=', id as number)
      .execute();
  };

  async function expectBroken(id: number, reason: RegExp) {
    const chain = await verifyEventChain(db(), app.ctx.auditKey);
    expect(chain.broken).toMatchObject({ id });
    expect(chain.broken!.reason).toMatch(reason);
    const run = await gongkai(['audit', 'verify'], sys.env);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toContain(`审计日志校验失败：事件 #${id}`);
    expect(run.err).toMatch(reason);
  }

  async function expectIntact() {
    expect((await verifyEventChain(db(), app.ctx.auditKey)).broken).toBeNull();
    const run = await gongkai(['audit', 'verify'], sys.env);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`审计日志完整：共 ${ids.length} 条事件`);
  }

  it('starts intact', async () => {
    expect(ids.length).toBeGreaterThan(10);
    await expectIntact();
  });

  it('detects an edited event (its data, or only who did it)', async () => {
    const target = ids[Math.floor(ids.length / 2)]!;
    const original = await row(target);
    await db().updateTable('events').set({ data: '{"forged":true}' }).where('id', '=', target).execute();
    await expectBroken(target, /被修改/);
    await putBack(original);
    await db().updateTable('events').set({ actor: 'user:999' }).where('id', '=', target).execute();
    await expectBroken(target, /被修改/);
    await putBack(original);
    await expectIntact();
  });

  it('detects a deleted event', async () => {
    const target = ids[3]!;
    const original = await row(target);
    await db().deleteFrom('events').where('id', '=', target).execute();
    await expectBroken(ids[4]!, /被删除、插入或重排/);
    await db()
      .insertInto('events')
      .values(original as never)
      .execute();
    await expectIntact();
  });

  it('detects two events whose contents were swapped (reordered)', async () => {
    const [a, b] = [ids[2]!, ids[6]!];
    const [ra, rb] = [await row(a), await row(b)];
    await putBack({ ...rb, id: a });
    await putBack({ ...ra, id: b });
    await expectBroken(a, /被删除、插入或重排/);
    // swapping only what the events say, keeping the hash columns in place
    await putBack(ra);
    await putBack(rb);
    const content = (r: EventRow) => {
      const { id: _id, hash: _h, prev_hash: _p, ...rest } = r;
      return rest;
    };
    await putBack({ ...ra, ...content(rb) });
    await putBack({ ...rb, ...content(ra) });
    await expectBroken(a, /被修改/);
    await putBack(ra);
    await putBack(rb);
    await expectIntact();
  });

  it('detects a truncated tail, and an event appended behind the chain head', async () => {
    const last = ids[ids.length - 1]!;
    const original = await row(last);
    await db().deleteFrom('events').where('id', '=', last).execute();
    await expectBroken(ids[ids.length - 2]!, /末尾事件被删除/);
    await db()
      .insertInto('events')
      .values(original as never)
      .execute();
    await expectIntact();
    await sql`insert into events (agency_id, entity_type, entity_id, action, actor, actor_role, at, data, prev_hash, hash)
      values (null, 'application', '1', 'register', 'system', null, '2026-11-02T00:00:00.000Z', '{}', ${original.hash as string}, 'f')`.execute(
      db(),
    );
    const forged = (await verifyEventChain(db(), app.ctx.auditKey)).broken;
    expect(forged?.reason).toMatch(/被修改/);
    await db().deleteFrom('events').where('id', '>', last).execute();
    await expectIntact();
  });

  /** Rewrites the whole chain as someone with write access would: an early event edited, every later hash recomputed. */
  async function rewriteChain(hashOf: (prev: string, e: EventRow & ChainedFields) => string) {
    const originals = await db().selectFrom('events').selectAll().orderBy('id').execute();
    let prev = GENESIS_HASH;
    for (const original of originals) {
      const data = original.id === ids[1] ? JSON.stringify({ rewritten: true }) : original.data;
      const hash = hashOf(prev, { ...original, data } as EventRow & ChainedFields);
      await db()
        .updateTable('events')
        .set({ data, prev_hash: prev, hash })
        .where('id', '=', original.id)
        .execute();
      prev = hash;
    }
    await db().updateTable('event_head').set({ last_hash: prev }).where('id', '=', 1).execute();
    return originals;
  }

  it('fails a copy rewritten and chained again without the key, with no anchor needed (#16 point 10)', async () => {
    const head = await db()
      .selectFrom('event_head')
      .select(['last_id', 'last_hash'])
      .executeTakeFirstOrThrow();
    for (const forge of [
      // the unkeyed sha256 chain of before 0010, and an HMAC under any key but the installation's
      (prev: string, e: ChainedFields) => legacyChainHash(prev, e),
      (prev: string, e: ChainedFields) => chainHash(randomBytes(32), prev, e),
    ]) {
      const originals = await rewriteChain(forge);
      await expectBroken(originals[0]!.id, /被修改|密钥/);
      for (const original of originals) await putBack(original);
      await db().updateTable('event_head').set({ last_hash: head.last_hash }).where('id', '=', 1).execute();
      await expectIntact();
    }
  });

  it('detects a chain rewritten with the key itself, against an anchor kept outside the database', async () => {
    const head = await db()
      .selectFrom('event_head')
      .select(['last_id', 'last_hash'])
      .executeTakeFirstOrThrow();
    const anchor = { id: head.last_id, hash: head.last_hash };
    const originals = await rewriteChain((prev, e) => chainHash(app.ctx.auditKey, prev, e));
    expect((await verifyEventChain(db(), app.ctx.auditKey)).broken).toBeNull();
    const caught = (await verifyEventChain(db(), app.ctx.auditKey, [anchor])).broken;
    expect(caught?.reason).toMatch(/锚点/);
    for (const original of originals) await putBack(original);
    await db().updateTable('event_head').set({ last_hash: head.last_hash }).where('id', '=', 1).execute();
    await expectIntact();
    expect((await verifyEventChain(db(), app.ctx.auditKey, [anchor])).broken).toBeNull();
  });

  it('fails the real command with exit code 1 and a Chinese message', async () => {
    const target = ids[1]!;
    const original = await row(target);
    await db()
      .updateTable('events')
      .set({ at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', target)
      .execute();
    const run = await gongkaiProcess(['audit', 'verify'], sys.env);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(new RegExp(`审计日志校验失败：事件 #${target}：事件内容与其哈希不符`));
    await putBack(original);
    const ok = await gongkaiProcess(['audit', 'verify'], sys.env);
    expect(ok.code).toBe(0);
  });
});
