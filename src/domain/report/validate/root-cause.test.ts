import { describe, expect, it } from 'vitest';
import { emptyReport, setCell } from '../index.ts';
import { validateReport } from './index.ts';

/** A consistent table 三: 10 new natural applications, 9 granted, 1 carried forward. */
function consistent() {
  const r = emptyReport('2021', 0);
  for (const [row, n] of [
    ['new_received', 10],
    ['granted', 9],
    ['total', 9],
    ['carry_forward', 1],
  ] as const) {
    setCell(r, 'requests', row, 'natural', n);
    setCell(r, 'requests', row, 'total', n);
  }
  return r;
}

describe('the root cause first (#13 point 8)', () => {
  it('one mistyped cell breaking its row and its column is named first, with the value that fixes both', () => {
    const r = consistent();
    setCell(r, 'requests', 'granted', 'natural', 8);
    const findings = validateReport(r);
    expect(findings[0]).toMatchObject({
      code: 'identity.root_cause',
      location: { table: 'requests', row: 'granted', column: 'natural' },
      expected: 9,
      actual: 8,
    });
    expect(findings[0]!.message).toContain('2 条勾稽关系都不成立，改为 9 后全部成立');
    expect(findings.map((f) => f.code)).toEqual(expect.arrayContaining(['table3.row', 'table3.total']));
  });

  it('no root cause when no single cell explains the failures (seed 003 style: rows added without their totals)', () => {
    const r = consistent();
    setCell(r, 'requests', 'unable_not_held', 'natural', 3);
    setCell(r, 'requests', 'unable_not_held', 'total', 2);
    expect(validateReport(r).map((f) => f.code)).not.toContain('identity.root_cause');
  });

  it('a consistent report has none', () => {
    expect(validateReport(consistent()).filter((f) => /^(identity|table3|table4)\./.test(f.code))).toEqual(
      [],
    );
  });
});
