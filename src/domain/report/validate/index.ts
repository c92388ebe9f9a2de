import type { Finding } from '../finding.ts';
import type { AnnualReport } from '../model.ts';
import { checkCells } from './cells.ts';
import { checkCrossYear } from './cross-year.ts';
import { checkMeta } from './meta.ts';
import { checkNarrative } from './narrative.ts';
import { checkRequests } from './table3.ts';
import { checkAppeals } from './table4.ts';
import { rootCauses } from './root-cause.ts';

export interface ValidateOptions {
  /** the same agency's report for the year before, for the cross-year rules */
  previous?: AnnualReport | null;
}

/** Every rule over one report; returns all findings, errors first, in table order. Never throws. */
export function validateReport(report: AnnualReport, options: ValidateOptions = {}): Finding[] {
  const findings = [
    ...checkMeta(report),
    ...checkCells(report),
    ...checkRequests(report),
    ...checkAppeals(report),
    ...(options.previous ? checkCrossYear(report, options.previous) : []),
    ...checkNarrative(report),
  ];
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  // a single cell that explains several failed identities is said first (the root cause)
  return [...rootCauses(report), ...findings];
}

export { rootCauses, checkCells, checkCrossYear, checkMeta, checkNarrative, checkRequests, checkAppeals };
