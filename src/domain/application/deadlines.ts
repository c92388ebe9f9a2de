import type { LocalDate } from '../calendar/local-date.ts';
import type { CalendarDate, WorkingCalendar } from '../calendar/working-calendar.ts';
import type { LetterKind } from '../letters/kinds.ts';
import { remedyDeadlines } from './remedy-deadlines.ts';

/**
 * The statutory clock of an application (条例 Art. 30–35; STATUTE.md §2–§4), derived from facts only: the same
 * facts and calendar always give the same due dates, so a newly published holiday schedule can be applied by
 * deriving again. All periods are working days counted from the day after the starting day.
 *
 * - reply (答复): 20 WD after receipt (Art. 33 ¶2); after a 补正 notice issued within 7 WD the period restarts
 *   from receipt of the corrected application (Art. 30) — a notice issued later (the office insisted, with its
 *   reason on record) does not restart it; one extension of at most 20 WD (Art. 33 ¶2); under Art. 35 a later
 *   date set and notified replaces it;
 * - consultation (Art. 32 third party, Art. 34 other agency): the consulted party has 15 WD from the day after it
 *   received the letter (the letter's service; until that is recorded, from the day after sending — the reading
 *   safest for the applicant). Only the time from sending to the answer, and at most to the end of those 15 WD,
 *   is not counted (Art. 33 ¶3): a pause from day P to day R shifts the due date by the working days in (P, R].
 *   An unanswered consultation therefore pauses the clock until its 15 WD are over, and no longer;
 * - 补正 notice: issued within 7 WD of receipt (Art. 30); the applicant's correction period runs from the day
 *   after the notice was served;
 * - fee payment: 20 WD from the day after the fee notice was served (国办函〔2020〕109号, provincial restatement);
 *   an unpaid notice pauses the reply clock from its service when the agency's setting says so (default on);
 * - Art. 35 reasons: the period set, from the day after the request was served;
 * - remedies: 60 days (行政复议法第二十条) and 6 months (行政诉讼法第四十六条) from the service of the reply.
 */
export const PERIODS = {
  reply: { days: 20, article: '条例第三十三条第二款' },
  correctionNotice: { days: 7, article: '条例第三十条' },
  extensionMax: { days: 20, article: '条例第三十三条第二款' },
  consultation: { days: 15, article: '条例第三十二条' },
  feePayment: { days: 20, article: '国办函〔2020〕109号' },
  reasons: { days: 10, article: '条例第三十五条' },
} as const;

/** Consultations whose time is not counted (Art. 33 ¶3). */
export const CONSULTATION_KINDS = ['third_party', 'other_agency'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];
export const CONSULTATION: Record<ConsultationKind, { label: string; article: string }> = {
  third_party: { label: '征求第三方意见', article: '条例第三十二条' },
  other_agency: { label: '征求其他行政机关意见', article: '条例第三十四条' },
};

/** What the clock is derived from — a projection of the application (fields added later are optional). */
export interface ClockFacts {
  /** 收到申请之日 (Art. 31) */
  receivedOn: LocalDate;
  correction: {
    requestedOn: LocalDate;
    servedOn?: LocalDate | null;
    periodDays: number;
    receivedOn: LocalDate | null;
    lateReason?: string | null;
  } | null;
  consultations: readonly {
    kind: ConsultationKind;
    sentOn: LocalDate;
    receivedOn?: LocalDate | null;
    endedOn: LocalDate | null;
  }[];
  extension: { days: number } | null;
  fee: { servedOn: LocalDate | null; paidOn: LocalDate | null; pausesClock: boolean } | null;
  reasonsRequest?: {
    servedOn: LocalDate | null;
    periodDays: number;
    later: { dueOn: LocalDate } | null;
  } | null;
  letters?: readonly {
    kind: LetterKind;
    service: { servedOn: LocalDate } | null;
    reconsiderationFirst?: boolean;
  }[];
}

export type DueDate = CalendarDate;

