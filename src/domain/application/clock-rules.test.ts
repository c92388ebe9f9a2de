import { describe, expect, it } from 'vitest';
import type { Action } from './actions.ts';
import type { Application } from './application.ts';
import { applyAction, availableActions } from './apply-action.ts';
import { clockPausedOn, deriveDeadlines } from './deadlines.ts';
import { act, calendar, context, EVERY_ROLE, must, registered, served } from './lifecycle.fixture.ts';
import { countedRows, summaryOf } from './table3.ts';
import { perPageFee } from './fees.ts';

/**
 * Issue 11, the clock: each rule of the legal review over real dates (2026 calendar; 清明 04-04–04-06).
 * Received 2026-03-02 → 补正 notice by 03-11, reply by 03-30.
 */
const at = (a: Application, today: string, action: Action) => applyAction(a, action, context(today));
const ok = (a: Application, today: string, action: Action) => must(at(a, today, action)).application;
const refusal = (a: Application, today: string, action: Action) => {
  const r = at(a, today, action);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};
const serve = (a: Application, letter: number, servedOn: string, today = servedOn) =>
  ok(a, today, {
    type: 'record_service',
    letter,
    service: { method: 'post', servedOn, proof: '邮件查询页面显示已签收', trackingNumber: 'XA123456789CN' },
  });

describe('1. consultation is capped at the party’s 15 WD (条例第三十二条、第三十三条第三款、第三十四条)', () => {
  const consulting = ok(act(registered('2026-03-02'), 'accept'), '2026-03-04', {
    type: 'start_consultation',
    kind: 'third_party',
    party: '某科技有限公司',
  });

  it('an unanswered consultation from 03-04 to 06-30 moves the reply date by 15 WD, not to 07-24', () => {
    const ended = ok(consulting, '2026-06-30', { type: 'end_consultation', answered: false });
    expect(ended.deadlines.reply).toEqual({ date: '2026-04-21', provisional: false });
  });

  it('counts the 15 WD from the party’s receipt of the letter when recorded', () => {
    const received = serve(consulting, 0, '2026-03-06');
    expect(received.deadlines.consultation?.date).toBe('2026-03-27');
    expect(received.deadlines.pausedUntil).toBe('2026-03-27');
  });

  it('runs the clock again after the 15 WD and tells the handler the agency decides (Art. 32)', () => {
    const d = consulting.deadlines;
    expect(d.consultation?.date).toBe('2026-03-25');
    expect(clockPausedOn(d, '2026-03-25')).toBe(true);
    expect(clockPausedOn(d, '2026-03-26')).toBe(false);
    const step = must(at(consulting, '2026-04-01', { type: 'end_consultation', answered: false }));
    expect(step.event.warnings).toEqual([
      '被征求意见方逾期（2026-03-25）未提出意见，由本机关依照条例的规定决定是否公开（条例第三十二条）',
    ]);
  });

  it('an answer before the 15 WD shortens the pause to the answer', () => {
    const ended = ok(consulting, '2026-03-13', { type: 'end_consultation', answeredOn: '2026-03-11' });
    expect(ended.deadlines.reply?.date).toBe('2026-04-07'); // 5 WD paused: (03-04, 03-11]; 清明 04-06
    expect(ended.consultations[0]).toMatchObject({ endedOn: '2026-03-11', answered: true });
  });
});

