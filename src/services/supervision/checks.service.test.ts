import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, testContext } from '../../../test/support/context.ts';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { consistentReport } from '../../../test/support/report-arbitrary.ts';
import { loadSeeds } from '../../../test/support/seeds.ts';
import type { AnnualReport } from '../../domain/report/index.ts';
import { cloneReport, encodeReport, setCell, tableOf } from '../../domain/report/index.ts';
import type { ServiceContext } from '../context.ts';
import { crossAgencyFindings } from './checks.service.ts';
import { collectReport } from './collect.service.ts';
import { sessionCaller } from './scope.ts';
import { updateSupervisionSettings } from './settings.service.ts';
import type { Hierarchy } from './supervision.fixture.ts';
import { supervisionHierarchy } from './supervision.fixture.ts';

const report = (year: number, seed: number) => {
  let n = seed;
  return consistentReport('2019', () => (n = (n * 1103 + 12345) % 9973) % 60, year);
};
const asJson = (r: AnnualReport) => JSON.stringify(encodeReport(r));

describe.each(DIALECTS)('checks across agencies on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let h: Hierarchy;
  const ids = { seed: 0, carry: 0, copy: 0, zero: 0 };
  const findings = (
    query: Partial<Parameters<typeof crossAgencyFindings>[2]> = {},
    who?: Hierarchy['staff']['citySupervisor'],
  ) =>
    crossAgencyFindings(ctx, sessionCaller(who ?? h.staff.citySupervisor), {
      year: 2020,
      limit: 1000,
      ...query,
    });

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const clock = new TestClock(new Date('2021-02-01T02:00:00Z'));
    ({ ctx } = testContext(database, clock));
    h = await supervisionHierarchy(ctx, 'K');
    ids.seed = h.cityOffice.id;
    ids.carry = h.cityDepartments[2]!.id;
    ids.copy = h.cityDepartments[3]!.id;
    ids.zero = h.districts[0]!.departments[5]!.id;
    const supervisor = h.staff.citySupervisor;
    // seed 000 as the agency sent it: 本年新收 1978 equals its 行政许可 count
    const seed = loadSeeds().find((s) => s.id.startsWith('000'))!;
    await collectReport(ctx, supervisor, ids.seed, 2020, {
      file: { fileName: '咸安区卫生健康局2020年报.txt', bytes: new TextEncoder().encode(seed.text) },
    });
    // 2019 then 2020: 上年结转 differs from last year's 结转下年度, and 本年新收 jumps
    const before = report(2019, 7);
    await collectReport(ctx, supervisor, ids.carry, 2019, { json: asJson(before), receivedOn: '2020-01-20' });
    const now = report(2020, 8);
    setCell(now, 'requests', 'carried_over', 'natural', (before.requests.carry_forward.natural ?? 0) + 2);
    setCell(now, 'requests', 'new_received', 'total', 4000);
    await collectReport(ctx, supervisor, ids.carry, 2020, { json: asJson(now) });
    // the same figures as last year
    const copied = report(2019, 9);
    await collectReport(ctx, supervisor, ids.copy, 2019, { json: asJson(copied), receivedOn: '2020-01-20' });
    await collectReport(ctx, supervisor, ids.copy, 2020, {
      json: asJson({ ...cloneReport(copied), year: 2020 }),
    });
    // not one application, many decisions
    const zero = report(2020, 10);
    for (const row of Object.values(tableOf(zero, 'requests'))) for (const c of Object.keys(row)) row[c] = 0;
    setCell(zero, 'active', 'licensing', 'decisions', 900);
    await collectReport(ctx, supervisor, ids.zero, 2020, { json: asJson(zero) });
  });
  afterAll(() => database.destroy());

  it('lists the validator’s, the cross-year and the outlier findings of every report in one table', async () => {
    const all = await findings();
    expect(all.reports.checked).toBe(4);
    const codes = (agencyId: number) =>
      new Set(all.findings.filter((f) => f.agencyId === agencyId).map((f) => f.code));
    expect(codes(ids.seed).has('outlier.requests_equal_licensing')).toBe(true);
    expect(codes(ids.carry).has('cross_year.carry_over')).toBe(true);
    expect(codes(ids.carry).has('outlier.jump')).toBe(true);
    expect(codes(ids.copy).has('outlier.same_as_previous')).toBe(true);
    expect(codes(ids.zero).has('outlier.no_requests_many_items')).toBe(true);
    const seedRow = all.findings.find((f) => f.code === 'outlier.requests_equal_licensing')!;
    expect(seedRow).toMatchObject({
      agencyName: '某市人民政府办公室',
      kind: 'outlier',
      severity: 'warning',
      reportStatus: 'submitted',
      place: '表三“一、本年新收”行“总计”列',
    });
    expect(seedRow.message).toContain('1978');
    // seed 000's 行政事业性收费 holds amounts where counts belong: the validator says so
    expect(codes(ids.seed).has('cell.money_in_count')).toBe(true);
    expect(all.facets.kinds.cross_year).toBeGreaterThan(0);
    expect(all.facets.codes.find((c) => c.code === 'outlier.jump')).toMatchObject({
      agencies: 1,
      kind: 'outlier',
    });
  });

  it('filters by rule code, severity, agency and kind', async () => {
    const byCode = await findings({ codes: ['outlier.requests_equal_licensing'] });
    expect(byCode.findings.map((f) => f.agencyId)).toEqual([ids.seed]);
    expect(byCode.total).toBe(1);
    const errors = await findings({ severity: 'error' });
    expect(errors.findings.length).toBeGreaterThan(0);
    expect(errors.findings.every((f) => f.severity === 'error')).toBe(true);
    const crossYear = await findings({ kinds: ['cross_year'] });
    expect(new Set(crossYear.findings.map((f) => f.agencyId))).toEqual(new Set([ids.carry, ids.copy]));
    const one = await findings({ agencyIds: [ids.zero] });
    expect(one.findings.every((f) => f.agencyId === ids.zero)).toBe(true);
    // facets count the unfiltered table, so the filters can show what else there is
    expect(one.facets).toEqual((await findings()).facets);
    const page = await findings({ limit: 2, offset: 1 });
    expect(page.findings).toEqual((await findings()).findings.slice(1, 3));
  });

  it('uses the supervising agency’s thresholds, and shows a supervisor only their subtree', async () => {
    const jumpy = (await findings({ codes: ['outlier.jump'] })).total;
    await updateSupervisionSettings(ctx, h.staff.citySupervisor, { jumpFactor: 100, jumpMinimum: 100_000 });
    expect((await findings({ codes: ['outlier.jump'] })).total).toBe(0);
    await updateSupervisionSettings(ctx, h.staff.citySupervisor, {});
    expect((await findings({ codes: ['outlier.jump'] })).total).toBe(jumpy);
    const districtA = await findings({}, h.staff.districtASupervisor);
    expect(districtA.reports.checked).toBe(1);
    expect(new Set(districtA.findings.map((f) => f.agencyId))).toEqual(new Set([ids.zero]));
    await expect(findings({ root: h.city.id }, h.staff.districtASupervisor)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
