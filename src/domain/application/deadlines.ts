import type { LocalDate } from '../calendar/local-date.ts';
import type { CalendarDate, WorkingCalendar } from '../calendar/working-calendar.ts';

/**
 * The statutory clock of an application (条例 Art. 30–34; STATUTE.md §2–§3), derived from facts only: the same
 * facts and calendar always give the same due dates, so a newly published holiday schedule can be applied by
 * deriving again. All periods are working days counted from the day after the starting day.
 *
 * - reply (答复): 20 WD after receipt (Art. 33 ¶2); after a 补正 the period restarts from receipt of the corrected
 *   application (Art. 30); the working days of a consultation (third party, Art. 32; other agencies, Art. 34) are
 *   not counted (Art. 33 ¶3) — a pause from day P to day R shifts the due date by the working days in (P, R];
 *   the same for an unpaid fee notice when the notice paused the clock (a setting, default on); one extension
 *   of at most 20 WD (Art. 33 ¶2);
 * - 补正 notice: within 7 WD of receipt (Art. 30);
 * - consultation: the consulted party answers within 15 WD (Art. 32, 34), counted here from the day it was sent;
 * - fee payment: 20 WD from the day after the fee notice was served (国办函〔2020〕109号, provincial restatement).
 */
export const PERIODS = {
  reply: { days: 20, article: '条例第三十三条第二款' },
  correctionNotice: { days: 7, article: '条例第三十条' },
  extensionMax: { days: 20, article: '条例第三十三条第二款' },
  consultation: { days: 15, article: '条例第三十二条' },
  feePayment: { days: 20, article: '国办函〔2020〕109号' },
} as const;

/** Consultations whose time is not counted (Art. 33 ¶3). */
export const CONSULTATION_KINDS = ['third_party', 'other_agency'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];
export const CONSULTATION: Record<ConsultationKind, { label: string; article: string }> = {
  third_party: { label: '征求第三方意见', article: '条例第三十二条' },
  other_agency: { label: '征求其他行政机关意见', article: '条例第三十四条' },
};

/** What the clock is derived from — a projection of the application. */
export interface ClockFacts {
  /** 收到申请之日 (Art. 31) */
  receivedOn: LocalDate;
  correction: { requestedOn: LocalDate; periodDays: number; receivedOn: LocalDate | null } | null;
  consultations: readonly { kind: ConsultationKind; sentOn: LocalDate; endedOn: LocalDate | null }[];
  extension: { days: number } | null;
  fee: { servedOn: LocalDate; paidOn: LocalDate | null; pausesClock: boolean } | null;
}

export type DueDate = CalendarDate;

export interface Deadlines {
  /** the 补正 notice must be sent by (7 WD after the first receipt) */
  correctionNotice: DueDate;
  /** the applicant's correction period, as set in the notice */
  correctionResponse: DueDate | null;
  /** 答复期限; null while a correction is awaited (the period restarts on its receipt) */
  reply: DueDate | null;
  /** the reply due date with the one extension at its full 20 WD (= reply once extended) */
  latestReply: DueDate | null;
  /** the reply clock is paused since this date (open consultation, or an unpaid fee notice that pauses) */
  pausedSince: LocalDate | null;
  /** the open consultation's answer is due */
  consultation: (DueDate & { kind: ConsultationKind }) | null;
  /** the fee must be paid by */
  feePayment: DueDate | null;
}

interface Interval {
  from: LocalDate;
  to: LocalDate | null;
}

/** Working days in the union of the closed intervals (from, to] that lie after `start`. */
function pausedWorkingDays(intervals: readonly Interval[], start: LocalDate, calendar: WorkingCalendar) {
  const closed = intervals
    .filter((i): i is { from: LocalDate; to: LocalDate } => i.to !== null && i.to > start)
    .map((i) => ({ from: i.from > start ? i.from : start, to: i.to }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let days = 0;
  let provisional = false;
  let current: { from: LocalDate; to: LocalDate } | null = null;
  const flush = () => {
    if (!current) return;
    const n = calendar.workingDaysBetween(current.from, current.to);
    days += n.days;
    provisional ||= n.provisional;
  };
  for (const i of closed) {
    if (current && i.from <= current.to) current.to = i.to > current.to ? i.to : current.to;
    else {
      flush();
      current = { ...i };
    }
  }
  flush();
  return { days, provisional };
}

export function deriveDeadlines(facts: ClockFacts, calendar: WorkingCalendar): Deadlines {
  const add = (date: LocalDate, n: number) => calendar.addWorkingDays(date, n);
  const correction = facts.correction;
  const start = correction ? correction.receivedOn : facts.receivedOn;
  const pauses: Interval[] = facts.consultations.map((c) => ({ from: c.sentOn, to: c.endedOn }));
  if (facts.fee?.pausesClock) pauses.push({ from: facts.fee.servedOn, to: facts.fee.paidOn });
  let reply: DueDate | null = null;
  let latestReply: DueDate | null = null;
  if (start !== null) {
    const paused = pausedWorkingDays(pauses, start, calendar);
    const extension = facts.extension?.days ?? 0;
    const due = add(start, PERIODS.reply.days + paused.days + extension);
    reply = { date: due.date, provisional: due.provisional || paused.provisional };
    const latest = facts.extension ? due : add(due.date, PERIODS.extensionMax.days);
    latestReply = { date: latest.date, provisional: reply.provisional || latest.provisional };
  }
  const open = pauses.filter((p) => p.to === null).map((p) => p.from);
  const openConsultation = facts.consultations.find((c) => c.endedOn === null);
  return {
    correctionNotice: add(facts.receivedOn, PERIODS.correctionNotice.days),
    correctionResponse: correction ? add(correction.requestedOn, correction.periodDays) : null,
    reply,
    latestReply,
    pausedSince: open.length > 0 ? open.sort()[0]! : null,
    consultation: openConsultation
      ? { ...add(openConsultation.sentOn, PERIODS.consultation.days), kind: openConsultation.kind }
      : null,
    feePayment: facts.fee ? add(facts.fee.servedOn, PERIODS.feePayment.days) : null,
  };
}
