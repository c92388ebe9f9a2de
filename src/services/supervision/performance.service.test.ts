import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, testContext } from '../../../test/support/context.ts';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { counterApplication } from '../../../test/support/fixtures.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { ReviewAction } from '../../domain/catalog/index.ts';
import { recordAppeal } from '../appeals/appeals.service.ts';
import { registerByStaff } from '../applications/intake.ts';
import { workingCalendar } from '../calendar.service.ts';
import { createItem } from '../catalog/item.service.ts';
import { actOnItem } from '../catalog/review.service.ts';
import type { ServiceContext } from '../context.ts';
import { GRANTED, REPEAT, reply } from '../report-workspace/workspace.fixture.ts';
import { exportPerformance } from './performance-export.service.ts';
import { performanceDashboard } from './performance.service.ts';
import { sessionCaller } from './scope.ts';
import { updateSupervisionSettings } from './settings.service.ts';
import type { Hierarchy, Staff } from './supervision.fixture.ts';
import { supervisionHierarchy } from './supervision.fixture.ts';

const CHAIN: [ReviewAction, Role][] = [
  ['submit', 'handler'],
  ['approve', 'reviewer'],
  ['pass_secrecy', 'reviewer'],
  ['sign', 'head'],
  ['publish', 'head'],
];

