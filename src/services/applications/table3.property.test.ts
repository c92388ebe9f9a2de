import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsertApplications } from '../../../test/support/bulk-applications.ts';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { testContext } from '../../../test/support/context.ts';
import type { ApplicationSummary } from '../../domain/application/index.ts';
import { APPLICANT_TYPES, OUTCOMES, requestsFromRecords } from '../../domain/application/index.ts';
import { addDays } from '../../domain/calendar/index.ts';
import { emptyReport, validateReport } from '../../domain/report/index.ts';
import type { AnnualReport } from '../../domain/report/index.ts';
import { createAgency } from '../staff.service.ts';
import { requestsFromCounts, table3Counts } from './table3.ts';

const summaryArb: fc.Arbitrary<ApplicationSummary> = fc
  .record({
    type: fc.constantFrom(...APPLICANT_TYPES),
    offset: fc.integer({ min: 0, max: 7 * 365 }),
    open: fc.boolean(),
    duration: fc.integer({ min: 0, max: 400 }),
    outcome: fc.constantFrom(...OUTCOMES),
  })
  .map(({ type, offset, open, duration, outcome }) => {
    const receivedDate = addDays('2019-01-01', offset);
    const closed = open ? null : addDays(receivedDate, duration);
    return { applicantColumn: type, receivedDate, closedDate: closed, outcome: closed ? outcome : null };
  });

describe.each(DIALECTS)('table 三 in SQL equals the domain reference on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.destroy());

  it('for random registers over several years, every year, both layouts; each validates and carries over', async () => {
    const { ctx } = testContext(database);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(summaryArb, { minLength: 1, maxLength: 120 }), async (summaries) => {
        const agency = await createAgency(ctx, 'system', {
          code: `P${run++}`,
          name: '某局',
          kind: 'department',
        });
        await bulkInsertApplications(database.db, agency.id, summaries);
        let previous: AnnualReport | null = null;
        for (let year = 2019; year <= 2026; year++) {
          const counts = await table3Counts(database, [agency.id], year);
          const fromSql = requestsFromCounts(counts, year);
          expect(fromSql).toEqual(requestsFromRecords(summaries, year));
          const report = emptyReport(year <= 2020 ? '2019' : '2021', 0);
          report.year = year;
          report.agency = '某局';
          report.requests = fromSql as typeof report.requests;
          const codes = validateReport(report, { previous }).map((f) => f.code);
          expect(codes.filter((c) => c.startsWith('table3') || c === 'cross_year.carry_over')).toEqual([]);
          previous = report;
        }
      }),
      { numRuns: dialect === 'sqlite' ? 60 : 25 },
    );
  });
});
