import { describe, expect, it } from 'vitest';
import type { Role } from '../access/roles.ts';
import { ROLES } from '../access/roles.ts';
import { AppError } from '../errors.ts';
import type { Action } from './actions.ts';
import { applyAction, availableActions } from './apply-action.ts';
import {
  act,
  actorWith,
  context,
  EVERY_ROLE,
  inState,
  must,
  prepared,
  registered,
  served,
  registrationInput,
  samplePayload,
  sampleToday,
} from './lifecycle.fixture.ts';
import { registerApplication } from './register.ts';
import { APPLICATION_STATES, STATE_LABEL } from './states.ts';
import { TransitionError } from './transition-error.ts';
import { TRANSITIONS } from './transitions.ts';

const refusal = (result: ReturnType<typeof applyAction>) => {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

describe('the transition table', () => {
  const cases = TRANSITIONS.flatMap((t) =>
    t.from.map((from) => [t.action, from, t.to, t.roles[0]!] as const),
  );

  it.each(cases)('%s: %s → %s, by %s', (action, from, to, role) => {
    const before = prepared(action, inState(from));
    const result = must(
      applyAction(
        before,
        samplePayload(action, before),
        context(sampleToday(action, before), actorWith(role)),
      ),
    );
    const next = to === 'same' ? from : to;
    expect(result.application.state).toBe(next);
    expect(result.event).toMatchObject({
      action,
      actor: `user:${role}`,
      actorRoles: [role],
      before: { state: from },
      after: { state: next },
    });
  });

  it('refuses every action the table does not allow in a state, in Chinese', () => {
    let refused = 0;
    for (const state of APPLICATION_STATES)
      for (const t of TRANSITIONS.filter((t) => !t.from.includes(state))) {
        const a = inState(state);
        const error = refusal(applyAction(a, samplePayload(t.action, a), context(sampleToday(t.action, a))));
        expect(error.kind).toBe('illegal_action');
        expect(error.code).toBe('invalid_state');
        expect(error.message).toContain(`申请处于“${STATE_LABEL[state]}”状态，不能`);
        refused++;
      }
    expect(refused).toBeGreaterThan(100);
  });

  it('refuses actors without a role the transition names', () => {
    for (const t of TRANSITIONS)
      for (const role of ROLES.filter((r) => !t.roles.includes(r))) {
        const a = inState(t.from[0]!);
        const error = refusal(
          applyAction(a, samplePayload(t.action, a), context(sampleToday(t.action, a), actorWith(role))),
        );
        expect(error).toBeInstanceOf(TransitionError);
        expect(error).toBeInstanceOf(AppError);
        expect([error.kind, error.code]).toEqual(['role', 'forbidden']);
        expect(error.message).toMatch(/须由.+办理$/);
      }
  });

  it('lets only the head of the OGI office (负责人) extend', () => {
    const extend = TRANSITIONS.find((t) => t.action === 'extend')!;
    expect(extend.roles).toEqual(['head']);
    const a = inState('in_progress');
    const error = refusal(
      applyAction(a, samplePayload('extend', a), context('2026-09-25', actorWith('handler'))),
    );
    expect(error.message).toBe('批准延长答复期限须由负责人办理');
  });

  it('lets registrars and handlers register, no one else', () => {
    for (const role of ROLES) {
      const result = registerApplication(
        registrationInput('2026-09-24'),
        context('2026-09-24', actorWith(role)),
      );
      expect(result.ok).toBe(role === 'registrar' || role === 'handler');
    }
  });
});

describe('preconditions', () => {
  const at = (a: ReturnType<typeof registered>, action: Action, today: string, roles: Role[] = [...ROLES]) =>
    applyAction(a, action, context(today, { id: 'user:9', roles }));

  it('allows one 补正 notice only (一次性告知, Art. 30)', () => {
    const corrected = act(act(registered(), 'request_correction'), 'receive_correction');
    const error = refusal(at(corrected, samplePayload('request_correction', corrected), '2026-09-28'));
    expect([error.kind, error.message]).toEqual([
      'precondition',
      '补正只能告知一次，且应一次性告知全部需要补正的事项（条例第三十条）',
    ]);
  });

  it('deems an application abandoned only after the correction period (Art. 30)', () => {
    const waiting = served(act(registered(), 'request_correction')); // 10 WD from 2026-09-24 → 2026-10-15
    expect(waiting.deadlines.correctionResponse?.date).toBe('2026-10-15');
    const early = refusal(at(waiting, { type: 'deem_abandoned_no_correction' }, '2026-10-15'));
    expect(early.message).toBe('补正期限（2026-10-15）尚未届满，不能视为放弃申请');
    const done = must(at(waiting, { type: 'deem_abandoned_no_correction' }, '2026-10-16')).application;
    // closed on the day the period ran out, not the day it was recorded
    expect([done.state, done.outcome, done.closedOn]).toEqual([
      'abandoned',
      'other_no_correction',
      '2026-10-15',
    ]);
  });

  it('extends once, and only before the reply is due (Art. 33 ¶2)', () => {
    const a = inState('in_progress'); // reply due 2026-10-29
    const late = refusal(at(a, { type: 'extend', days: 5, reason: '档案调取' }, '2026-10-30'));
    expect(late.message).toBe('答复期限（2026-10-29）已届满，不能再延长');
    const extended = must(at(a, { type: 'extend', days: 5, reason: '档案调取' }, '2026-10-29'));
    expect(extended.application.deadlines.reply?.date).toBe('2026-11-05');
    expect(extended.application.extension).toEqual({
      days: 5,
      reason: '档案调取',
      approvedOn: '2026-10-29',
      approvedBy: 'user:9',
      requestedBy: 'user:9',
      requestedOn: '2026-10-29',
    });
    const again = refusal(
      at(extended.application, { type: 'extend', days: 5, reason: '再延' }, '2026-10-30'),
    );
    expect(again.message).toBe('答复期限只能延长一次（条例第三十三条第二款）');
  });

  it('charges a fee once, and deems abandoned only after the payment period', () => {
    const pending = served(inState('fee_pending')); // served 2026-09-24 → pay by 2026-10-29
    expect(pending.deadlines.feePayment?.date).toBe('2026-10-29');
    expect(refusal(at(pending, { type: 'deem_abandoned_no_fee' }, '2026-10-29')).kind).toBe('precondition');
    const abandoned = must(at(pending, { type: 'deem_abandoned_no_fee' }, '2026-10-30')).application;
    expect([abandoned.outcome, abandoned.closedOn]).toEqual(['other_no_fee', '2026-10-29']);
    const paid = act(pending, 'record_payment');
    const error = refusal(at(paid, samplePayload('issue_fee_notice', paid), '2026-09-25'));
    expect(error.message).toBe('本申请已发出过收费通知');
  });

  it('allows “补正后申请内容仍不明确” only after a correction was received', () => {
    const decision = {
      outcome: 'unable_still_unclear',
      replyType: null,
      exemption: null,
      reasons: '仍无法确定',
      responsibleAgency: null,
    } as const;
    const plain = inState('in_progress');
    expect(refusal(at(plain, { type: 'submit_decision', decision }, '2026-09-25')).kind).toBe('precondition');
    const corrected = act(act(registered(), 'request_correction'), 'receive_correction');
    expect(must(at(corrected, { type: 'submit_decision', decision }, '2026-09-25')).application.state).toBe(
      'under_review',
    );
  });

  it('refuses an action dated before the last recorded one', () => {
    const error = refusal(at(registered('2026-09-24'), { type: 'accept' }, '2026-09-23'));
    expect([error.kind, error.field, error.message]).toEqual([
      'precondition',
      'today',
      '办理日期（2026-09-23）早于本申请最近一次办理的日期（2026-09-24）',
    ]);
  });
});

describe('input checks name the field', () => {
  const a = inState('in_progress');
  it.each([
    [
      { type: 'extend', days: 21, reason: '档案' },
      'days',
      '延长的期限应为 1–20 个工作日（条例第三十三条第二款）',
    ],
    [{ type: 'extend', days: 5, reason: ' ' }, 'reason', '须写明延长答复期限的理由'],
    [
      { type: 'request_correction', points: [], periodDays: 10 },
      'points',
      '须一次性列明需要补正的全部事项（条例第三十条），且每一项不能为空白',
    ],
    [
      { type: 'start_consultation', kind: 'third_party', party: '' },
      'party',
      '须写明征求意见的第三方或行政机关',
    ],
    [
      {
        type: 'submit_decision',
        decision: {
          outcome: 'denied_state_secret',
          replyType: 'withheld',
          exemption: null,
          reasons: '涉密',
          responsibleAgency: null,
        },
      },
      'decision.exemption',
      '“（三）不予公开 1.属于国家秘密”须写明不予公开所依据的具体情形和法律依据',
    ],
    [
      {
        type: 'submit_decision',
        decision: {
          outcome: 'other_no_fee',
          replyType: null,
          exemption: null,
          reasons: '未缴费',
          responsibleAgency: null,
        },
      },
      'decision.outcome',
      '“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”不是答复决定，应在期限届满后以“视为放弃申请”办结',
    ],
  ] as [Action, string, string][])('%o', (action, field, message) => {
    const error = refusal(applyAction(a, action, context('2026-09-25')));
    expect([error.kind, error.code, error.field, error.message]).toEqual([
      'input',
      'validation',
      field,
      message,
    ]);
  });

  it('registration lists every problem', () => {
    const result = registerApplication(
      {
        applicantType: 'company' as never,
        receipt: { channel: 'mail', mailKind: 'registered', confirmedOn: '2026-09-24' },
        items: [{ description: ' ', documentNumber: null }],
        form: 'electronic',
        delivery: 'pigeon' as never,
      },
      context('2026-09-24'),
    );
    if (result.ok) throw new Error('expected a refusal');
    expect((result.error.details as { field: string }[]).map((p) => p.field)).toEqual([
      'applicantType',
      'receipt.signedForOn',
      'items.0.description',
      'delivery',
    ]);
  });
});

describe('a whole lifecycle over real dates', () => {
  it('registers, corrects, consults, extends, replies and archives, recording every due-date change', () => {
    const head = actorWith('head');
    const r = must(registerApplication(registrationInput('2026-09-24'), context('2026-09-24')));
    expect(r.event.dueDateChanges.map((c) => [c.due, c.from, c.to, c.reason, c.article])).toEqual([
      ['correction_notice', null, '2026-10-12', 'registered', '条例第三十条'],
      ['reply', null, '2026-10-29', 'registered', '条例第三十三条第二款'],
    ]);
    const steps: [Action, string, typeof EVERY_ROLE][] = [
      [{ type: 'request_correction', points: ['请写明文号'], periodDays: 10 }, '2026-09-28', EVERY_ROLE],
      [
        {
          type: 'record_service',
          letter: 0,
          service: { method: 'in_person', servedOn: '2026-09-28', proof: '送达回证' },
        },
        '2026-09-28',
        EVERY_ROLE,
      ],
      [{ type: 'receive_correction', receivedOn: '2026-10-09' }, '2026-10-09', EVERY_ROLE],
      [{ type: 'start_consultation', kind: 'third_party', party: '某公司' }, '2026-10-13', EVERY_ROLE],
      [{ type: 'end_consultation' }, '2026-10-20', EVERY_ROLE],
      [{ type: 'extend', days: 10, reason: '需要调取档案' }, '2026-11-02', head],
      [samplePayload('submit_decision', r.application), '2026-11-16', EVERY_ROLE],
      [{ type: 'review_decision', opinion: '拟同意' }, '2026-11-17', actorWith('reviewer')],
      [{ type: 'approve_decision' }, '2026-11-17', head],
      [{ type: 'send_reply' }, '2026-11-30', EVERY_ROLE],
      [{ type: 'archive' }, '2026-12-01', EVERY_ROLE],
    ];
    let a = r.application;
    const changes: unknown[] = [];
    const warnings: string[] = [];
    for (const [action, today, actor] of steps) {
      const step = must(applyAction(a, action, context(today, actor)));
      a = step.application;
      changes.push(...step.event.dueDateChanges.map((c) => [c.due, c.from, c.to, c.reason, c.article]));
      warnings.push(...step.event.warnings);
    }
    expect(changes).toEqual([
      ['reply', '2026-10-29', null, 'correction_requested', '条例第三十条'],
      ['correction_response', null, '2026-10-16', 'letter_served', '条例第三十条'],
      ['reply', null, '2026-11-05', 'correction_received', '条例第三十条'],
      // the pause is fixed at the party's 15 WD until it answers
      ['reply', '2026-11-05', '2026-11-26', 'consultation_started', '条例第三十三条第二款'],
      ['consultation', null, '2026-11-03', 'consultation_started', '条例第三十二条'],
      ['reply', '2026-11-26', '2026-11-12', 'consultation_ended', '条例第三十三条第三款'],
      ['consultation', '2026-11-03', null, 'consultation_ended', '条例第三十二条'],
      ['reply', '2026-11-12', '2026-11-26', 'extended', '条例第三十三条第二款'],
    ]);
    expect(warnings).toEqual(['答复晚于答复期限 2026-11-26（条例第三十三条）']);
    expect([a.state, a.outcome, a.closedOn, a.archivedOn]).toEqual([
      'archived',
      'granted',
      '2026-11-30',
      '2026-12-01',
    ]);
    expect(a.decision).toMatchObject({
      draftedOn: '2026-11-16',
      approvedOn: '2026-11-17',
      approvedBy: 'user:head',
      reviewedBy: 'user:reviewer',
      reviewOpinion: '拟同意',
    });
  });

  it('lists the actions available to an actor', () => {
    const a = inState('in_progress');
    expect(availableActions(a, actorWith('handler'), '2026-09-25')).toEqual([
      'request_correction',
      'start_consultation',
      'request_reasons',
      'request_extension',
      'issue_fee_notice',
      'submit_decision',
      'withdraw',
    ]);
    expect(availableActions(a, actorWith('head'), '2026-09-25')).toEqual(['extend']);
    expect(availableActions(a, actorWith('head'), '2026-10-30')).toEqual([]);
    expect(availableActions(a, actorWith('admin'), '2026-09-25')).toEqual([]);
  });
});

describe('sign-off with separation of duties (issue 12 point 3)', () => {
  const handler = actorWith('handler');
  const reviewer = actorWith('reviewer');
  const head = actorWith('head');
  const drafted = () =>
    must(
      applyAction(
        inState('in_progress'),
        samplePayload('submit_decision', inState('in_progress')),
        context('2026-09-28', handler),
      ),
    ).application;

  it('goes 起草 → 审核 → 签发, each step recording who and the opinion', () => {
    const reviewed = must(
      applyAction(
        drafted(),
        { type: 'review_decision', opinion: '拟同意公开' },
        context('2026-09-29', reviewer),
      ),
    ).application;
    expect(reviewed.state).toBe('reviewed');
    expect(
      refusal(applyAction(reviewed, { type: 'approve_decision' }, context('2026-09-29', reviewer))).message,
    ).toBe('签发答复意见须由负责人办理');
    const signed = must(
      applyAction(reviewed, { type: 'approve_decision' }, context('2026-09-30', head)),
    ).application;
    expect(signed.state).toBe('approved');
    expect(signed.decision).toMatchObject({
      draftedBy: 'user:handler',
      reviewedBy: 'user:reviewer',
      reviewedOn: '2026-09-29',
      reviewOpinion: '拟同意公开',
      approvedBy: 'user:head',
      approvedOn: '2026-09-30',
      approvalOpinion: '同意',
      selfSignOff: false,
    });
  });

  it("refuses a review or sign-off of one's own draft, unless the agency allows it — and then records it", () => {
    const both: typeof handler = { id: 'user:7', roles: ['handler', 'reviewer', 'head'] };
    const own = must(
      applyAction(
        inState('in_progress'),
        samplePayload('submit_decision', inState('in_progress')),
        context('2026-09-28', both, {}),
      ),
    ).application;
    const refused = refusal(applyAction(own, { type: 'review_decision' }, context('2026-09-28', both, {})));
    expect(refused.message).toContain('不能审核本人起草的答复意见（职责分离）');
    const allowed = { allowSelfSignOff: true };
    const reviewed = must(
      applyAction(own, { type: 'review_decision' }, context('2026-09-28', both, allowed)),
    ).application;
    const signed = must(
      applyAction(reviewed, { type: 'approve_decision' }, context('2026-09-28', both, allowed)),
    ).application;
    expect(signed.decision).toMatchObject({ approvedBy: 'user:7', selfSignOff: true });
    // reviewed by another, signed by the drafter: still refused without the setting
    const byOther = must(
      applyAction(own, { type: 'review_decision' }, context('2026-09-28', reviewer)),
    ).application;
    expect(
      refusal(applyAction(byOther, { type: 'approve_decision' }, context('2026-09-28', both, {}))).message,
    ).toContain('不能签发本人起草的答复意见');
  });

  it('takes the extension as a request that only the head approves, before the reply period ends', () => {
    const a = inState('in_progress'); // reply due 2026-10-29
    const asked = must(
      applyAction(
        a,
        { type: 'request_extension', days: 10, reason: '需要调取档案' },
        context('2026-10-20', handler),
      ),
    ).application;
    expect(asked.extensionRequest).toEqual({
      days: 10,
      reason: '需要调取档案',
      requestedBy: 'user:handler',
      requestedOn: '2026-10-20',
    });
    expect(asked.deadlines.reply?.date).toBe('2026-10-29');
    expect(
      refusal(
        applyAction(
          asked,
          { type: 'extend', days: 10, reason: '需要调取档案' },
          context('2026-10-21', handler),
        ),
      ).message,
    ).toBe('批准延长答复期限须由负责人办理');
    expect(
      refusal(
        applyAction(asked, { type: 'extend', days: 10, reason: '需要调取档案' }, context('2026-10-30', head)),
      ).message,
    ).toBe('答复期限（2026-10-29）已届满，不能再延长');
    const extended = must(
      applyAction(asked, { type: 'extend', days: 10, reason: '需要调取档案' }, context('2026-10-22', head)),
    ).application;
    expect(extended.extension).toMatchObject({
      approvedBy: 'user:head',
      requestedBy: 'user:handler',
      requestedOn: '2026-10-20',
    });
    expect(extended.extensionRequest).toBeNull();
    expect(extended.deadlines.reply?.date).toBe('2026-11-12');
  });
});