describe.each(DIALECTS)('performance dashboard on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let clock: TestClock;
  let h: Hierarchy;
  let health: number;
  /** one principal per role of the city's 卫生健康委员会 (distinct people, as the review steps need) */
  let roles: Record<Role, Staff>;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    clock = new TestClock(new Date('2025-03-03T02:00:00Z'));
    ({ ctx } = testContext(database, clock));
    h = await supervisionHierarchy(ctx, 'P');
    // a handful of applications: every agency ranked (the minimum volume is tested over HTTP)
    await updateSupervisionSettings(ctx, h.staff.citySupervisor, { rankMinimum: 0 });
    health = h.cityDepartments[0]!.id;
    const base = h.staff.cityDepartment[0];
    roles = Object.fromEntries(
      (['registrar', 'handler', 'reviewer', 'head', 'admin', 'supervisor'] as Role[]).map((r, i) => [
        r,
        { ...base, userId: base.userId + 1000 + i, roles: [r] },
      ]),
    ) as Record<Role, Staff>;
    const ids: number[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (await registerByStaff(ctx, roles.registrar, counterApplication('2025-03-03'))).application.id,
      );
    clock.set('2025-03-10T02:00:00Z');
    await reply(ctx, roles, ids[0]!, GRANTED);
    clock.set('2025-04-10T02:00:00Z');
    await reply(ctx, roles, ids[1]!, REPEAT);
    clock.set('2025-05-06T02:00:00Z');
    await registerByStaff(ctx, h.staff.districtADepartment[0], counterApplication('2025-05-06'));
    clock.set('2025-05-25T02:00:00Z');
    for (const [kind, decidedOn] of [
      ['reconsideration', '2025-05-20'],
      ['litigation_direct', '2025-05-21'],
    ] as const)
      await recordAppeal(ctx, roles.handler, {
        applicationId: ids[0]!,
        kind,
        body: kind === 'reconsideration' ? '某市人民政府' : '某市某区人民法院',
        caseNumber: `${kind}-1`,
        filedOn: '2025-04-01',
        decidedOn,
        result: 'corrected',
        note: null,
      });
    clock.set('2025-04-15T02:00:00Z');
    const late = await createItem(ctx, roles.handler, health, {
      title: '春节前形成的文件',
      publisher: '某市卫生健康委员会',
      categoryCode: 'gzdt',
      writtenOn: '2025-02-06',
    });
    for (const [action, role] of CHAIN) await actOnItem(ctx, roles[role], late.id, action);
    await createItem(ctx, roles.handler, health, {
      title: '尚未公开的文件',
      publisher: '某市卫生健康委员会',
      categoryCode: 'gzdt',
      writtenOn: '2025-04-20',
    });
    clock.set('2025-06-03T02:00:00Z');
  });
  afterAll(() => database.destroy());

  it('counts each agency’s work from its records, per month, and ranks the agencies', async () => {
    const view = await performanceDashboard(ctx, sessionCaller(h.staff.citySupervisor), { year: 2025 });
    expect(view.period).toMatchObject({ from: '2025-01', to: '2025-12' });
    expect(view.agencies).toHaveLength(54);
    const row = view.agencies.find((a) => a.agency.id === health)!;
    const calendar = await workingCalendar(ctx);
    const days = (a: string, b: string) => calendar.workingDaysBetween(a, b).days;
    expect(row.total).toMatchObject({
      received: 3,
      closed: 2,
      replied: 2,
      onTime: 1,
      late: 1,
      onTimeRate: 50,
      avgWorkingDays: (days('2025-03-03', '2025-03-10') + days('2025-03-03', '2025-04-10')) / 2,
      overdueNow: 1,
      reconsiderationDecided: 1,
      reconsiderationCorrected: 1,
      litigationDecided: 1,
      litigationLost: 1,
      itemsPublished: 1,
      itemsLate: 1,
      itemsOverdueNow: 1,
    });
    expect(row.total.outcomes).toMatchObject({ granted: 1, not_handled: 1 });
    expect(row.months[2]).toMatchObject({ received: 3, replied: 1, onTime: 1 });
    expect(row.months[3]).toMatchObject({ replied: 1, late: 1, itemsPublished: 1, itemsLate: 1 });
    expect(row.months[4]).toMatchObject({ reconsiderationCorrected: 1, litigationLost: 1 });
    expect(row).toMatchObject({ rank: 1, value: 50 });
    expect(view.total).toMatchObject({ received: 4, overdueNow: 1, itemsOverdueNow: 1 });
    expect(view.byMonth.map((m) => m.received)).toEqual([0, 0, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    // agencies with no replies are unranked, after the ranked ones
    expect(view.agencies[0]!.agency.id).toBe(health);
    expect(view.agencies.slice(1).every((a) => a.rank === null)).toBe(true);
    const byOverdue = await performanceDashboard(ctx, sessionCaller(h.staff.citySupervisor), {
      year: 2025,
      rank: 'overdueNow',
    });
    const ranked = byOverdue.agencies.filter((a) => a.rank !== null);
    expect(ranked).toHaveLength(7); // the agencies with staff on Gongkai
    expect(ranked.at(-1)).toMatchObject({ agency: { id: health }, rank: 7, value: 1 });
    expect(byOverdue.agencies.filter((a) => !a.agency.onPlatform).every((a) => a.rank === null)).toBe(true);
  });

  it('narrows to a period and a subtree, never beyond the caller’s', async () => {
    const spring = await performanceDashboard(ctx, sessionCaller(h.staff.citySupervisor), {
      from: '2025-04',
      until: '2025-05',
    });
    expect(spring.period.months).toEqual(['2025-04', '2025-05']);
    expect(spring.total).toMatchObject({ received: 1, replied: 1, late: 1, litigationLost: 1 });
    const districtA = await performanceDashboard(ctx, sessionCaller(h.staff.districtASupervisor), {
      year: 2025,
    });
    expect(districtA.agencies).toHaveLength(16);
    expect(districtA.total).toMatchObject({ received: 1, replied: 0, overdueNow: 0, itemsPublished: 0 });
    await expect(
      performanceDashboard(ctx, sessionCaller(h.staff.districtBSupervisor), { year: 2025, root: health }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      performanceDashboard(ctx, sessionCaller(h.staff.citySupervisor), { from: '2025-06', until: '2025-01' }),
    ).rejects.toMatchObject({ code: 'validation', field: 'from' });
  });

  it('exports the figures per agency and month as CSV and XLSX', async () => {
    const csv = await exportPerformance(ctx, sessionCaller(h.staff.citySupervisor), { year: 2025 }, 'csv');
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\uFEFF机构代码,机关名称,月份,排名（按时答复率（%））,收到申请')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 54 * 13 + 13);
    expect(lines.find((l) => l.startsWith('PM10,某市卫生健康委员会,合计,1,3,2,2,1,1,50,'))).toBeDefined();
    const xlsx = await exportPerformance(ctx, sessionCaller(h.staff.citySupervisor), { year: 2025 }, 'xlsx');
    expect(xlsx.fileName).toBe('某市人民政府政府信息公开工作统计（2025-01至2025-12）.xlsx');
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
  });
});
