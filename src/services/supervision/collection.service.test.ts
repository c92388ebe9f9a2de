import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, testContext } from '../../../test/support/context.ts';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { consistentReport, withNarrative } from '../../../test/support/report-arbitrary.ts';
import { encodeReport } from '../../domain/report/index.ts';
import { eventsOf, verifyEventChain } from '../../persistence/repositories/event.repository.ts';
import type { ServiceContext } from '../context.ts';
import { changeStatus } from '../report-workspace/transitions.service.ts';
import { finishReport } from '../report-workspace/workspace.fixture.ts';
import { startReport } from '../report-workspace/workspace.service.ts';
import { collectReport } from './collect.service.ts';
import { reportCollection } from './collection.service.ts';
import { sessionCaller } from './scope.ts';
import { updateSupervisionSettings } from './settings.service.ts';
import type { Hierarchy } from './supervision.fixture.ts';
import { supervisionHierarchy } from './supervision.fixture.ts';

const json = (year: number, seed = 3) => {
  let i = seed;
  const report = consistentReport('2021', () => (i = (i * 37 + 11) % 97), year);
  return JSON.stringify(encodeReport(withNarrative(report)));
};

describe.each(DIALECTS)('report collection on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let clock: TestClock;
  let h: Hierarchy;
  const collection = (who: Hierarchy['staff'][keyof Hierarchy['staff']], root?: number) =>
    reportCollection(ctx, sessionCaller(Array.isArray(who) ? who[0] : who), {
      year: 2025,
      ...(root !== undefined ? { root } : {}),
    });
  const row = async (agencyId: number, who = h.staff.citySupervisor) =>
    (await reportCollection(ctx, sessionCaller(who), { year: 2025 })).rows.find(
      (r) => r.agency.id === agencyId,
    )!;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    clock = new TestClock(new Date('2026-01-05T02:00:00Z'));
    ({ ctx } = testContext(database, clock));
    h = await supervisionHierarchy(ctx);
  });
  afterAll(() => database.destroy());

  it('lists every agency of the subtree once, root first, each followed by those below it', async () => {
    const view = await collection(h.staff.citySupervisor);
    expect(view.rows).toHaveLength(54);
    expect(h.all).toHaveLength(54);
    expect(new Set(view.rows.map((r) => r.agency.id))).toEqual(new Set(h.all.map((a) => a.id)));
    expect(view.rows[0]!.agency).toMatchObject({ id: h.city.id, depth: 0, kindLabel: '人民政府' });
    const depths = view.rows.map((r) => r.agency.depth);
    expect(Math.max(...depths)).toBe(3);
    // pre-order: every agency comes after its parent
    const seen = new Set<number>();
    for (const r of view.rows) {
      if (r.agency.parentId !== null) expect(seen.has(r.agency.parentId)).toBe(true);
      seen.add(r.agency.id);
    }
    expect(view.summary.byStatus.not_started).toBe(54);
    expect(view.rows.find((r) => r.agency.id === h.cityDepartments[0]!.id)!.agency.onPlatform).toBe(true);
    expect(view.rows.find((r) => r.agency.id === h.cityDepartments[2]!.id)).toMatchObject({
      agency: { onPlatform: false },
      collectable: true,
    });
  });

  it('never shows a supervisor agencies outside their subtree', async () => {
    const a = await collection(h.staff.districtASupervisor);
    const inA = new Set([
      h.districts[0]!.government.id,
      ...h.districts[0]!.departments.map((d) => d.id),
      ...h.units.map((u) => u.id),
    ]);
    expect(new Set(a.rows.map((r) => r.agency.id))).toEqual(inA);
    await expect(
      collection(h.staff.districtASupervisor, h.districts[1]!.government.id),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(collection(h.staff.districtASupervisor, h.city.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    const narrowed = await collection(h.staff.citySupervisor, h.districts[1]!.government.id);
    expect(narrowed.rows).toHaveLength(14);
    await expect(collection(h.staff.cityDepartment)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      collectReport(ctx, h.staff.districtASupervisor, h.districts[1]!.departments[3]!.id, 2025, {
        json: json(2025),
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('judges departments by 31 January and governments by 31 March, in China time', async () => {
    const [healthStaff, educationStaff] = h.staff.cityDepartment;
    const health = h.cityDepartments[0]!.id;
    const education = h.cityDepartments[1]!.id;
    await startReport(ctx, healthStaff, health, 2025);
    await startReport(ctx, educationStaff, education, 2025);
    await finishReport(ctx, healthStaff, health, 2025);
    await finishReport(ctx, educationStaff, education, 2025);
    // 23:59:59 on 31 January in China
    clock.set('2026-01-31T15:59:59Z');
    await changeStatus(ctx, healthStaff, health, 2025, 'submit');
    expect(await row(health)).toMatchObject({
      status: 'submitted',
      deadline: { dueOn: '2026-01-31', source: { kind: 'statutory' } },
      timeliness: { state: 'on_time', label: '按时报送', arrivedOn: '2026-01-31', daysLate: 0 },
    });
    expect((await row(education)).timeliness).toMatchObject({ state: 'due_today', daysLeft: 0 });
    expect((await row(h.districts[0]!.government.id)).timeliness).toMatchObject({
      state: 'open',
      daysLeft: 59,
    });
    // midnight: 1 February in China
    clock.set('2026-01-31T16:00:00Z');
    expect((await row(education)).timeliness).toMatchObject({
      state: 'overdue',
      label: '逾期未报送',
      daysLeft: -1,
    });
    await changeStatus(ctx, educationStaff, education, 2025, 'submit');
    expect((await row(education)).timeliness).toMatchObject({ state: 'late', daysLate: 1 });
    // the health report is returned: no longer arrived, and now overdue until resubmitted
    await changeStatus(ctx, h.staff.citySupervisor, health, 2025, 'return', { comment: '请核对表三' });
    expect(await row(health)).toMatchObject({
      status: 'returned',
      report: { comment: '请核对表三' },
      timeliness: { state: 'overdue' },
    });
    const governments = [h.city.id, ...h.districts.map((d) => d.government.id)];
    clock.set('2026-03-31T15:00:00Z');
    for (const id of governments) expect((await row(id)).timeliness.state).toBe('due_today');
    clock.set('2026-03-31T16:00:00Z');
    for (const id of governments) expect((await row(id)).timeliness.state).toBe('overdue');
    expect((await collection(h.staff.citySupervisor)).summary.byTimeliness).toMatchObject({
      on_time: 0,
      late: 1,
      overdue: 53,
    });
  });

  it('applies an earlier internal date set by a supervising agency to the agencies below it', async () => {
    clock.set('2026-01-05T02:00:00Z');
    await updateSupervisionSettings(ctx, h.staff.citySupervisor, {
      departmentDue: '01-20',
      governmentDue: '03-15',
    });
    await updateSupervisionSettings(ctx, h.staff.districtASupervisor, { departmentDue: '01-15' });
    const deep = await row(h.units[0]!.id);
    expect(deep.deadline).toMatchObject({
      dueOn: '2026-01-15',
      local: true,
      source: { kind: 'supervisor', agencyId: h.districts[0]!.government.id, agencyName: '某市A区人民政府' },
    });
    expect((await row(h.districts[1]!.departments[0]!.id)).deadline).toMatchObject({
      dueOn: '2026-01-20',
      source: { kind: 'supervisor', agencyId: h.city.id },
    });
    expect((await row(h.districts[2]!.government.id)).deadline.dueOn).toBe('2026-03-15');
    // the city itself has nobody above it who set a date
    expect((await row(h.city.id)).deadline).toMatchObject({
      dueOn: '2026-03-31',
      source: { kind: 'statutory' },
    });
    await updateSupervisionSettings(ctx, h.staff.citySupervisor, {});
    await updateSupervisionSettings(ctx, h.staff.districtASupervisor, {});
  });

  it('collects the report of an agency not on Gongkai by hand, with the day received, as an event', async () => {
    clock.set('2026-02-05T02:00:00Z');
    const office = h.cityOffice.id;
    const result = await collectReport(ctx, h.staff.citySupervisor, office, 2025, {
      json: json(2025),
      receivedOn: '2026-02-03',
    });
    expect(result.record).toMatchObject({ status: 'submitted', receivedOn: '2026-02-03', format: '2021' });
    expect(await row(office)).toMatchObject({
      status: 'submitted',
      timeliness: { state: 'late', arrivedOn: '2026-02-03', daysLate: 3 },
      findings: { errors: 0 },
      actions: [
        { action: 'return', allowed: true },
        { action: 'clear', allowed: true },
      ],
    });
    // a cell corrected by hand: the report collected stays, one cell changes
    const edited = await collectReport(ctx, h.staff.citySupervisor, office, 2025, {
      edits: { 'active.licensing.decisions': '77' },
      receivedOn: '2026-02-03',
    });
    expect(edited.changed).toEqual(['active.licensing.decisions']);
    expect((edited.report.active as Record<string, Record<string, number>>).licensing!.decisions).toBe(77);
    await expect(
      collectReport(ctx, h.staff.citySupervisor, office, 2025, { edits: { 'active.nope.x': '1' } }),
    ).rejects.toMatchObject({ code: 'validation', field: 'edits.active.nope.x' });
    await expect(
      collectReport(ctx, h.staff.citySupervisor, office, 2025, { json: json(2024) }),
    ).rejects.toMatchObject({ code: 'validation', field: 'year' });
    await expect(
      collectReport(ctx, h.staff.citySupervisor, office, 2025, {
        json: json(2025),
        receivedOn: '2026-03-01',
      }),
    ).rejects.toMatchObject({ code: 'validation', field: 'receivedOn' });
    // an agency on Gongkai submits its own report
    await expect(
      collectReport(ctx, h.staff.citySupervisor, h.cityDepartments[1]!.id, 2025, { json: json(2025) }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    // cleared through the workspace's transition; then it is not replaced
    await changeStatus(ctx, h.staff.citySupervisor, office, 2025, 'clear', { comment: '通过' });
    await expect(
      collectReport(ctx, h.staff.citySupervisor, office, 2025, { json: json(2025) }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    const events = await eventsOf(database.db, 'annual_report', result.record.id);
    expect(events.map((e) => e.action)).toEqual(['collect', 'collect', 'clear']);
    expect(events[0]).toMatchObject({
      actor: `user:${h.staff.citySupervisor.userId}`,
      data: { source: 'json', receivedOn: '2026-02-03', from: 'not_started', to: 'submitted' },
    });
    expect((await verifyEventChain(database.db, ctx.auditKey)).broken).toBeNull();
  });
});
