import { describe, expect, it } from 'vitest';
import { deadlineStatus, reportDeadline } from './deadline.ts';

describe('report deadline (条例第四十九条)', () => {
  it('is 31 January for a department and 31 March for a 本级人民政府, of the next year', () => {
    expect(reportDeadline(2025, 'department')).toEqual({
      dueOn: '2026-01-31',
      article: '条例第四十九条第一款',
      local: false,
    });
    expect(reportDeadline(2025, 'government').dueOn).toBe('2026-03-31');
    expect(reportDeadline(2025, 'vertical').dueOn).toBe('2026-01-31');
  });
  it('takes an earlier local date, never a later one', () => {
    expect(reportDeadline(2025, 'department', '01-20')).toMatchObject({ dueOn: '2026-01-20', local: true });
    expect(reportDeadline(2025, 'department', '02-15')).toMatchObject({ dueOn: '2026-01-31', local: false });
    expect(reportDeadline(2025, 'department', 'bad')).toMatchObject({ dueOn: '2026-01-31', local: false });
  });
  it.each([
    ['2026-01-10', null, 'open', 21, null],
    ['2026-01-31', null, 'due_today', 0, null],
    ['2026-02-03', null, 'overdue', -3, null],
    ['2026-02-03', '2026-01-30', 'on_time', null, 0],
    ['2026-02-10', '2026-02-02', 'late', null, 2],
  ] as const)('on %s, published %s: %s', (today, publishedOn, state, daysLeft, daysLate) => {
    expect(deadlineStatus(reportDeadline(2025, 'department'), today, publishedOn)).toMatchObject({
      state,
      daysLeft,
      daysLate,
    });
  });
  it('crosses the 31 January / 31 March boundary by kind', () => {
    expect(deadlineStatus(reportDeadline(2025, 'department'), '2026-02-01', null).state).toBe('overdue');
    expect(deadlineStatus(reportDeadline(2025, 'government'), '2026-02-01', null)).toMatchObject({
      state: 'open',
      daysLeft: 58,
    });
  });
});
