import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/index.ts';
import { publicationDue, timeliness, workingDaysToPublish } from './lateness.ts';

const calendar = bundledCalendar();

describe('条例 Art. 26: publication within 20 working days of formation or change', () => {
  it.each([
    // across National Day 2025 (10-01–10-08 off; Sunday 09-28 and Saturday 10-11 are working days)
    ['2025-09-26', '2025-10-30'],
    // across Spring Festival 2026 (02-15–02-23 off; Saturdays 02-14 and 02-28 are working days)
    ['2026-02-06', '2026-03-12'],
    // an ordinary month: four weeks
    ['2025-03-03', '2025-03-31'],
    // across the year boundary (元旦 2026: 01-01–01-03 off; Sunday 01-04 is a working day: 12 WD in 2025, 8 in 2026)
    ['2025-12-15', '2026-01-13'],
  ])('formed %s → due %s', (formed, due) => {
    expect(publicationDue(calendar, formed)).toEqual({ date: due, provisional: false });
  });

  it('flags an item published after the deadline, not one published on it', () => {
    const due = publicationDue(calendar, '2025-09-26').date;
    expect(timeliness(due, '2025-10-30', '2025-11-20')).toBe('on_time');
    expect(timeliness(due, '2025-10-31', '2025-11-20')).toBe('late');
    expect(workingDaysToPublish(calendar, '2025-09-26', '2025-10-31')).toBe(21);
  });

  it('derives overdue for unpublished items from today', () => {
    expect(timeliness('2026-03-12', null, '2026-03-12')).toBe('pending');
    expect(timeliness('2026-03-12', null, '2026-03-13')).toBe('overdue');
    expect(timeliness(null, null, '2026-03-13')).toBe('unknown');
  });

  it('marks a deadline in a year without an official schedule as provisional', () => {
    expect(publicationDue(calendar, '2027-03-01').provisional).toBe(true);
  });
});
