import { describe, expect, it } from 'vitest';
import type { DeadlineAgency } from './deadline.ts';
import { supervisedDeadline } from './deadline.ts';
import { checkSupervisionSettings, supervisionSettingsOf } from './settings.ts';
import { collectionTimeliness } from './timeliness.ts';

const agency = (kind: DeadlineAgency['kind'], settings: Record<string, unknown> = {}): DeadlineAgency => ({
  id: 9,
  name: '某局',
  kind,
  settings,
});
const city: DeadlineAgency = {
  id: 1,
  name: '某市人民政府',
  kind: 'government',
  settings: { supervision: { departmentDue: '01-15', governmentDue: '03-10' } },
};
const district: DeadlineAgency = {
  id: 2,
  name: '某区人民政府',
  kind: 'government',
  settings: { supervision: { departmentDue: '01-20' } },
};

describe('the deadline a supervisor collects by', () => {
  it('is 31 January for departments and 31 March for a 本级人民政府 without internal dates', () => {
    expect(supervisedDeadline(2025, agency('department'), [])).toMatchObject({
      dueOn: '2026-01-31',
      local: false,
      source: { kind: 'statutory' },
    });
    expect(supervisedDeadline(2025, agency('government'), []).dueOn).toBe('2026-03-31');
    expect(supervisedDeadline(2025, agency('office'), []).dueOn).toBe('2026-01-31');
  });

  it('takes the earliest internal date of any supervisor above, by kind, or the agency’s own', () => {
    expect(supervisedDeadline(2025, agency('department'), [district, city])).toMatchObject({
      dueOn: '2026-01-15',
      local: true,
      source: { kind: 'supervisor', agencyId: 1, agencyName: '某市人民政府' },
    });
    expect(supervisedDeadline(2025, agency('department'), [district])).toMatchObject({
      dueOn: '2026-01-20',
      source: { kind: 'supervisor', agencyId: 2 },
    });
    expect(supervisedDeadline(2025, agency('government'), [district, city]).dueOn).toBe('2026-03-10');
    expect(supervisedDeadline(2025, agency('department', { reportDueDate: '01-10' }), [city])).toMatchObject({
      dueOn: '2026-01-10',
      source: { kind: 'own' },
    });
  });

  it('never moves a date later than the law', () => {
    const late = { ...city, settings: { supervision: { departmentDue: '02-20' } } };
    expect(supervisedDeadline(2025, agency('department'), [late]).dueOn).toBe('2026-01-31');
    expect(() => checkSupervisionSettings({ departmentDue: '02-01' })).toThrow(/法定期限/);
    expect(() => checkSupervisionSettings({ governmentDue: '02-30' })).toThrow(/月-日/);
    expect(checkSupervisionSettings({ governmentDue: '03-31', jumpFactor: 4 })).toMatchObject({
      governmentDue: '03-31',
      jumpFactor: 4,
      jumpMinimum: 20,
    });
    expect(supervisionSettingsOf({ supervision: { jumpFactor: 0.5, departmentDue: 'x' } })).toMatchObject({
      jumpFactor: 3,
      departmentDue: null,
    });
  });
});

describe('whether a report arrived in time', () => {
  const due = supervisedDeadline(2025, agency('department'), []);
  it.each([
    ['draft on 31 January', 'draft', null, null, '2026-01-31', 'due_today'],
    ['draft on 1 February', 'draft', null, null, '2026-02-01', 'overdue'],
    ['submitted on 31 January', 'submitted', '2026-01-31', null, '2026-02-05', 'on_time'],
    ['submitted on 1 February', 'cleared', '2026-02-01', null, '2026-02-05', 'late'],
    [
      'returned after an early submission, now past due',
      'returned',
      '2026-01-10',
      null,
      '2026-02-02',
      'overdue',
    ],
    ['published without submission (top level)', 'published', null, '2026-01-30', '2026-03-01', 'on_time'],
  ] as const)('%s → %s', (_, status, submitted, published, today, state) => {
    expect(collectionTimeliness(due, today, status, submitted, published).state).toBe(state);
  });
  it('counts the days late and left', () => {
    expect(collectionTimeliness(due, '2026-02-10', 'submitted', '2026-02-03', null)).toMatchObject({
      daysLate: 3,
      label: '逾期报送',
      arrivedOn: '2026-02-03',
    });
    expect(collectionTimeliness(due, '2026-01-21', 'not_started', null, null)).toMatchObject({
      daysLeft: 10,
      label: '未到期',
    });
  });
});
