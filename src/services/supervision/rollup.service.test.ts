import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, testContext } from '../../../test/support/context.ts';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { counterApplication } from '../../../test/support/fixtures.ts';
import { consistentReport, withNarrative } from '../../../test/support/report-arbitrary.ts';
import type { ReportStatus } from '../../domain/report-workspace/index.ts';
import type { ReportFormat } from '../../domain/report/index.ts';
import { cellPath, decodeReport, encodeReport, getCell } from '../../domain/report/index.ts';
import { layoutCells, sumReports } from '../../domain/supervision/index.ts';
import { subtreeIds } from '../../persistence/repositories/agency.repository.ts';
import { findReport } from '../../persistence/repositories/report.repository.ts';
import { registerByStaff } from '../applications/intake.ts';
import type { ServiceContext } from '../context.ts';
import { finishReport } from '../report-workspace/workspace.fixture.ts';
import { reportWorkspace, startReport } from '../report-workspace/workspace.service.ts';
import { changeStatus } from '../report-workspace/transitions.service.ts';
import { collectReport } from './collect.service.ts';
import { prefillFromRollup } from './prefill.service.ts';
import { computeRollup, rollupCell } from './rollup.service.ts';
import { exportRollup } from './rollup-export.service.ts';
import { sessionCaller, supervisionScope } from './scope.ts';
import type { Hierarchy } from './supervision.fixture.ts';
import { supervisionHierarchy } from './supervision.fixture.ts';

const YEAR = 2025;

