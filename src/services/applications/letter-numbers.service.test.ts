import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyWithStaff, counterApplication } from '../../../test/support/fixtures.ts';
import type { Staff } from '../../../test/support/fixtures.ts';
import { TestClock, testContext } from '../../../test/support/context.ts';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { migrations } from '../../persistence/migrations/index.ts';
import { migrateToLatest } from '../../persistence/migrate.ts';
import { letterNumbersOf } from '../../persistence/repositories/letter-number.repository.ts';
import type { ServiceContext } from '../context.ts';
import { updateSettings } from '../staff.service.ts';
import { act } from './actions.ts';
import { registerByStaff } from './intake.ts';

/** Issue 12 point 5: one register of 文号 per agency, a series per kind, a sequence per year never reused. */
describe.each(DIALECTS)('文号 register on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let clock: TestClock;
  let staff: Record<string, Staff>;
  let agencyId: number;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    clock = new TestClock(new Date('2026-09-24T02:00:00Z'));
    ({ ctx } = testContext(database, clock));
    ({ staff } = await agencyWithStaff(ctx, 'N1'));
    agencyId = staff.handler!.agencyId;
    await updateSettings(ctx, staff.admin!, agencyId, { settings: { letterNumberPrefix: '某卫依申' } });
  });
  afterAll(() => database.destroy());

  const newCase = async () =>
    (await registerByStaff(ctx, staff.registrar!, counterApplication('2026-09-24'))).application.id;
  const correction = (id: number) =>
    act(ctx, staff.handler!, id, { type: 'request_correction', points: ['请写明文件名称'], periodDays: 10 });

  it('gives each kind its own series and each series its own sequence, so no number is given twice', async () => {
    const a = await newCase();
    const b = await newCase();
    await correction(a);
    await correction(b);
    const c = await newCase();
    await act(ctx, staff.registrar!, c, { type: 'accept' });
    await act(ctx, staff.head!, c, { type: 'extend', days: 20, reason: '需要调取档案' });
    const numbers = (await letterNumbersOf(database.db, agencyId)).map((r) => r.number);
    expect(numbers).toEqual(['某卫依申补〔2026〕1号', '某卫依申补〔2026〕2号', '某卫依申延〔2026〕1号']);
    const letters = await database.db
      .selectFrom('letters')
      .select('number')
      .where('agency_id', '=', agencyId)
      .execute();
    expect(letters.map((l) => l.number).sort()).toEqual([...numbers].sort());
  });

  it('issues numbers concurrently without a duplicate or a gap', async () => {
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await newCase());
    const before = (await letterNumbersOf(database.db, agencyId)).length;
    await Promise.all(ids.map((id) => correction(id)));
    const rows = (await letterNumbersOf(database.db, agencyId)).slice(before);
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.seq).sort((x, y) => x - y)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(new Set(rows.map((r) => r.letter_id)).size).toBe(12);
  });

  it('starts again at 1 in a new year and never reuses a number after a refused letter', async () => {
    clock.set('2027-01-05T02:00:00Z');
    const id = (await registerByStaff(ctx, staff.registrar!, counterApplication('2027-01-05'))).application
      .id;
    await correction(id);
    const last = (await letterNumbersOf(database.db, agencyId)).at(-1)!;
    expect(last.number).toBe('某卫依申补〔2027〕1号');
    expect(last.issued_by).toBe(`user:${staff.handler!.userId}`);
    clock.set('2026-09-24T02:00:00Z');
  });

  it('refuses two kinds sharing one series, naming the field, and keeps the settings as they were', async () => {
    await expect(
      updateSettings(ctx, staff.admin!, agencyId, {
        settings: { letterNumberSeries: { extension: '某卫依申补' } },
      }),
    ).rejects.toMatchObject({ code: 'validation', field: 'letterNumberSeries.extension' });
    const agency = await database.db
      .selectFrom('agencies')
      .select('settings')
      .where('id', '=', agencyId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(agency.settings).letterNumberSeries).toBeUndefined();
  });

  it('the database refuses a number given twice (the unique constraint, not only the code)', async () => {
    const [row] = await letterNumbersOf(database.db, agencyId);
    const { id: _id, ...copy } = row!;
    await expect(
      database.db
        .insertInto('letter_numbers')
        .values({ ...copy, seq: 999 })
        .execute(),
    ).rejects.toThrow(/unique|UNIQUE/);
  });
});

describe.each(DIALECTS)('upgrading to the 文号 register on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect, false);
  });
  afterAll(() => database.destroy());

  it('registers the letters already sent, once per number, and continues each series after its highest number', async () => {
    const migrator = new Migrator({
      db: database.db,
      provider: { getMigrations: async () => migrations(database.dialect) },
      ...(database.postgres?.schema ? { migrationTableSchema: database.postgres.schema } : {}),
    });
    const { error } = await migrator.migrateTo('0013-standard-catalog'); // the last migration before the register (0014)
    if (error) throw error;
    const { ctx } = testContext(database, new TestClock(new Date('2026-09-24T02:00:00Z')));
    const { staff } = await agencyWithStaff(ctx, 'U1');
    const id = (await registerByStaff(ctx, staff.registrar!, counterApplication('2026-09-24'))).application
      .id;
    const agencyId = staff.handler!.agencyId;
    // before the register: a reply and a 补正 letter shared 某卫依申〔2026〕2号
    for (const [kind, seq] of [
      ['correction', 1],
      ['correction', 2],
      ['reply', 1],
      ['reply', 2],
    ] as const)
      await sql`insert into letters (application_id, agency_id, kind, number, year, seq, data, created_at, created_by)
        values (${id}, ${agencyId}, ${kind}, ${`某卫依申〔2026〕${seq}号`}, 2026, ${seq}, '{}', '2026-09-24T02:00:00Z', 'user:1')`.execute(
        database.db,
      );
    await migrateToLatest(database);
    const rows = await letterNumbersOf(database.db, agencyId);
    expect(rows.map((r) => r.number)).toEqual(['某卫依申〔2026〕1号', '某卫依申〔2026〕2号']);
    const counter = await database.db
      .selectFrom('letter_number_counters')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .executeTakeFirstOrThrow();
    expect(counter).toMatchObject({ series: '某卫依申', year: 2026, last_seq: 2 });
  });
});