describe('2. periods the applicant must meet run from service, not from issue', () => {
  it('the 补正 period starts when the notice is served (待送达 until then)', () => {
    const asked = ok(registered('2026-03-02'), '2026-03-04', {
      type: 'request_correction',
      points: ['请写明文号'],
      periodDays: 10,
    });
    expect(asked.deadlines.correctionResponse).toBeNull();
    expect(asked.letters).toEqual([
      { kind: 'correction', issuedOn: '2026-03-04', consultation: null, service: null },
    ]);
    const servedOn = serve(asked, 0, '2026-03-09', '2026-03-10');
    expect(servedOn.correction?.servedOn).toBe('2026-03-09');
    expect(servedOn.deadlines.correctionResponse?.date).toBe('2026-03-23'); // 10 WD after 03-09, not 03-18
  });

  it('the fee is due 20 WD after the day the fee notice was received (国办函〔2020〕109号)', () => {
    const noticed = ok(act(registered('2026-03-02'), 'accept'), '2026-03-05', {
      type: 'issue_fee_notice',
      assessment: perPageFee(60),
    });
    expect(noticed.deadlines.feePayment).toBeNull();
    expect(noticed.deadlines.pausedSince).toBeNull(); // no pause before service
    const received = serve(noticed, 0, '2026-03-10');
    expect(received.deadlines.feePayment?.date).toBe('2026-04-08'); // from 03-10; 清明 04-06 skipped
    expect(received.deadlines.pausedSince).toBe('2026-03-10');
  });

  it('a letter is served once; the date cannot precede its issue or follow today', () => {
    const asked = ok(registered('2026-03-02'), '2026-03-04', {
      type: 'request_correction',
      points: ['请写明文号'],
      periodDays: 10,
    });
    const early = refusal(asked, '2026-03-05', {
      type: 'record_service',
      letter: 0,
      service: { method: 'in_person', servedOn: '2026-03-03', proof: '送达回证' },
    });
    expect([early.field, early.message]).toEqual([
      'service.servedOn',
      '送达日期不能早于文书发出之日（2026-03-04）',
    ]);
    const post = refusal(asked, '2026-03-05', {
      type: 'record_service',
      letter: 0,
      service: { method: 'post', servedOn: '2026-03-05', proof: '签收' },
    });
    expect(post.message).toBe('邮寄送达须填写邮件号（挂号信、EMS 等）');
    const once = serve(asked, 0, '2026-03-05');
    expect(
      refusal(once, '2026-03-06', {
        type: 'record_service',
        letter: 0,
        service: { method: 'in_person', servedOn: '2026-03-06', proof: '回证' },
      }).message,
    ).toBe('该文书已登记送达，或没有这份文书');
  });
});

describe('3. a 补正 notice past 7 WD is refused (条例第三十条)', () => {
  const a = registered('2026-03-02'); // notice by 03-11, reply by 03-30
  const late: Action = { type: 'request_correction', points: ['请写明文号'], periodDays: 10 };

  it('refuses it after 03-11, citing Art. 30', () => {
    const error = refusal(a, '2026-03-20', late);
    expect(error.kind).toBe('precondition');
    expect(error.message).toContain('补正告知期限（2026-03-11）已过：条例第三十条规定');
    expect(ok(a, '2026-03-11', late).state).toBe('correction_requested');
  });

  it('if the office insists, the reply period does not restart and the record says why', () => {
    const step = must(at(a, '2026-03-20', { ...late, lateReason: '申请人当面要求补充说明' }));
    expect(step.application.correction?.lateReason).toBe('申请人当面要求补充说明');
    expect(step.application.deadlines.reply?.date).toBe('2026-03-30');
    expect(step.event.warnings[0]).toContain(
      '理由：申请人当面要求补充说明；答复期限不重新计算，仍为 2026-03-30',
    );
    const corrected = ok(serve(step.application, 0, '2026-03-20'), '2026-04-02', {
      type: 'receive_correction',
      receivedOn: '2026-04-02',
    });
    expect(corrected.deadlines.reply?.date).toBe('2026-03-30'); // today's code: 2026-04-30
  });
});

describe('4. a fee notice only within the reply period (国办函〔2020〕109号)', () => {
  it('refuses a notice after the reply period ran out, which would re-open a passed deadline', () => {
    const a = act(registered('2026-03-02'), 'accept');
    const error = refusal(a, '2026-03-31', { type: 'issue_fee_notice', assessment: perPageFee(60) });
    expect(error.message).toContain('答复期限（2026-03-30）已届满：收费通知应当在答复期限内发出');
    expect(availableActions(a, EVERY_ROLE, '2026-03-31')).not.toContain('issue_fee_notice');
    expect(ok(a, '2026-03-30', { type: 'issue_fee_notice', assessment: perPageFee(60) }).state).toBe(
      'fee_pending',
    );
  });
});

