import type { AgencyKindForDeadline, ReportDeadline } from '../report-workspace/deadline.ts';
import { reportDeadline } from '../report-workspace/deadline.ts';
import { supervisionSettingsOf } from './settings.ts';

/**
 * The date an agency's report of a year is due to its supervisor: the statutory date (条例 Art. 49: 31 January
 * for departments, 31 March for the 本级人民政府), or an earlier internal date — the agency's own
 * (`settings.reportDueDate`) or one set by any supervising agency above it for agencies of its kind. The
 * earliest applies: every level may collect earlier than the law, none later.
 */
export interface DeadlineAgency {
  id: number;
  name: string;
  kind: AgencyKindForDeadline;
  settings: Record<string, unknown>;
}

export type DeadlineSource =
  { kind: 'statutory' } | { kind: 'own' } | { kind: 'supervisor'; agencyId: number; agencyName: string };

export interface SupervisedDeadline extends ReportDeadline {
  source: DeadlineSource;
}

export function supervisedDeadline(
  year: number,
  agency: DeadlineAgency,
  /** the agencies above it, nearest first */
  ancestors: readonly DeadlineAgency[],
): SupervisedDeadline {
  const key = agency.kind === 'government' ? 'governmentDue' : 'departmentDue';
  const candidates: { monthDay: unknown; source: DeadlineSource }[] = [
    { monthDay: agency.settings.reportDueDate, source: { kind: 'own' } },
    ...ancestors.map((above) => ({
      monthDay: supervisionSettingsOf(above.settings)[key],
      source: { kind: 'supervisor', agencyId: above.id, agencyName: above.name } as DeadlineSource,
    })),
  ];
  let best: SupervisedDeadline = { ...reportDeadline(year, agency.kind), source: { kind: 'statutory' } };
  for (const candidate of candidates) {
    const due = reportDeadline(year, agency.kind, candidate.monthDay);
    if (due.local && due.dueOn < best.dueOn) best = { ...due, source: candidate.source };
  }
  return best;
}
