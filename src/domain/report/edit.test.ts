import { describe, expect, it } from 'vitest';
import { applyCellEdits } from './edit.ts';
import { emptyReport } from './model.ts';
import { validateReport } from './validate/index.ts';

describe('applyCellEdits', () => {
  it('sets numbers, blanks and printed text; refuses cells of the other format', () => {
    const report = emptyReport('2021', 0);
    report.year = 2023;
    report.agency = '某局';
    const {
      report: edited,
      findings,
      changed,
    } = applyCellEdits(report, {
      'requests.new_received.natural': '3',
      'requests.new_received.total': '',
      'active.fees.amount_wan': '12.5万元',
      'requests.other_handling.natural': '1',
    });
    expect(edited.requests.new_received.natural).toBe(3);
    expect(edited.requests.new_received.total).toBeNull();
    expect(edited.format === '2021' && edited.active.fees.amount_wan).toBe(12.5);
    expect(edited.cellText).toEqual({ 'active.fees.amount_wan': '12.5万元' });
    expect(changed.sort()).toEqual([
      'active.fees.amount_wan',
      'requests.new_received.natural',
      'requests.new_received.total',
    ]);
    expect(findings.map((f) => f.code)).toEqual(['edit.unknown_cell']);
    expect(report.requests.new_received.natural).toBe(0);
    expect(validateReport(edited).some((f) => f.code.startsWith('table3.row'))).toBe(true);
  });
});
