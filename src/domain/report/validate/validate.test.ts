import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../../../test/support/seeds.ts';
import { decodeReport } from '../interchange.ts';
import type { AnnualReport } from '../model.ts';
import { setCell } from '../model.ts';
import { validateReport } from './index.ts';

const decode = (json: unknown): AnnualReport => {
  const { report } = decodeReport(json);
  if (!report) throw new Error('undecodable');
  return report;
};
const summary = (report: AnnualReport, previous?: AnnualReport) =>
  validateReport(report, { previous: previous ?? null })
    .map((f) => [f.code, f.location.table, f.location.row ?? '', f.location.column ?? ''].join(' '))
    .sort();

/** The problems each expected file's notes describe, as codes and locations. */
const EXPECTED: Record<string, string[]> = {
  '000_f85cb83f41f9d4bd': ['cell.blank requests  ', 'cell.non_integer active fees previous'],
  '001_252bdc41f8001f11': [],
  '002_6b7184a4cdcd6840': [],
  '003_5c929392af2d662c': [
    'format.year_mismatch format  ',
    'table3.balance requests  natural',
    'table3.balance requests  total',
    'table3.row requests unable_not_held total',
    'table3.total requests total natural',
    'table3.total requests total total',
  ],
  '004_f3702a69faeeb52d': [
    'cell.blank requests  ',
    'table3.balance.incomplete requests  natural',
    'table3.balance.incomplete requests  other',
    'table3.row.incomplete requests total total',
    'table3.total.incomplete requests total natural',
    'table3.total.incomplete requests total other',
  ],
};

describe('validateReport on the expected seed reports', () => {
  for (const seed of loadSeeds())
    it(`${seed.id}: finds exactly the problems its notes describe`, () => {
      expect(summary(decode(seed.expected))).toEqual([...EXPECTED[seed.id]!].sort());
    });

  it('seed 004: the incomplete-table findings name the blank cells as the cause', () => {
    const seed = loadSeeds().find((s) => s.id.startsWith('004'))!;
    const finding = validateReport(decode(seed.expected)).find((f) => f.code === 'table3.row.incomplete')!;
    expect(finding.cells).toContain('requests.total.natural');
    expect(finding.message).toContain('空白');
  });

  it('seed 000: a money amount printed in a count cell is reported when the printed text is known', () => {
    const seed = loadSeeds().find((s) => s.id.startsWith('000'))!;
    const report = decode({ ...seed.expected, cellText: { 'active.fees.change': '-53万元' } });
    expect(summary(report)).toContain('cell.money_in_count active fees change');
  });
});

describe('cells', () => {
  const base = () => decode({ year: 2023, agency: '某局', format: '2021' });
  it('reports text, negative counts and units, and keeps blank vs 0 apart', () => {
    const report = decode({
      year: 2023,
      agency: '某局',
      requests: { new_received: { natural: '12件', total: '十二' } },
      appeals: { reconsideration: { upheld: -1 } },
    });
    const codes = summary(report);
    expect(codes).toContain('cell.unit requests new_received natural');
    expect(codes).toContain('cell.text requests new_received total');
    expect(codes).toContain('cell.negative appeals reconsideration upheld');
    expect(report.requests.new_received.natural).toBe(12);
    expect(report.requests.new_received.total).toBeNull();
    expect(base().requests.granted.total).toBeNull();
  });
});

describe('cross-year rules', () => {
  const zeros = (year: number) => {
    const r = decode({ year, agency: '某局', format: '2021' });
    for (const table of ['active', 'requests', 'appeals'] as const)
      for (const [row, cells] of Object.entries(r[table] as Record<string, Record<string, unknown>>))
        for (const column of Object.keys(cells)) setCell(r, table, row, column, 0);
    return r;
  };
  it('上年结转 must equal last year’s 结转下年度, per column', () => {
    const last = zeros(2022);
    const now = zeros(2023);
    for (const r of [last]) {
      setCell(r, 'requests', 'new_received', 'natural', 3);
      setCell(r, 'requests', 'new_received', 'total', 3);
      setCell(r, 'requests', 'carry_forward', 'natural', 3);
      setCell(r, 'requests', 'carry_forward', 'total', 3);
    }
    expect(summary(last)).toEqual([]);
    expect(summary(now, last)).toEqual([
      'cross_year.carry_over requests carried_over natural',
      'cross_year.carry_over requests carried_over total',
    ]);
  });
  it('现行有效件数 continuity and pending cases', () => {
    const last = zeros(2022);
    const now = zeros(2023);
    setCell(last, 'active', 'rules', 'in_force', 10);
    setCell(now, 'active', 'rules', 'issued', 2);
    setCell(now, 'active', 'rules', 'repealed', 1);
    setCell(now, 'active', 'rules', 'in_force', 12);
    setCell(last, 'appeals', 'reconsideration', 'pending', 1);
    setCell(last, 'appeals', 'reconsideration', 'total', 1);
    expect(summary(now, last)).toEqual([
      'cross_year.in_force active rules in_force',
      'cross_year.pending appeals reconsideration total',
    ]);
    setCell(now, 'active', 'rules', 'in_force', 11);
    expect(summary(now, last)).toEqual(['cross_year.pending appeals reconsideration total']);
  });
  it('skips the rules when the given report is not the previous year', () => {
    expect(summary(zeros(2023), zeros(2020))).toEqual(['cross_year.not_previous meta  year']);
  });
});

describe('narrative figures', () => {
  it('warns when a quoted figure matches nothing in the tables', () => {
    const seed = loadSeeds().find((s) => s.id.startsWith('004'))!;
    const report = decode({
      ...seed.expected,
      narrative: {
        overview: '',
        problems: '',
        other: '',
        active: '全年公开的行政处罚共457件。公布行政许可32件。',
      },
    });
    const found = validateReport(report).filter((f) => f.code === 'narrative.mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ actual: 457, location: { row: 'active', column: 'penalty' } });
  });
});
