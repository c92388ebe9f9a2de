import type { LocalDate } from '../calendar/local-date.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { ClockFacts, Deadlines } from './deadlines.ts';
import { deriveDeadlines, PERIODS } from './deadlines.ts';
import { DEFAULT_CORRECTION_PERIOD_DAYS } from './actions.ts';

/**
 * The clock on facts given by hand (`gongkai deadline`: "when will I hear?"): the same derivation the register
 * uses, with the one rule a what-if must also apply — a 补正 notice issued past the 7 WD of 条例第三十条 is
 * refused, and if sent anyway it does not restart the reply period.
 */
export interface WhatIfFacts {
  receivedOn: LocalDate;
  correction?: {
    issuedOn: LocalDate;
    servedOn: LocalDate | null;
    receivedOn: LocalDate | null;
    periodDays?: number;
  };
  consultation?: { sentOn: LocalDate; receivedOn: LocalDate | null; answeredOn: LocalDate | null };
  extensionDays?: number;
  fee?: { servedOn: LocalDate; paidOn: LocalDate | null; pausesClock?: boolean };
}

export interface WhatIf {
  deadlines: Deadlines;
  /** why a fact would be refused by the register, citing the article (empty when all is lawful) */
  refusals: string[];
  /** the 补正 came too late: the reply period was not restarted */
  correctionLate: boolean;
}

export function whatIf(facts: WhatIfFacts, calendar: WorkingCalendar): WhatIf {
  const notice = calendar.addWorkingDays(facts.receivedOn, PERIODS.correctionNotice.days).date;
  const c = facts.correction;
  const late = !!c && c.issuedOn > notice;
  const clock: ClockFacts = {
    receivedOn: facts.receivedOn,
    correction: c
      ? {
          requestedOn: c.issuedOn,
          servedOn: c.servedOn,
          periodDays: c.periodDays ?? DEFAULT_CORRECTION_PERIOD_DAYS,
          receivedOn: c.receivedOn,
          lateReason: late ? '逾期告知补正' : null,
        }
      : null,
    consultations: facts.consultation
      ? [
          {
            kind: 'third_party',
            sentOn: facts.consultation.sentOn,
            receivedOn: facts.consultation.receivedOn,
            endedOn: facts.consultation.answeredOn,
          },
        ]
      : [],
    extension: facts.extensionDays ? { days: facts.extensionDays } : null,
    fee: facts.fee
      ? { servedOn: facts.fee.servedOn, paidOn: facts.fee.paidOn, pausesClock: facts.fee.pausesClock ?? true }
      : null,
  };
  const refusals = late
    ? [
        `补正告知（${c!.issuedOn}）晚于补正告知期限 ${notice}：${PERIODS.correctionNotice.article}规定，应当自收到申请之日起${PERIODS.correctionNotice.days}个工作日内一次性作出补正通知；逾期告知的，答复期限不重新计算`,
      ]
    : [];
  return { deadlines: deriveDeadlines(clock, calendar), refusals, correctionLate: late };
}