export interface Deadlines {
  /** the 补正 notice must be issued by (7 WD after the first receipt) */
  correctionNotice: DueDate;
  /** the applicant's correction period, from the notice's service; null while 待送达 */
  correctionResponse: DueDate | null;
  /** 答复期限; null while a correction is awaited (the period restarts on its receipt) */
  reply: DueDate | null;
  /** the reply due date with the one extension at its full 20 WD (= reply once extended) */
  latestReply: DueDate | null;
  /** the reply clock is paused since this date (open consultation, or an unpaid fee notice that pauses) */
  pausedSince: LocalDate | null;
  /** …and runs again after this date at the latest (the consulted party's 15 WD); null: until paid */
  pausedUntil?: LocalDate | null;
  /** the open consultation's answer is due (15 WD after the party received the letter) */
  consultation: (DueDate & { kind: ConsultationKind }) | null;
  /** the fee must be paid by (from the notice's service); null while 待送达 */
  feePayment: DueDate | null;
  /** Art. 35: the reasons must be stated by; null while 待送达 */
  reasonsResponse?: DueDate | null;
  /** from the reply's service: last day to apply for reconsideration (60 days) */
  reconsideration?: DueDate | null;
  /** …and to sue (6 months); null when reconsideration must come first */
  litigation?: DueDate | null;
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
    .filter((i) => i.to > i.from)
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

/** The consulted party's answer is due: 15 WD after it received the letter (after sending, until recorded). */
export function consultationDue(
  c: ClockFacts['consultations'][number],
  calendar: WorkingCalendar,
): CalendarDate {
  return calendar.addWorkingDays(c.receivedOn ?? c.sentOn, PERIODS.consultation.days);
}

/** Whether the reply period restarts from the corrected application (a notice in time, Art. 30). */
export const correctionRestarts = (c: ClockFacts['correction']): boolean => !!c && !c.lateReason;

export function deriveDeadlines(facts: ClockFacts, calendar: WorkingCalendar): Deadlines {
  const add = (date: LocalDate, n: number) => calendar.addWorkingDays(date, n);
  const correction = facts.correction;
  const start = correctionRestarts(correction) ? correction!.receivedOn : facts.receivedOn;
  const capped = facts.consultations.map((c) => {
    const due = consultationDue(c, calendar);
    const to = c.endedOn !== null && c.endedOn < due.date ? c.endedOn : due.date;
    return { from: c.sentOn, to, due };
  });
  const pauses: Interval[] = capped.map((c) => ({ from: c.from, to: c.to }));
  const fee = facts.fee;
  const feePauses = fee !== null && fee.pausesClock && fee.servedOn !== null;
  if (feePauses) pauses.push({ from: fee.servedOn!, to: fee.paidOn });
  let reply: DueDate | null = null;
  let latestReply: DueDate | null = null;
  if (start !== null) {
    const paused = pausedWorkingDays(pauses, start, calendar);
    const extension = facts.extension?.days ?? 0;
    const provisionalPause = paused.provisional || capped.some((c) => c.due.provisional);
    const due = add(start, PERIODS.reply.days + paused.days + extension);
    reply = { date: due.date, provisional: due.provisional || provisionalPause };
    const latest = facts.extension ? due : add(due.date, PERIODS.extensionMax.days);
    latestReply = { date: latest.date, provisional: reply.provisional || latest.provisional };
    const later = facts.reasonsRequest?.later;
    if (later && later.dueOn > reply.date) {
      reply = { date: later.dueOn, provisional: false };
      if (later.dueOn > latestReply.date) latestReply = reply;
    }
  }
  const openConsultations = facts.consultations
    .map((c, i) => ({ c, due: capped[i]!.due }))
    .filter(({ c }) => c.endedOn === null);
  const feeOpen = feePauses && fee!.paidOn === null;
  const since = [...openConsultations.map(({ c }) => c.sentOn), ...(feeOpen ? [fee!.servedOn!] : [])].sort();
  const until = feeOpen
    ? null
    : (openConsultations
        .map(({ due }) => due.date)
        .sort()
        .at(-1) ?? null);
  const open = openConsultations.at(-1);
  const reasons = facts.reasonsRequest;
  return {
    correctionNotice: add(facts.receivedOn, PERIODS.correctionNotice.days),
    correctionResponse: correction?.servedOn ? add(correction.servedOn, correction.periodDays) : null,
    reply,
    latestReply,
    pausedSince: since[0] ?? null,
    pausedUntil: since.length > 0 ? until : null,
    consultation: open ? { ...open.due, kind: open.c.kind } : null,
    feePayment: fee?.servedOn ? add(fee.servedOn, PERIODS.feePayment.days) : null,
    reasonsResponse: reasons?.servedOn ? add(reasons.servedOn, reasons.periodDays) : null,
    ...remedyDeadlines(facts.letters ?? [], calendar),
  };
}

/** Whether the reply clock is stopped on `today` (an open pause that has not reached its end). */
export function clockPausedOn(d: Deadlines, today: LocalDate): boolean {
  if (d.pausedSince === null || today < d.pausedSince) return false;
  return d.pausedUntil === undefined || d.pausedUntil === null || today <= d.pausedUntil;
}
