import type { AppealKind, DecidedResult } from '../appeals/appeal-case.ts';
import type { Outcome } from '../application/decisions.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import type { OutcomeGroup } from '../report-workspace/charts.ts';
import { OUTCOME_GROUPS, outcomeGroup } from '../report-workspace/charts.ts';

/**
 * The disclosure work of agencies on Gongkai, from their live records, per agency and per month: applications
 * received; replies and whether each was sent by its reply due date (extension included, 条例 Art. 33); the
 * working days it took; the outcomes; open applications overdue now; 行政复议 decisions that corrected the agency
 * and lawsuits it lost (Art. 51); proactive items published, and published late or overdue (Art. 26).
 * Month of counting: receipt for applications received, closing for replies and outcomes, decision for cases,
 * publication for items. Pure: the service passes projections and the working-day count in.
 */
export interface MonthCount {
  agencyId: number;
  /** "YYYY-MM" */
  month: string;
  count: number;
}

export interface ClosedApplication {
  agencyId: number;
  receivedOn: LocalDate;
  closedOn: LocalDate;
  /** the reply due date in force when it closed (extension included) */
  replyDueOn: LocalDate | null;
  outcome: Outcome | null;
  /** closed by a reply (not deemed abandoned, not withdrawn) */
  replied: boolean;
}

export interface DecidedAppeal {
  agencyId: number;
  kind: AppealKind;
  decidedOn: LocalDate;
  result: DecidedResult;
}

export interface ItemMonth {
  agencyId: number;
  month: string;
  published: number;
  late: number;
}

export interface AgencyCount {
  agencyId: number;
  count: number;
}

export interface PerformanceInput {
  /** the months of the period, "YYYY-MM", in order */
  months: readonly string[];
  received: readonly MonthCount[];
  closed: readonly ClosedApplication[];
  /** open applications past their reply due date today */
  overdueNow: readonly AgencyCount[];
  appeals: readonly DecidedAppeal[];
  items: readonly ItemMonth[];
  /** items not published, past their Art. 26 date today */
  itemsOverdueNow: readonly AgencyCount[];
  /** working days in (from, to] */
  workingDays: (from: LocalDate, to: LocalDate) => number;
}

export interface Figures {
  received: number;
  closed: number;
  replied: number;
  onTime: number;
  late: number;
  /** per cent, one decimal; null with no replies */
  onTimeRate: number | null;
  workingDays: number;
  /** working days from receipt to reply, on average; null with no replies */
  avgWorkingDays: number | null;
  outcomes: Record<OutcomeGroup, number>;
  reconsiderationDecided: number;
  /** 行政复议 decisions that corrected the agency (结果纠正) */
  reconsiderationCorrected: number;
  litigationDecided: number;
  /** judgments against the agency (结果纠正) */
  litigationLost: number;
  itemsPublished: number;
  itemsLate: number;
  /** null for a month: "now" is not a month's figure */
  overdueNow: number | null;
  itemsOverdueNow: number | null;
}

export function emptyFigures(now: boolean): Figures {
  return {
    received: 0,
    closed: 0,
    replied: 0,
    onTime: 0,
    late: 0,
    onTimeRate: null,
    workingDays: 0,
    avgWorkingDays: null,
    outcomes: Object.fromEntries(OUTCOME_GROUPS.map((g) => [g, 0])) as Record<OutcomeGroup, number>,
    reconsiderationDecided: 0,
    reconsiderationCorrected: 0,
    litigationDecided: 0,
    litigationLost: 0,
    itemsPublished: 0,
    itemsLate: 0,
    overdueNow: now ? 0 : null,
    itemsOverdueNow: now ? 0 : null,
  };
}

function finish(f: Figures): Figures {
  f.onTimeRate = f.replied > 0 ? Math.round((f.onTime / f.replied) * 1000) / 10 : null;
  f.avgWorkingDays = f.replied > 0 ? Math.round((f.workingDays / f.replied) * 10) / 10 : null;
  return f;
}

export interface AgencyPerformance {
  agencyId: number;
  total: Figures;
  /** one per month of the period */
  months: Figures[];
}

export interface PerformanceTable {
  months: readonly string[];
  agencies: AgencyPerformance[];
  /** the whole subtree, per month */
  byMonth: Figures[];
  total: Figures;
}

export function performanceTable(agencyIds: readonly number[], input: PerformanceInput): PerformanceTable {
  const monthIndex = new Map(input.months.map((m, i) => [m, i]));
  const agencies = new Map<number, AgencyPerformance>(
    agencyIds.map((id) => [
      id,
      { agencyId: id, total: emptyFigures(true), months: input.months.map(() => emptyFigures(false)) },
    ]),
  );
  const byMonth = input.months.map(() => emptyFigures(false));
  const total = emptyFigures(true);
  /** applies a change to the agency's total and month, the subtree's month and the grand total */
  const add = (agencyId: number, month: string, change: (f: Figures) => void) => {
    const agency = agencies.get(agencyId);
    const i = monthIndex.get(month);
    if (!agency || i === undefined) return;
    for (const f of [agency.total, agency.months[i]!, byMonth[i]!, total]) change(f);
  };
  for (const r of input.received) add(r.agencyId, r.month, (f) => (f.received += r.count));
  for (const a of input.closed) {
    const onTime = a.replied && a.replyDueOn !== null && a.closedOn <= a.replyDueOn;
    const days = a.replied ? input.workingDays(a.receivedOn, a.closedOn) : 0;
    add(a.agencyId, a.closedOn.slice(0, 7), (f) => {
      f.closed++;
      if (a.outcome) f.outcomes[outcomeGroup(a.outcome)]++;
      if (!a.replied) return;
      f.replied++;
      f.workingDays += days;
      if (onTime) f.onTime++;
      else f.late++;
    });
  }
  for (const c of input.appeals)
    add(c.agencyId, c.decidedOn.slice(0, 7), (f) => {
      if (c.kind === 'reconsideration') {
        f.reconsiderationDecided++;
        if (c.result === 'corrected') f.reconsiderationCorrected++;
      } else {
        f.litigationDecided++;
        if (c.result === 'corrected') f.litigationLost++;
      }
    });
  for (const i of input.items)
    add(i.agencyId, i.month, (f) => {
      f.itemsPublished += i.published;
      f.itemsLate += i.late;
    });
  for (const o of input.overdueNow) {
    const agency = agencies.get(o.agencyId);
    if (!agency) continue;
    agency.total.overdueNow! += o.count;
    total.overdueNow! += o.count;
  }
  for (const o of input.itemsOverdueNow) {
    const agency = agencies.get(o.agencyId);
    if (!agency) continue;
    agency.total.itemsOverdueNow! += o.count;
    total.itemsOverdueNow! += o.count;
  }
  for (const a of agencies.values()) {
    finish(a.total);
    a.months.forEach(finish);
  }
  byMonth.forEach(finish);
  finish(total);
  return { months: input.months, agencies: [...agencies.values()], byMonth, total };
}

/** The months from one "YYYY-MM" to another, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}
