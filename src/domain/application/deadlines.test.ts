import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/local-date.ts';
import type { ClockFacts } from './deadlines.ts';
import { deriveDeadlines } from './deadlines.ts';
import { dueStatus, dueStatusBounds } from './due-status.ts';
import { calendar } from './lifecycle.fixture.ts';

const facts = (receivedOn: string, more: Partial<ClockFacts> = {}): ClockFacts => ({
  receivedOn,
  correction: null,
  consultations: [],
  extension: null,
  fee: null,
  ...more,
});
const official = (date: string) => ({ date, provisional: false });

describe('the statutory clock over real dates', () => {
  it.each([
    // receivedOn, 补正 notice due (7 WD), reply due (20 WD), latest with a full extension (40 WD)
    ['2026-09-24', '2026-10-12', '2026-10-29', '2026-11-26'], // 中秋 + National Day 2026, 10-10 worked
    ['2025-01-20', '2025-02-05', '2025-02-21', '2025-03-21'], // Spring Festival 2025, 01-26 and 02-08 worked
    ['2026-02-13', '2026-03-02', '2026-03-19', '2026-04-17'], // Spring Festival 2026, 02-14 and 02-28 worked
    ['2025-12-19', '2025-12-30', '2026-01-19', '2026-02-14'], // year boundary, 2026-01-04 worked
    ['2019-09-27', '2019-10-12', '2019-10-30', '2019-11-27'], // National Day 2019, 09-29 and 10-12 worked
  ])('received %s: 补正 notice by %s, reply by %s, at the latest %s', (received, notice, reply, latest) => {
    const d = deriveDeadlines(facts(received), calendar);
    expect(d.correctionNotice).toEqual(official(notice));
    expect(d.reply).toEqual(official(reply));
    expect(d.latestReply).toEqual(official(latest));
    expect(d.pausedSince).toBeNull();
  });

  it('restarts the reply period from receipt of the corrected application (Art. 30)', () => {
    const waiting = deriveDeadlines(
      facts('2025-01-20', {
        correction: { requestedOn: '2025-01-22', servedOn: '2025-01-22', periodDays: 10, receivedOn: null },
      }),
      calendar,
    );
    expect(waiting.reply).toBeNull();
    expect(waiting.latestReply).toBeNull();
    expect(waiting.correctionResponse).toEqual(official('2025-02-11'));
    expect(waiting.correctionNotice).toEqual(official('2025-02-05')); // still from the first receipt
    const corrected = deriveDeadlines(
      facts('2025-01-20', {
        correction: {
          requestedOn: '2025-01-22',
          servedOn: '2025-01-22',
          periodDays: 10,
          receivedOn: '2025-02-10',
        },
      }),
      calendar,
    );
    expect(corrected.reply).toEqual(official('2025-03-10'));
  });

  it('does not count consultation days (Art. 33 ¶3)', () => {
    const open = deriveDeadlines(
      facts('2026-03-02', { consultations: [{ kind: 'third_party', sentOn: '2026-03-10', endedOn: null }] }),
      calendar,
    );
    // unanswered, the pause lasts the party's 15 WD (to 03-31) and no longer: 03-30 + 15 WD
    expect(open.reply).toEqual(official('2026-04-21'));
    expect(open.pausedSince).toBe('2026-03-10');
    expect(open.pausedUntil).toBe('2026-03-31');
    expect(open.consultation).toEqual({ date: '2026-03-31', provisional: false, kind: 'third_party' });
    const ended = deriveDeadlines(
      facts('2026-03-02', {
        consultations: [{ kind: 'third_party', sentOn: '2026-03-10', endedOn: '2026-03-20' }],
      }),
      calendar,
    );
    expect(ended.reply).toEqual(official('2026-04-10')); // 8 WD paused; 清明 04-04–06
    expect(ended.consultation).toBeNull();
    expect(ended.pausedSince).toBeNull();
  });

  it('shifts by the paused days even when the consultation outlasts the original due date', () => {
    const d = deriveDeadlines(
      facts('2026-03-02', {
        consultations: [{ kind: 'other_agency', sentOn: '2026-03-25', endedOn: '2026-04-15' }],
      }),
      calendar,
    );
    // 3 WD were left on 03-25 (03-26, 03-27, 03-30); they run after 04-15
    expect(d.reply).toEqual(official('2026-04-20'));
  });

  it('counts overlapping consultations once', () => {
    const d = deriveDeadlines(
      facts('2026-03-02', {
        consultations: [
          { kind: 'third_party', sentOn: '2026-03-10', endedOn: '2026-03-20' },
          { kind: 'other_agency', sentOn: '2026-03-16', endedOn: '2026-03-18' },
        ],
      }),
      calendar,
    );
    expect(d.reply).toEqual(official('2026-04-10'));
  });

  it.each([
    [20, '2026-11-26'],
    [10, '2026-11-12'],
    [1, '2026-10-30'],
  ])('extends once by %i WD (Art. 33 ¶2) to %s', (days, due) => {
    const d = deriveDeadlines(facts('2026-09-24', { extension: { days } }), calendar);
    expect(d.reply).toEqual(official(due));
    expect(d.latestReply).toEqual(d.reply);
  });

  it('gives 20 WD to pay a fee and pauses the reply clock only when the notice says so', () => {
    const fee = { servedOn: '2026-10-09', paidOn: '2026-10-16' };
    const paused = deriveDeadlines(facts('2026-09-24', { fee: { ...fee, pausesClock: true } }), calendar);
    expect(paused.feePayment).toEqual(official('2026-11-05'));
    expect(paused.reply).toEqual(official('2026-11-06')); // (10-09, 10-16] holds 6 WD, Saturday 10-10 among them
    const running = deriveDeadlines(facts('2026-09-24', { fee: { ...fee, pausesClock: false } }), calendar);
    expect(running.reply).toEqual(official('2026-10-29'));
    const unpaid = deriveDeadlines(
      facts('2026-09-24', { fee: { ...fee, paidOn: null, pausesClock: true } }),
      calendar,
    );
    expect(unpaid.pausedSince).toBe('2026-10-09');
  });

  it('marks due dates in a year without a schedule as provisional, and only those', () => {
    const d = deriveDeadlines(facts('2026-12-10'), calendar);
    expect(d.correctionNotice).toEqual(official('2026-12-21'));
    expect(d.reply).toEqual({ date: '2027-01-08', provisional: true });
    const pausedInto2027 = deriveDeadlines(
      facts('2026-11-20', {
        consultations: [{ kind: 'third_party', sentOn: '2026-11-23', endedOn: '2026-12-14' }],
      }),
      calendar,
    );
    expect(pausedInto2027.reply?.provisional).toBe(true);
  });
});

