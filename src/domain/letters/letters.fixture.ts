import type { Action } from '../application/actions.ts';
import type { Application } from '../application/application.ts';
import { applyAction } from '../application/apply-action.ts';
import type { Outcome, ReplyType } from '../application/decisions.ts';
import { perPageFee } from '../application/fees.ts';
import { OUTCOME_RULES, OUTCOMES, outcomeShortLabel } from '../application/decisions.ts';
import { context, must, registered, registrationInput, served } from '../application/lifecycle.fixture.ts';
import { registerApplication } from '../application/register.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import { addDays } from '../calendar/local-date.ts';
import type { LetterAgency, LetterInput } from './input.ts';

/** Test support for letters (not imported by production code): agencies, applications in every outcome. */

export const DEPARTMENT: LetterAgency = {
  name: '某市某区卫生健康局',
  kind: 'department',
  address: '某市某区健康路1号',
  phone: '010-12345678',
  reconsiderationBodyName: '某市某区人民政府',
  letterhead: '某市某区卫生健康局',
};
export const VERTICAL: LetterAgency = {
  name: '国家税务总局某市某区税务局',
  kind: 'vertical',
  reconsiderationBodyName: '国家税务总局某市税务局',
};
export const DISTRICT_GOVERNMENT: LetterAgency = {
  name: '某市某区人民政府',
  kind: 'government',
  reconsiderationBodyName: '某市人民政府',
};
export const PROVINCE: LetterAgency = {
  name: '某省人民政府',
  kind: 'government',
  provincial: true,
  reconsiderationBodyName: '某省人民政府',
};

export function letterInput(application: Application, over: Partial<LetterInput> = {}): LetterInput {
  return {
    agency: DEPARTMENT,
    number: '某卫依申〔2026〕12号',
    date: '2026-10-20',
    applicant: { name: '张三', type: 'natural', address: '某市某区幸福路2号', contactPerson: null },
    trackingCode: 'GK2026-000123',
    application,
    provision: {
      publishedAt: '本机关门户网站“政府信息公开”专栏（http://www.example.gov.cn/xxgk/）',
      specialRoute: '请向某市不动产登记中心申请查询不动产登记资料。',
      otherChannel: '请通过某市某区信访局提出。',
      previousReply: '本机关已于2026年8月3日以某卫依申〔2026〕5号告知书作出答复。',
      howToObtain: '请于2026年10月27日前到本机关政务服务窗口领取。',
    },
    ...over,
  };
}

/** Runs actions in turn, each on its date. */
export function run(a: Application, steps: readonly [LocalDate, Action][]): Application {
  return steps.reduce(
    (app, [today, action]) => must(applyAction(app, action, context(today))).application,
    a,
  );
}

/** Every outcome with each of its reply types (null for the outcomes without). */
export interface ReplyCase {
  outcome: Outcome;
  replyType: ReplyType | null;
}
export const REPLY_CASES: readonly ReplyCase[] = OUTCOMES.flatMap((outcome): ReplyCase[] => {
  const types = OUTCOME_RULES[outcome].replyTypes;
  return types.length > 0
    ? types.map((replyType) => ({ outcome, replyType }))
    : [{ outcome, replyType: null }];
});

const EXEMPTION: Partial<Record<Outcome, string>> = {
  partially_granted: '第二页所载个人身份信息属于个人隐私，依据条例第十五条不予公开',
  denied_state_secret: '经定密机关确定为秘密级国家秘密，《中华人民共和国保守国家秘密法》第二条',
  denied_inquiry_matter: '不动产登记资料，《不动产登记暂行条例》第二十七条',
};

/** An application received 2026-09-24 and closed with this outcome the way the register would close it. */
export function closedWith(outcome: Outcome, replyType: ReplyType | null, withdrawn = false): Application {
  const a = registered('2026-09-24');
  const rule = OUTCOME_RULES[outcome];
  if (outcome === 'other_no_correction') {
    const asked = served(
      run(a, [
        [
          '2026-09-25',
          { type: 'request_correction', points: ['请写明所需信息的名称或文号'], periodDays: 10 },
        ],
      ]),
    );
    return run(asked, [
      [addDays(asked.deadlines.correctionResponse!.date, 1), { type: 'deem_abandoned_no_correction' }],
    ]);
  }
  if (outcome === 'other_no_fee') {
    const noticed = served(
      run(a, [
        ['2026-09-25', { type: 'accept' }],
        ['2026-09-28', { type: 'issue_fee_notice', assessment: perPageFee(150) }],
      ]),
    );
    return run(noticed, [
      [addDays(noticed.deadlines.feePayment!.date, 1), { type: 'deem_abandoned_no_fee' }],
    ]);
  }
  if (outcome === 'other_other' && replyType === null && withdrawn)
    return run(a, [['2026-09-30', { type: 'withdraw', reason: '申请人书面撤回' }]]);
  const before: [LocalDate, Action][] =
    outcome === 'unable_still_unclear'
      ? [
          ['2026-09-25', { type: 'request_correction', points: ['请写明所需信息的名称'], periodDays: 10 }],
          ['2026-09-30', { type: 'receive_correction', receivedOn: '2026-09-30' }],
        ]
      : outcome === 'denied_third_party'
        ? [
            ['2026-09-25', { type: 'accept' }],
            ['2026-09-28', { type: 'start_consultation', kind: 'third_party', party: '某科技有限公司' }],
            ['2026-10-09', { type: 'end_consultation' }],
          ]
        : outcome === 'not_handled_massive'
          ? [
              [
                '2026-09-25',
                { type: 'request_reasons', points: '请说明短期内大量提出申请的理由', periodDays: 5 },
              ],
              ['2026-09-30', { type: 'receive_reasons', receivedOn: '2026-09-30', reasons: '用于研究' }],
            ]
          : [['2026-09-25', { type: 'accept' }]];
  return run(a, [
    ...before,
    [
      '2026-10-12',
      {
        type: 'submit_decision',
        decision: {
          outcome,
          replyType,
          exemption: rule.exemptionRequired
            ? (EXEMPTION[outcome] ?? '《中华人民共和国政府信息公开条例》的相应规定')
            : null,
          reasons: outcome === 'granted' ? null : `${outcomeShortLabel(outcome)}的具体理由`,
          responsibleAgency:
            replyType === 'not_responsible' ? '某市自然资源局（联系电话：010-87654321）' : null,
        },
      },
    ],
    ['2026-10-14', { type: 'review_decision' }],
    ['2026-10-14', { type: 'approve_decision' }],
    ['2026-10-20', { type: 'send_reply' }],
  ]);
}

/** A registered application of an organisation with two items (for the kinds other than reply). */
export function organisationApplication(receivedOn: LocalDate = '2026-09-24'): Application {
  const input = {
    ...registrationInput(receivedOn),
    applicantType: 'commercial' as const,
    items: [
      { description: '某区2025年度医疗机构校验结果', documentNumber: null },
      { description: '关于某医院设置审批的批复', documentNumber: '某卫审〔2025〕8号' },
    ],
  };
  return must(registerApplication(input, context(receivedOn))).application;
}
