import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyWithStaff, counterApplication } from '../../../test/support/fixtures.ts';
import type { Staff } from '../../../test/support/fixtures.ts';
import { TestClock, testContext } from '../../../test/support/context.ts';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import type { AppealInput } from '../../domain/appeals/index.ts';
import { verifyEventChain } from '../../persistence/repositories/event.repository.ts';
import { registerByStaff } from '../applications/intake.ts';
import type { ServiceContext } from '../context.ts';
import { deleteAppeal, getAppeal, listAppeals, recordAppeal, updateAppeal } from './appeals.service.ts';
import { table4Cell, table4ForAgency } from './table4.ts';

const appeal = (over: Partial<AppealInput> = {}): AppealInput => ({
  applicationId: null,
  kind: 'reconsideration',
  body: '某市某区人民政府',
  caseNumber: '某区府复〔2025〕1号',
  filedOn: '2025-03-01',
  decidedOn: null,
  result: null,
  note: null,
  ...over,
});

describe.each(DIALECTS)('行政复议 / 行政诉讼 records on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let clock: TestClock;
  let staff: Record<string, Staff>;
  let other: Record<string, Staff>;
  let supervisor: Staff;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    clock = new TestClock(new Date('2025-10-10T02:00:00Z'));
    ({ ctx } = testContext(database, clock));
    const parent = await agencyWithStaff(ctx, 'P2');
    supervisor = parent.staff.supervisor!;
    ({ staff } = await agencyWithStaff(ctx, 'C2', '某区卫生健康局', parent.agency.id));
    ({ staff: other } = await agencyWithStaff(ctx, 'O2'));
  });
  afterAll(() => database.destroy());

  it('records, decides, corrects and deletes a case — every change an event, none partial', async () => {
    const { application } = await registerByStaff(ctx, staff.registrar!, counterApplication('2025-02-10'));
    const created = await recordAppeal(
      ctx,
      staff.handler!,
      appeal({ applicationId: application.id, note: '  不服不予公开决定 ' }),
    );
    expect(created).toMatchObject({
      status: 'pending',
      statusLabel: '尚未审结',
      bodyLabel: '行政复议机关',
      note: '不服不予公开决定',
    });
    expect(created.applicationTrackingCode).toBe(application.trackingCode);

    const decided = await updateAppeal(
      ctx,
      staff.head!,
      created.id,
      appeal({ applicationId: application.id, decidedOn: '2025-05-20', result: 'corrected' }),
      created.version,
    );
    expect(decided).toMatchObject({ status: 'corrected', statusLabel: '结果纠正', version: 2 });
    await expect(updateAppeal(ctx, staff.head!, created.id, appeal(), 1)).rejects.toMatchObject({
      code: 'conflict',
      field: 'version',
    });

    // a duplicate case number is refused, and nothing is written
    await expect(recordAppeal(ctx, staff.handler!, appeal())).rejects.toMatchObject({
      code: 'conflict',
      field: 'caseNumber',
    });
    await expect(
      recordAppeal(
        ctx,
        staff.handler!,
        appeal({ caseNumber: 'X-1', decidedOn: '2025-02-01', result: 'upheld' }),
      ),
    ).rejects.toMatchObject({
      code: 'validation',
      field: 'decidedOn',
    });
    await expect(
      recordAppeal(ctx, other.handler!, appeal({ caseNumber: 'X-2', applicationId: application.id })),
    ).rejects.toMatchObject({
      code: 'validation',
      field: 'applicationId',
    });
    await expect(recordAppeal(ctx, staff.registrar!, appeal({ caseNumber: 'X-3' }))).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(
      (await listAppeals(ctx, staff.handler!, staff.handler!.agencyId)).map((c) => c.caseNumber),
    ).toEqual(['某区府复〔2025〕1号']);

    const { events } = await getAppeal(ctx, staff.registrar!, created.id);
    expect(events.map((e) => e.action)).toEqual(['record', 'decide']);
    expect(events[1]!.data).toMatchObject({ before: { result: null }, after: { result: 'corrected' } });

    const mistaken = await recordAppeal(
      ctx,
      staff.handler!,
      appeal({ caseNumber: '误登记', kind: 'litigation_direct', body: '某区人民法院' }),
    );
    await expect(deleteAppeal(ctx, staff.handler!, mistaken.id, ' ')).rejects.toMatchObject({
      field: 'reason',
    });
    await deleteAppeal(ctx, staff.handler!, mistaken.id, '重复登记');
    await expect(getAppeal(ctx, staff.handler!, mistaken.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await verifyEventChain(database.db, ctx.auditKey)).broken).toBeNull();
  });

  it('keeps each agency to its own cases; a supervisor above reads but cannot record', async () => {
    const mine = (await listAppeals(ctx, staff.handler!, staff.handler!.agencyId))[0]!;
    await expect(getAppeal(ctx, other.head!, mine.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(listAppeals(ctx, other.head!, staff.head!.agencyId)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(updateAppeal(ctx, other.head!, mine.id, appeal({ caseNumber: 'Z' }))).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await getAppeal(ctx, supervisor, mine.id)).appeal.id).toBe(mine.id);
    expect(await listAppeals(ctx, supervisor, staff.head!.agencyId)).toHaveLength(1);
    await expect(updateAppeal(ctx, supervisor, mine.id, appeal())).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('produces table 四 per year with pending cases carried until decided, each cell drilling down to its cases', async () => {
    clock.set('2026-02-10T02:00:00Z');
    const pending = await recordAppeal(
      ctx,
      staff.handler!,
      appeal({
        caseNumber: '（2025）某0102行初7号',
        kind: 'litigation_direct',
        body: '某区人民法院',
        filedOn: '2025-11-03',
      }),
    );
    await recordAppeal(
      ctx,
      staff.handler!,
      appeal({ caseNumber: '某府复〔2026〕2号', filedOn: '2026-01-05' }),
    );
    const t2025 = await table4ForAgency(ctx, staff.head!, staff.head!.agencyId, 2025);
    expect(t2025.appeals.reconsideration).toEqual({
      upheld: 0,
      corrected: 1,
      other: 0,
      pending: 0,
      total: 1,
    });
    expect(t2025.appeals.litigation_direct).toEqual({
      upheld: 0,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 1,
    });
    const t2026 = await table4ForAgency(ctx, staff.head!, staff.head!.agencyId, 2026);
    expect(t2026.appeals.litigation_direct.pending).toBe(1);
    expect(t2026.appeals.reconsideration).toEqual({
      upheld: 0,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 1,
    });

    await updateAppeal(
      ctx,
      staff.head!,
      pending.id,
      appeal({
        caseNumber: pending.caseNumber,
        kind: 'litigation_direct',
        body: '某区人民法院',
        filedOn: '2025-11-03',
        decidedOn: '2026-02-02',
        result: 'upheld',
      }),
    );
    const after = await table4ForAgency(ctx, staff.head!, staff.head!.agencyId, 2026);
    expect(after.appeals.litigation_direct).toEqual({
      upheld: 1,
      corrected: 0,
      other: 0,
      pending: 0,
      total: 1,
    });
    // 2025 still counts it as pending: it was decided after the year
    expect(
      (await table4ForAgency(ctx, staff.head!, staff.head!.agencyId, 2025)).appeals.litigation_direct.pending,
    ).toBe(1);
    const cell = await table4Cell(
      ctx,
      staff.head!,
      staff.head!.agencyId,
      2026,
      'litigation_direct',
      'upheld',
    );
    expect(cell.map((c) => c.caseNumber)).toEqual(['（2025）某0102行初7号']);
    await expect(
      table4Cell(ctx, staff.head!, staff.head!.agencyId, 2026, 'appeals', 'total'),
    ).rejects.toMatchObject({ field: 'row' });
  });
});
