import { describe, expect, it } from 'vitest';
import { emptyReport, setCell } from '../report/index.ts';
import type { AnnualReport } from '../report/index.ts';
import { findOutliers } from './outliers.ts';
import { DEFAULT_SUPERVISION_SETTINGS } from './settings.ts';

function report(year: number, figures: { received?: number; licensing?: number; penalty?: number }) {
  const r = emptyReport('2021', 0);
  r.year = year;
  setCell(r, 'requests', 'new_received', 'total', figures.received ?? 0);
  setCell(r, 'active', 'licensing', 'decisions', figures.licensing ?? 0);
  setCell(r, 'active', 'penalty', 'decisions', figures.penalty ?? 0);
  return r;
}
const codes = (now: AnnualReport, before: AnnualReport | null, settings = DEFAULT_SUPERVISION_SETTINGS) =>
  findOutliers(now, before, settings).map((f) => f.code);

describe('outliers across years and tables', () => {
  it('flags 本年新收 equal to the 行政许可 decisions (seed 000: 1978 and 1978), not small coincidences', () => {
    const findings = findOutliers(
      report(2020, { received: 1978, licensing: 1978 }),
      null,
      DEFAULT_SUPERVISION_SETTINGS,
    );
    expect(findings).toMatchObject([
      { code: 'outlier.requests_equal_licensing', severity: 'warning', actual: 1978 },
    ]);
    expect(findings[0]!.message).toContain('1978');
    expect(codes(report(2020, { received: 3, licensing: 3 }), null)).toEqual([]);
  });

  it('flags jumps and drops by the configured factor above the minimum', () => {
    expect(codes(report(2025, { received: 480 }), report(2024, { received: 12 }))).toEqual(['outlier.jump']);
    expect(codes(report(2025, { received: 12 }), report(2024, { received: 480 }))).toEqual(['outlier.jump']);
    expect(codes(report(2025, { received: 30 }), report(2024, { received: 12 }))).toEqual([]);
    expect(codes(report(2025, { received: 15 }), report(2024, { received: 1 }))).toEqual([]);
    expect(
      codes(report(2025, { received: 30 }), report(2024, { received: 12 }), {
        ...DEFAULT_SUPERVISION_SETTINGS,
        jumpFactor: 2,
      }),
    ).toEqual(['outlier.jump']);
    const drop = findOutliers(
      report(2025, { penalty: 10 }),
      report(2024, { penalty: 200 }),
      DEFAULT_SUPERVISION_SETTINGS,
    );
    expect(drop[0]!.message).toContain('表二“行政处罚”处理决定数量由上年度 200 件降至 10 件');
    // not last year's report: no cross-year outliers
    expect(codes(report(2025, { received: 480 }), report(2022, { received: 12 }))).toEqual([]);
  });

  it('flags zero applications with many decisions, and a report identical to last year’s', () => {
    expect(codes(report(2025, { licensing: 400, penalty: 200 }), null)).toEqual([
      'outlier.no_requests_many_items',
    ]);
    expect(codes(report(2025, { licensing: 400 }), null)).toEqual([]);
    const same = codes(
      report(2025, { received: 40, licensing: 41 }),
      report(2024, { received: 40, licensing: 41 }),
    );
    expect(same).toEqual(['outlier.same_as_previous']);
    expect(codes(report(2025, {}), report(2024, {}))).toEqual([]);
  });
});