describe('5. 条例第三十五条: reasons asked, then refusal or a set later date', () => {
  const asked = ok(registered('2026-03-02'), '2026-03-03', {
    type: 'request_reasons',
    points: '请说明一个月内提出40件申请的理由',
    periodDays: 5,
  });

  it('refuses 不予处理（五）4 until reasons were asked and came in or their period ran out', () => {
    const decision = {
      outcome: 'not_handled_massive',
      replyType: null,
      exemption: null,
      reasons: '理由不合理',
      responsibleAgency: null,
    } as const;
    const plain = act(registered('2026-03-02'), 'accept');
    expect(refusal(plain, '2026-03-04', { type: 'submit_decision', decision }).message).toContain(
      '须先要求申请人说明理由（条例第三十五条）',
    );
    expect(refusal(asked, '2026-03-04', { type: 'submit_decision', decision }).kind).toBe('precondition');
    const servedOn = serve(asked, 0, '2026-03-04');
    expect(servedOn.deadlines.reasonsResponse?.date).toBe('2026-03-11');
    expect(ok(servedOn, '2026-03-12', { type: 'submit_decision', decision }).state).toBe('under_review');
  });

  it('sets a later reply date when the reasons are reasonable, with its letter', () => {
    const reasons = ok(serve(asked, 0, '2026-03-04'), '2026-03-09', {
      type: 'receive_reasons',
      receivedOn: '2026-03-09',
      reasons: '撰写学位论文需要逐年数据',
    });
    const later = ok(reasons, '2026-03-10', {
      type: 'set_reasonable_deadline',
      dueOn: '2026-05-29',
      reason: '所涉档案需逐卷调取',
    });
    expect(later.deadlines.reply?.date).toBe('2026-05-29');
    expect(later.letters.map((l) => l.kind)).toEqual(['reasons', 'reasonable_deadline']);
    expect(
      refusal(reasons, '2026-03-10', { type: 'set_reasonable_deadline', dueOn: '2026-03-20', reason: 'x' })
        .message,
    ).toBe('确定的答复期限应晚于现在的答复期限（2026-03-30），否则无须另行确定');
  });
});

describe('6. an abandoned application closes on the day its period expired', () => {
  it('a December expiry recorded in January is closed in December and not carried forward', () => {
    const asked = ok(registered('2025-12-01'), '2025-12-02', {
      type: 'request_correction',
      points: ['请写明文号'],
      periodDays: 10,
    });
    const waiting = serve(asked, 0, '2025-12-16');
    expect(waiting.deadlines.correctionResponse?.date).toBe('2025-12-30');
    const abandoned = ok(waiting, '2026-01-08', { type: 'deem_abandoned_no_correction' });
    expect(abandoned.closedOn).toBe('2025-12-30');
    expect(countedRows(summaryOf(abandoned), 2025)).toEqual(['new_received', 'other_no_correction', 'total']);
    expect(countedRows(summaryOf(abandoned), 2026)).toEqual([]);
  });

  it('the same for an unpaid fee', () => {
    const noticed = served(
      ok(act(registered('2025-11-20'), 'accept'), '2025-11-27', {
        type: 'issue_fee_notice',
        assessment: perPageFee(60),
      }),
    );
    const due = noticed.deadlines.feePayment!.date;
    expect(due).toBe('2025-12-25');
    expect(ok(noticed, '2026-01-05', { type: 'deem_abandoned_no_fee' }).closedOn).toBe(due);
  });
});

describe('8. the remedies run from the reply’s service (行政复议法第二十条; 行政诉讼法第四十六条)', () => {
  it('60 days and 6 months from the day after service, a last day off work moved on', () => {
    const d = deriveDeadlines(
      {
        receivedOn: '2026-03-02',
        correction: null,
        consultations: [],
        extension: null,
        fee: null,
        letters: [{ kind: 'reply', service: { servedOn: '2026-08-02' }, reconsiderationFirst: false }],
      },
      calendar,
    );
    expect(d.reconsideration).toEqual({ date: '2026-10-08', provisional: false }); // 10-01 is 国庆: to 10-08
    expect(d.litigation).toEqual({ date: '2027-02-02', provisional: true }); // 2027: no schedule yet
  });
});
