import { describe, expect, it } from 'vitest';
import type { Role } from '../access/roles.ts';
import type { ReportStatus } from './status.ts';
import type { ReportAction, ReportActor, ReportFacts } from './transitions.ts';
import { decideReportAction, reportActionOptions } from './transitions.ts';

const own = (...roles: Role[]): ReportActor => ({ roles, relation: 'own' });
const above = (...roles: Role[]): ReportActor => ({ roles, relation: 'ancestor' });
const facts = (status: ReportStatus, over: Partial<ReportFacts> = {}): ReportFacts => ({
  status,
  hasSupervisor: true,
  blockingErrors: 0,
  comment: '请核对表三',
  reason: '更正表二行政处罚数字',
  ...over,
});
const decide = (action: ReportAction, actor: ReportActor, f: ReportFacts) => {
  const d = decideReportAction(action, actor, f);
  return d.ok ? (d.to ?? 'same') : d.error.code;
};

describe('annual report transitions', () => {
  it.each([
    ['start', own('handler'), facts('not_started'), 'draft'],
    ['start', own('registrar'), facts('not_started'), 'forbidden'],
    ['start', own('admin'), facts('draft'), 'invalid_state'],
    ['edit', own('head'), facts('returned'), 'same'],
    ['edit', own('handler'), facts('submitted'), 'invalid_state'],
    ['edit', above('supervisor'), facts('draft'), 'forbidden'],
    ['submit', own('head'), facts('draft'), 'submitted'],
    ['submit', own('head'), facts('returned'), 'submitted'],
    ['submit', own('handler'), facts('draft'), 'forbidden'],
    ['submit', own('head'), facts('draft', { blockingErrors: 2 }), 'invalid_state'],
    ['submit', own('head'), facts('draft', { hasSupervisor: false }), 'invalid_state'],
    ['recall', own('head'), facts('submitted'), 'draft'],
    ['recall', own('head'), facts('cleared'), 'invalid_state'],
    ['return', above('supervisor'), facts('submitted'), 'returned'],
    ['return', above('supervisor'), facts('cleared'), 'returned'],
    ['return', above('supervisor'), facts('submitted', { comment: '  ' }), 'validation'],
    ['return', own('supervisor'), facts('submitted'), 'forbidden'],
    ['return', above('head'), facts('submitted'), 'forbidden'],
    ['clear', above('supervisor'), facts('submitted'), 'cleared'],
    ['clear', above('supervisor'), facts('draft'), 'invalid_state'],
    ['clear', { roles: ['supervisor'], relation: 'other' } as ReportActor, facts('submitted'), 'forbidden'],
    ['publish', own('head'), facts('cleared'), 'published'],
    ['publish', own('head'), facts('draft'), 'invalid_state'],
    ['publish', own('head'), facts('draft', { hasSupervisor: false }), 'published'],
    ['publish', own('head'), facts('submitted'), 'invalid_state'],
    ['publish', own('admin'), facts('cleared'), 'forbidden'],
    ['publish', above('supervisor'), facts('cleared'), 'forbidden'],
    ['erratum', own('head'), facts('published'), 'published'],
    ['erratum', own('head'), facts('published', { reason: '' }), 'validation'],
    ['erratum', own('head'), facts('published', { blockingErrors: 1 }), 'invalid_state'],
    ['erratum', own('head'), facts('cleared'), 'invalid_state'],
  ] as const)('%s by %o from %o → %s', (action, actor, f, expected) => {
    expect(decide(action, actor, f)).toBe(expected);
  });

  it('offers each actor the buttons of their scope, with the reason a precondition fails', () => {
    const head = reportActionOptions(own('head', 'handler'), facts('draft', { blockingErrors: 3 }));
    expect(head.map((o) => o.action)).toEqual(['edit', 'submit', 'publish']);
    expect(head.find((o) => o.action === 'submit')).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('3 个错误'),
    });
    expect(head.find((o) => o.action === 'publish')).toMatchObject({ allowed: false });
    const supervisor = reportActionOptions(above('supervisor'), facts('submitted'));
    expect(supervisor.map((o) => [o.action, o.allowed])).toEqual([
      ['return', true],
      ['clear', true],
    ]);
    expect(reportActionOptions(above('supervisor'), facts('draft'))).toEqual([]);
  });
});
