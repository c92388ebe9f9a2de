import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistentReportArb } from '../../../../test/support/report-arbitrary.ts';
import { tableOf } from '../model.ts';
import { validateReport } from './index.ts';

const identityCodes = (findings: { code: string }[]) =>
  findings.map((f) => f.code).filter((c) => c.startsWith('table3.') || c.startsWith('table4.'));

describe('identity rules (property)', () => {
  it('a table generated to satisfy the identities validates clean', () => {
    fc.assert(
      fc.property(consistentReportArb, (report) => {
        expect(validateReport(report)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('any single-cell perturbation of table 三 or 四 is caught by at least one identity rule', () => {
    fc.assert(
      fc.property(
        consistentReportArb,
        fc.constantFrom('requests' as const, 'appeals' as const),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: -50, max: 50 }).filter((d) => d !== 0),
        (report, table, rowPick, columnPick, delta) => {
          const cells = tableOf(report, table);
          const rows = Object.keys(cells);
          const row = rows[rowPick % rows.length]!;
          const columns = Object.keys(cells[row]!);
          const column = columns[columnPick % columns.length]!;
          cells[row]![column] = (cells[row]![column] ?? 0) + delta;
          expect(identityCodes(validateReport(report)).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