describe.each(DIALECTS)('rollup on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let clock: TestClock;
  let h: Hierarchy;
  let offPlatform: number[];

  /** Every stored report of the year with its content, and the reports marked as rollups. */
  async function stored() {
    const rows = await database.db
      .selectFrom('annual_reports')
      .select(['id', 'agency_id'])
      .where('year', '=', YEAR)
      .execute();
    const marked = new Set(
      (await database.db.selectFrom('supervision_rollups').select('report_id').execute()).map(
        (r) => r.report_id,
      ),
    );
    const records = await Promise.all(rows.map((r) => findReport(database.db, r.agency_id, YEAR)));
    return { records: records.filter((r) => r !== null), marked };
  }

  /** What the rollup of `root` must be, computed from the stored reports one by one. */
  function expected(
    all: Awaited<ReturnType<typeof stored>>,
    below: Set<number>,
    format: ReportFormat,
    statuses: readonly ReportStatus[],
  ) {
    const counted = all.records.filter(
      (r) =>
        below.has(r.agencyId) &&
        r.frozen !== null &&
        statuses.includes(r.status) &&
        r.format === format &&
        !all.marked.has(r.id),
    );
    return {
      included: counted.map((r) => r.agencyId),
      report: sumReports(
        format,
        YEAR,
        null,
        counted.map((r) => r.frozen!.report),
      ),
    };
  }

  async function check(
    all: Awaited<ReturnType<typeof stored>>,
    root: number,
    format: ReportFormat,
    statuses: readonly ReportStatus[],
  ) {
    const below = new Set(await subtreeIds(database.db, root));
    const scope = await supervisionScope(ctx, sessionCaller(h.staff.citySupervisor), root);
    const rollup = await computeRollup(ctx, scope, { year: YEAR, format, statuses });
    const want = expected(all, below, format, statuses);
    expect(rollup.included.map((i) => i.agencyId).sort((a, b) => a - b)).toEqual(
      want.included.sort((a, b) => a - b),
    );
    expect(rollup.included.length + rollup.excluded.length).toBe(below.size);
    // every cell equals the sum of the parts
    for (const ref of layoutCells(format))
      expect(
        getCell(rollup.report, ref.table, ref.row, ref.column),
        `${root} ${format} ${cellPath(ref)}`,
      ).toBe(getCell(want.report, ref.table, ref.row, ref.column));
    return rollup;
  }

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    clock = new TestClock(new Date('2026-01-10T02:00:00Z'));
    ({ ctx } = testContext(database, clock));
    h = await supervisionHierarchy(ctx, 'R');
    const onPlatform = new Set([
      h.city.id,
      h.cityDepartments[0]!.id,
      h.cityDepartments[1]!.id,
      h.districts[0]!.government.id,
      h.districts[1]!.government.id,
      h.districts[0]!.departments[0]!.id,
      h.districts[0]!.departments[1]!.id,
    ]);
    offPlatform = h.all.map((a) => a.id).filter((id) => !onPlatform.has(id));
    // an agency on Gongkai submits its report computed from its records: the freeze writes its cells
    const [health] = h.staff.cityDepartment;
    clock.set('2025-03-03T02:00:00Z');
    for (const day of ['2025-03-03', '2025-03-03', '2025-02-10'])
      await registerByStaff(ctx, health, counterApplication(day));
    clock.set('2026-01-10T02:00:00Z');
    await startReport(ctx, health, h.cityDepartments[0]!.id, YEAR);
    await finishReport(ctx, health, h.cityDepartments[0]!.id, YEAR);
    await changeStatus(ctx, health, h.cityDepartments[0]!.id, YEAR, 'submit');
  });
  afterAll(() => database.destroy());

  it('equals the sum of the parts for every cell, for any subtree, layout and statuses (property)', async () => {
    const plan = fc.array(
      fc.record({
        format: fc.constantFrom<ReportFormat | 'none'>('2019', '2021', '2021', 'none'),
        seed: fc.nat({ max: 10_000 }),
        end: fc.constantFrom<ReportStatus>('submitted', 'cleared', 'returned'),
      }),
      { minLength: 47, maxLength: 47 },
    );
    const supervisor = h.staff.citySupervisor;
    await fc.assert(
      fc.asyncProperty(plan, async (steps) => {
        for (const [i, agencyId] of offPlatform.entries()) {
          const step = steps[i]!;
          const current = await findReport(database.db, agencyId, YEAR);
          if (current?.status === 'cleared' || (current?.status === 'submitted' && step.format === 'none'))
            await changeStatus(ctx, supervisor, agencyId, YEAR, 'return', { comment: '请更正' });
          if (step.format === 'none') continue;
          let n = step.seed;
          const report = consistentReport(step.format, () => (n = (n * 1103 + 12345) % 9973) % 300, YEAR);
          await collectReport(ctx, supervisor, agencyId, YEAR, {
            json: JSON.stringify(encodeReport(withNarrative(report))),
          });
          if (step.end !== 'submitted')
            await changeStatus(ctx, supervisor, agencyId, YEAR, step.end === 'cleared' ? 'clear' : 'return', {
              comment: step.end === 'cleared' ? '通过' : '请更正',
            });
        }
        const all = await stored();
        for (const root of [
          h.city.id,
          h.districts[0]!.government.id,
          h.districts[2]!.government.id,
          h.districts[0]!.departments[0]!.id,
        ])
          for (const format of ['2019', '2021'] as const) {
            await check(all, root, format, ['submitted', 'cleared', 'published']);
            await check(all, root, format, ['cleared']);
          }
      }),
      { numRuns: 5 },
    );
  }, 180_000);

  it('breaks every cell down by agency, and says why each agency was left out', async () => {
    const scope = await supervisionScope(ctx, sessionCaller(h.staff.citySupervisor));
    const rollup = await computeRollup(ctx, scope, { year: YEAR, format: '2021' });
    expect(rollup.included.some((i) => i.agencyId === h.cityDepartments[0]!.id)).toBe(true);
    const reasons = new Set(rollup.excluded.map((e) => e.reason));
    expect(reasons.has('no_report')).toBe(true);
    for (const e of rollup.excluded) expect(e.message.length).toBeGreaterThan(5);
    for (const path of [
      'requests.new_received.total',
      'requests.granted.natural',
      'appeals.reconsideration.total',
    ]) {
      const cell = await rollupCell(ctx, sessionCaller(h.staff.citySupervisor), {
        year: YEAR,
        format: '2021',
        path,
      });
      const [table, row, column] = path.split('.') as ['requests', string, string];
      expect(cell.sum).toBe(getCell(rollup.report, table, row, column));
      expect(cell.agencies.map((a) => a.agencyId).sort()).toEqual(
        rollup.included.map((i) => i.agencyId).sort(),
      );
      expect(cell.agencies.reduce((s, a) => s + (a.value ?? 0), 0)).toBe(cell.sum ?? 0);
    }
    await expect(
      rollupCell(ctx, sessionCaller(h.staff.citySupervisor), {
        year: YEAR,
        format: '2021',
        path: 'requests.other_handling.total',
      }),
    ).rejects.toMatchObject({ code: 'validation', field: 'path' });
    const xlsx = await exportRollup(ctx, sessionCaller(h.staff.citySupervisor), { year: YEAR }, 'xlsx');
    expect(xlsx.fileName).toBe('某市人民政府2025年政府信息公开工作年度报告汇总表.xlsx');
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    const docx = await exportRollup(ctx, sessionCaller(h.staff.citySupervisor), { year: YEAR }, 'docx');
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
  });

  it('pre-fills the 本级人民政府’s own report with the rollup, and leaves it out of later rollups', async () => {
    const scope = await supervisionScope(ctx, sessionCaller(h.staff.citySupervisor));
    const before = await computeRollup(ctx, scope, { year: YEAR });
    const result = await prefillFromRollup(ctx, h.staff.citySupervisor, { year: YEAR });
    expect(result).toMatchObject({ included: before.included.length, format: '2021' });
    const view = await reportWorkspace(ctx, h.staff.citySupervisor, h.city.id, YEAR);
    expect(view).toMatchObject({ status: 'draft', live: false });
    const { report } = decodeReport(view.report);
    for (const ref of layoutCells('2021'))
      expect(getCell(report!, ref.table, ref.row, ref.column)).toBe(
        getCell(before.report, ref.table, ref.row, ref.column),
      );
    expect(view.narrative.overview.text).toContain(
      `本年新收政府信息公开申请${getCell(before.report, 'requests', 'new_received', 'total') ?? 0}件`,
    );
    // the draft is marked as a rollup: a later rollup leaves it out, whatever its status becomes
    const after = await computeRollup(ctx, scope, {
      year: YEAR,
      statuses: ['submitted', 'cleared', 'published'],
    });
    expect(after.excluded.find((e) => e.agencyId === h.city.id)).toMatchObject({ reason: 'rollup' });
    expect(after.included.length).toBe(before.included.length);
    // a department cannot pre-fill, nor a government from a report already published
    await expect(prefillFromRollup(ctx, h.staff.cityDepartment[0], { year: YEAR })).rejects.toMatchObject({
      code: 'invalid_state',
    });
  });
});
