import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../test/support/databases.ts';
import type { TestDatabase } from '../../test/support/databases.ts';
import { testContext } from '../../test/support/context.ts';
import type { TestClock } from '../../test/support/context.ts';
import { AppError } from '../domain/errors.ts';
import { subtreeIds } from '../persistence/repositories/agency.repository.ts';
import { verifyEventChain } from '../persistence/repositories/event.repository.ts';
import type { ServiceContext } from './context.ts';
import { authenticate, login, MAX_FAILED_LOGINS } from './auth.service.ts';
import { canSeeAgency, createAgency, createUser } from './staff.service.ts';

describe.each(DIALECTS)('staff, agencies and login on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let clock: TestClock;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ({ ctx, clock } = testContext(database));
  });
  afterAll(() => database.destroy());

  it('builds a hierarchy and finds subtrees', async () => {
    const province = await createAgency(ctx, 'system', {
      code: 'P1',
      name: '某省人民政府',
      kind: 'government',
    });
    const city = await createAgency(ctx, 'system', {
      code: 'C1',
      name: '某市人民政府',
      kind: 'government',
      parentId: province.id,
    });
    const bureau = await createAgency(ctx, 'system', {
      code: 'C1-WJ',
      name: '某市卫生健康委员会',
      kind: 'department',
      parentId: city.id,
    });
    const other = await createAgency(ctx, 'system', {
      code: 'C2',
      name: '另一市人民政府',
      kind: 'government',
      parentId: province.id,
    });
    expect((await subtreeIds(database.db, city.id)).sort()).toEqual([city.id, bureau.id].sort());
    expect((await subtreeIds(database.db, province.id)).length).toBe(4);
    const supervisor = {
      kind: 'staff' as const,
      userId: 1,
      agencyId: city.id,
      roles: ['supervisor' as const],
      name: '督查',
    };
    expect(await canSeeAgency(ctx, supervisor, bureau.id)).toBe(true);
    expect(await canSeeAgency(ctx, supervisor, other.id)).toBe(false);
    await expect(
      createAgency(ctx, 'system', { code: 'C1', name: '重复', kind: 'government' }),
    ).rejects.toMatchObject({ code: 'conflict', field: 'code' });
  });

  it('logs in, locks out with back-off after repeated failures, and audits every attempt', async () => {
    const agency = await createAgency(ctx, 'system', {
      code: 'LOGIN',
      name: '某区卫生健康局',
      kind: 'department',
    });
    await createUser(ctx, 'system', {
      agencyId: agency.id,
      username: 'clerk',
      displayName: '张三',
      roles: ['registrar'],
      password: 'correct-horse-1',
    });
    const ok = await login(ctx, 'clerk', 'correct-horse-1');
    expect((await authenticate(ctx, ok.token))?.principal).toMatchObject({
      kind: 'staff',
      roles: ['registrar'],
    });
    expect(await authenticate(ctx, 'forged-token')).toBeNull();
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      await expect(login(ctx, 'clerk', 'wrong')).rejects.toMatchObject({ code: 'unauthenticated' });
    const locked = await login(ctx, 'clerk', 'correct-horse-1').catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(AppError);
    expect((locked as AppError).code).toBe('locked');
    clock.advance(6 * 60_000);
    await expect(login(ctx, 'clerk', 'correct-horse-1')).resolves.toMatchObject({
      principal: { kind: 'staff' },
    });
    const chain = await verifyEventChain(database.db, ctx.auditKey);
    expect(chain.broken).toBeNull();
    expect(chain.checked).toBeGreaterThan(MAX_FAILED_LOGINS);
  });

  it('rejects weak passwords and unknown roles with the field named', async () => {
    const agency = await createAgency(ctx, 'system', { code: 'PW', name: '某局', kind: 'department' });
    await expect(
      createUser(ctx, 'system', {
        agencyId: agency.id,
        username: 'user1',
        displayName: 'A',
        roles: ['registrar'],
        password: 'short1',
      }),
    ).rejects.toMatchObject({ field: 'password' });
    await expect(
      createUser(ctx, 'system', {
        agencyId: agency.id,
        username: 'user2',
        displayName: 'A',
        roles: ['king'],
        password: 'longenough123',
      }),
    ).rejects.toMatchObject({ field: 'roles' });
  });
});
