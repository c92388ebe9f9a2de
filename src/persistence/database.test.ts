import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/support/databases.ts';
import { createTestDatabase, TEST_DATABASE_URL } from '../../test/support/databases.ts';
import { migrateToLatest } from './migrate.ts';

describe('PostgreSQL: the database sees only its own schema', () => {
  let ours: TestDatabase;
  let theirs: TestDatabase;
  beforeAll(async () => {
    [ours, theirs] = await Promise.all([createTestDatabase('postgres'), createTestDatabase('postgres')]);
  });
  afterAll(async () => {
    await Promise.all([ours?.destroy(), theirs?.destroy()]);
  });

  it("lists the tables of its schema and none of another's", async () => {
    const tables = await ours.db.introspection.getTables({ withInternalKyselyTables: true });
    expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([ours.location]));
    const names = tables.map((t) => t.name);
    expect(names).toContain('applications');
    expect(names).toContain('kysely_migration');
    expect(tables.some((t) => t.schema === theirs.location)).toBe(false);
  });

  it('migrates a fresh schema while other schemas are created and dropped (tests in parallel do that)', async () => {
    let churning = true;
    const churn = (async () => {
      let rounds = 0;
      while (churning || rounds < 2) {
        const other = await createTestDatabase('postgres');
        await other.destroy();
        rounds++;
      }
      return rounds;
    })();
    try {
      for (let i = 0; i < 3; i++) {
        const fresh = await createTestDatabase('postgres', false);
        try {
          const applied = await migrateToLatest(fresh);
          expect(applied.length).toBeGreaterThan(0);
          // and again: nothing left to do
          expect(await migrateToLatest(fresh)).toEqual([]);
        } finally {
          await fresh.destroy();
        }
      }
    } finally {
      churning = false;
    }
    expect(await churn).toBeGreaterThanOrEqual(2);
  });
});

describe('PostgreSQL: a connection the server ends', () => {
  it('does not end the process: the pool opens another and the next query answers', async () => {
    const database = await createTestDatabase('postgres');
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      // an idle client in the pool, known by its backend pid
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      try {
        await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
      } finally {
        await admin.end();
      }
      // unheard, the idle client's 'error' event would have thrown out of the event loop by now
      await expect.poll(() => warnings.some((w) => w.includes('空闲连接已断开'))).toBe(true);
      const again = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(again.rows[0]!.one).toBe(1);
    } finally {
      process.off('warning', onWarning);
      await database.destroy();
    }
  });
});
