import type { Outcome } from '../application/decisions.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import { GROUP_HEADING, requestRowSpec } from '../report/table3.ts';

/**
 * The year in charts, for the workspace: applications received and closed by month, outcomes by table 三 group,
 * the on-time reply rate and, when the catalog counts them, proactive items published by category. Pure: the
 * service passes in projections of the records.
 */
export interface ApplicationPoint {
  receivedOn: LocalDate;
  closedOn: LocalDate | null;
  outcome: Outcome | null;
  /** the application was closed by a reply to the applicant (not deemed abandoned or withdrawn) */
  replied: boolean;
  /** the reply due date in force when it was closed (extensions included) */
  replyDueOn: LocalDate | null;
}

export interface CategoryCount {
  code: string;
  name: string;
  count: number;
}

export const OUTCOME_GROUPS = [
  'granted',
  'partially_granted',
  'denied',
  'unable',
  'not_handled',
  'other',
] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

export const OUTCOME_GROUP_LABEL: Record<OutcomeGroup, string> = {
  granted: '（一）予以公开',
  partially_granted: '（二）部分公开',
  denied: GROUP_HEADING.denied,
  unable: GROUP_HEADING.unable,
  not_handled: GROUP_HEADING.not_handled,
  other: GROUP_HEADING.other,
};

export function outcomeGroup(outcome: Outcome): OutcomeGroup {
  if (outcome === 'granted' || outcome === 'partially_granted') return outcome;
  return requestRowSpec('2021', outcome)!.group!;
}

export interface YearCharts {
  year: number;
  byMonth: { month: number; received: number; closed: number }[];
  outcomes: { group: OutcomeGroup; label: string; count: number }[];
  onTime: { replied: number; onTime: number; late: number; rate: number | null };
  /** null when the catalog does not count proactive items */
  proactive: CategoryCount[] | null;
}

const inYear = (date: LocalDate | null, year: number): date is LocalDate =>
  date !== null && date.startsWith(`${year}-`);

export function yearCharts(
  year: number,
  applications: readonly ApplicationPoint[],
  proactive: CategoryCount[] | null,
): YearCharts {
  const byMonth = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, received: 0, closed: 0 }));
  const outcomes = new Map<OutcomeGroup, number>(OUTCOME_GROUPS.map((g) => [g, 0]));
  let replied = 0;
  let onTime = 0;
  for (const a of applications) {
    if (inYear(a.receivedOn, year)) byMonth[Number(a.receivedOn.slice(5, 7)) - 1]!.received++;
    if (!inYear(a.closedOn, year)) continue;
    byMonth[Number(a.closedOn.slice(5, 7)) - 1]!.closed++;
    if (a.outcome) outcomes.set(outcomeGroup(a.outcome), outcomes.get(outcomeGroup(a.outcome))! + 1);
    if (a.replied) {
      replied++;
      if (a.replyDueOn !== null && a.closedOn <= a.replyDueOn) onTime++;
    }
  }
  return {
    year,
    byMonth,
    outcomes: OUTCOME_GROUPS.map((group) => ({
      group,
      label: OUTCOME_GROUP_LABEL[group],
      count: outcomes.get(group)!,
    })),
    onTime: {
      replied,
      onTime,
      late: replied - onTime,
      rate: replied > 0 ? Math.round((onTime / replied) * 1000) / 10 : null,
    },
    proactive,
  };
}
