import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialectName } from '../../src/persistence/database.ts';
import { verifyEventChain } from '../../src/persistence/repositories/event.repository.ts';
import { DIALECTS } from '../support/databases.ts';
import type { FuzzTarget } from './support/fuzz-target.ts';
import { fuzzAll, fuzzTarget } from './support/fuzz-target.ts';

/** The whole fuzz corpus — every hostile string in every field — on both databases (the short run samples). */
describe.each(DIALECTS)('fuzzing every route thoroughly on %s (soak)', (dialect: DialectName) => {
  let target: FuzzTarget;
  beforeAll(async () => {
    target = await fuzzTarget(dialect);
  });
  afterAll(() => target.close());

  it('answers every hostile request with a 4xx in Chinese, never a 5xx, and writes nothing when refusing', async () => {
    const stats = await fuzzAll(target, { thorough: true });
    console.log(
      `${dialect}: ${stats.routes} routes, ${stats.cases} cases, 5xx ${stats.serverErrors}, statuses ${JSON.stringify(stats.byStatus)}`,
    );
    expect(stats.problems.slice(0, 60)).toEqual([]);
    expect(stats.serverErrors).toBe(0);
    expect((await verifyEventChain(target.database.db, target.app.ctx.auditKey)).broken).toBeNull();
    if (target.database.sqlite)
      expect(target.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
