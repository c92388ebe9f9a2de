import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { createTestDatabase } from '../../../test/support/databases.ts';
import { GENESIS_HASH, legacyChainHash } from './event-chain.ts';
import { rekeyLegacyChain, verifyEventChain } from './event.repository.ts';

/** The upgrade to a keyed chain (0010): an intact unkeyed chain is re-keyed once; a broken one is left broken. */
describe.each(DIALECTS)('re-keying the audit chain of a database from before 0010 on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(() => database.destroy());

  async function legacyChain(n: number) {
    let prev = GENESIS_HASH;
    for (let i = 0; i < n; i++) {
      const fields = {
        agency_id: null,
        entity_type: 'application',
        entity_id: String(i + 1),
        action: 'register',
        actor: 'system',
        actor_role: null,
        at: `2025-01-0${i + 1}T00:00:00.000Z`,
        data: JSON.stringify({ n: i }),
      };
      const { id } = await database.db
        .insertInto('events')
        .values({ ...fields, prev_hash: prev, hash: '' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const hash = legacyChainHash(prev, { id, ...fields });
      await database.db.updateTable('events').set({ hash }).where('id', '=', id).execute();
      await database.db
        .updateTable('event_head')
        .set({ last_id: id, last_hash: hash })
        .where('id', '=', 1)
        .execute();
      prev = hash;
    }
  }

  it('re-keys an intact unkeyed chain, after which only the keyed chain verifies', async () => {
    database = await createTestDatabase(dialect);
    await legacyChain(3);
    const key = randomBytes(32);
    expect((await verifyEventChain(database.db, key)).broken).not.toBeNull();
    expect(await rekeyLegacyChain(database.db, database.dialect, key)).toBe(3);
    expect(await verifyEventChain(database.db, key)).toEqual({ checked: 3, broken: null });
    expect((await verifyEventChain(database.db, randomBytes(32))).broken).not.toBeNull();
    // a second run changes nothing
    expect(await rekeyLegacyChain(database.db, database.dialect, key)).toBe(0);
  });

  it('leaves a chain already broken as it is, for the verification to report', async () => {
    database = await createTestDatabase(dialect);
    await legacyChain(3);
    await database.db.updateTable('events').set({ data: '{"n":9}' }).where('entity_id', '=', '2').execute();
    const key = randomBytes(32);
    expect(await rekeyLegacyChain(database.db, database.dialect, key)).toBe(0);
    expect((await verifyEventChain(database.db, key)).broken).not.toBeNull();
  });
});