describe('dueStatus', () => {
  it.each([
    ['2026-10-21', 'on_track', 6],
    ['2026-10-22', 'due_soon', 5],
    ['2026-10-29', 'due_soon', 0],
    ['2026-10-30', 'overdue', -1],
    ['2026-11-02', 'overdue', -2],
  ] as const)('due 2026-10-29, today %s → %s, %i WD left', (today, status, left) => {
    expect(dueStatus('2026-10-29', today, calendar)).toEqual({
      status,
      workingDaysLeft: left,
      provisional: false,
    });
  });

  it('takes the due-soon threshold as a setting', () => {
    expect(dueStatus('2026-10-29', '2026-10-21', calendar, 6).status).toBe('due_soon');
    expect(dueStatus('2026-10-29', '2026-10-22', calendar, 4).status).toBe('on_track');
  });

  it('is what the list query computes from the two bounds, for every pair of days over half a year', () => {
    for (let today = '2026-01-01'; today <= '2026-06-30'; today = addDays(today, 1)) {
      const bounds = dueStatusBounds(today, calendar);
      for (let k = -10; k <= 30; k++) {
        const due = addDays(today, k);
        const result = dueStatus(due, today, calendar);
        const byCount = due < today ? 'overdue' : result.workingDaysLeft <= 5 ? 'due_soon' : 'on_track';
        const byBounds =
          due < bounds.overdueBefore ? 'overdue' : due < bounds.dueSoonBefore ? 'due_soon' : 'on_track';
        expect(result.status, `${today} → ${due}`).toBe(byCount);
        expect(byBounds).toBe(byCount);
      }
    }
  });
});
