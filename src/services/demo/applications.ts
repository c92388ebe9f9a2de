import type { ApplicantType, Channel, Decision, Outcome } from '../../domain/application/index.ts';
import { assignApplication } from '../applications/assignments.ts';
import { OUTCOME_RULES, OUTCOMES, perPageFee } from '../../domain/application/index.ts';
import type { LocalDate, WorkingCalendar } from '../../domain/calendar/index.ts';
import { addDays } from '../../domain/calendar/index.ts';
import type { ServiceContext } from '../context.ts';
import type { NewApplicationInput } from '../applications/intake.ts';
import { registerByStaff, submitOnline } from '../applications/intake.ts';
import { act as actOn } from '../applications/actions.ts';
import type { Action } from '../../domain/application/index.ts';
import type { Staff } from './agencies.ts';
import { demoLetter } from './letters.ts';
import type { RoleStaff } from './agencies.ts';
import { demoApplicant } from './people.ts';
import type { Random } from './random.ts';
import type { Script } from './steps.ts';

/**
 * A year of applications as staff would handle them: registered from every channel, some asked to 补正, some
 * sent to a third party, some extended by the head, a few charged a fee; every outcome of table 三 reached
 * (abandonment and withdrawal included); most replies on time, some late, a few still open and overdue.
 */
type Path =
  | { kind: 'decision'; outcome: Outcome }
  | { kind: 'abandon_correction' }
  | { kind: 'abandon_fee' }
  | { kind: 'withdraw' };

const DECIDED = OUTCOMES.filter((o) => OUTCOME_RULES[o].reachedBy === 'decision' && o !== 'other_other');
/** Every path once, then by weight. */
const EVERY_PATH: Path[] = [
  ...DECIDED.map((outcome): Path => ({ kind: 'decision', outcome })),
  { kind: 'abandon_correction' },
  { kind: 'abandon_fee' },
  { kind: 'withdraw' },
];
const WEIGHTS: (readonly [Outcome | 'abandon_correction' | 'abandon_fee' | 'withdraw', number])[] = [
  ['granted', 44],
  ['partially_granted', 8],
  ['denied_third_party', 2],
  ['denied_process_info', 2],
  ['denied_internal_affairs', 1],
  ['denied_enforcement_file', 1],
  ['denied_inquiry_matter', 1],
  ['unable_not_held', 15],
  ['unable_needs_creation', 4],
  ['not_handled_petition', 4],
  ['not_handled_repeat', 3],
  ['not_handled_publication', 1],
  ['not_handled_confirm', 1],
  ['abandon_correction', 3],
  ['withdraw', 2],
];

const EXEMPTION: Partial<Record<Outcome, string>> = {
  partially_granted: '部分内容涉及个人隐私，公开会对第三方合法权益造成损害（条例第十五条）',
  denied_state_secret: '属于国家秘密（条例第十四条）',
  denied_prohibited_by_law: '属于法律、行政法规禁止公开的信息（条例第十四条）',
  denied_three_safeties: '公开后可能危及社会稳定（条例第十四条）',
  denied_third_party: '涉及第三方商业秘密，第三方不同意公开（条例第十五条、第三十二条）',
  denied_internal_affairs: '属于人事管理、内部工作流程等内部事务信息（条例第十六条第一款）',
  denied_process_info: '属于讨论记录、过程稿等过程性信息（条例第十六条第二款）',
  denied_enforcement_file: '属于行政执法案卷信息（条例第十六条第二款）',
  denied_inquiry_matter: '医疗机构执业登记信息依照《医疗机构管理条例》规定的途径查询',
};
const REASON: Partial<Record<Outcome, string>> = {
  unable_not_held: '经检索，本机关未制作或获取该政府信息',
  unable_needs_creation: '所申请信息需要对现有信息进行加工、分析，本机关不负有另行制作的义务',
  unable_still_unclear: '补正后申请内容仍不明确，无法确定所指的政府信息',
  not_handled_petition: '申请内容属于投诉举报，已转相关科室依法处理',
  not_handled_repeat: '该申请与此前已答复的申请内容相同',
  not_handled_publication: '所申请信息已在公开出版的统计年鉴中刊载',
  not_handled_massive: '申请人短期内大量、反复提出申请且无正当理由',
  not_handled_confirm: '申请人要求确认已获取信息的真实性，不属于政府信息公开申请',
};

/**
 * An action with the letter it sends filled in as staff would; a letter to the applicant is then served the
 * same day as staff record it — in person, by registered post with its number, or by e-mail — so the demo's
 * cases carry service records and the periods run from them.
 */
/** What the demo's reviewer writes (审核意见). */
const REVIEW_OPINIONS = [
  '拟同意，答复依据充分',
  '拟同意，请核对送达地址',
  '同意承办人意见',
  '拟同意，已核对所附信息',
] as const;

async function act(ctx: ServiceContext, staff: Staff, id: number, action: Action, registrar?: Staff) {
  const view = await actOn(ctx, staff, id, action, undefined, demoLetter(action.type));
  const today = view.application.letters.at(-1)?.issuedOn;
  for (const [letter, l] of view.application.letters.entries()) {
    if (l.service !== null || l.kind === 'consultation' || !today) continue;
    const method = (['in_person', 'post', 'email'] as const)[id % 3]!;
    await actOn(ctx, registrar ?? staff, id, {
      type: 'record_service',
      letter,
      service: {
        method,
        servedOn: today,
        proof:
          method === 'in_person'
            ? '送达回证（申请人签收）'
            : method === 'post'
              ? '邮件查询页面显示本人签收'
              : '已发送的电子邮件',
        trackingNumber: method === 'post' ? `XA${String(100000000 + id * 37).slice(0, 9)}CN` : null,
      },
    });
  }
  return view;
}

function decisionFor(outcome: Outcome, random: Random): Decision {
  const rule = OUTCOME_RULES[outcome];
  const replyType = rule.replyTypes.length > 1 ? random.pick(rule.replyTypes) : (rule.replyTypes[0] ?? null);
  return {
    outcome,
    replyType,
    exemption: rule.exemptionRequired ? (EXEMPTION[outcome] ?? '依法不予公开') : null,
    reasons: outcome === 'granted' ? null : (REASON[outcome] ?? EXEMPTION[outcome] ?? '依法作出答复'),
    responsibleAgency: replyType === 'not_responsible' ? '某市某区市场监督管理局' : null,
  };
}

const TYPES: (readonly [ApplicantType, number])[] = [
  ['natural', 74],
  ['commercial', 10],
  ['research', 3],
  ['nonprofit', 2],
  ['legal', 7],
  ['other', 4],
];
const CHANNELS: (readonly [Channel, number])[] = [
  ['online', 45],
  ['in_person', 25],
  ['mail', 25],
  ['fax', 5],
];

export interface ApplicationPlan {
  receivedOn: LocalDate;
  path: Path;
  /** the day the reply is sent (closed), when it is a reply */
  repliedOn: LocalDate | null;
  /** the application's id once registered (appeals refer to it) */
  id: number | null;
  /** the day its reply period runs and work on it starts (accepted, or the 补正 received); null: never */
  workingFrom: LocalDate | null;
  /** the day the handler drafts the decision; null: never (withdrawn, abandoned, left open) */
  decidedOn: LocalDate | null;
}

export interface GenerateOptions {
  from: LocalDate;
  to: LocalDate;
  /** the expected applications per working day */
  rate: number;
  requests: readonly string[];
  /** left open and overdue: received this many working days or more before `today`, some never answered */
  today: LocalDate;
}

/** Plans the applications received between two dates and adds their steps to the script. */
export function scheduleApplications(
  script: Script,
  random: Random,
  calendar: WorkingCalendar,
  staff: RoleStaff,
  agencyId: number,
  options: GenerateOptions,
): ApplicationPlan[] {
  const plans: ApplicationPlan[] = [];
  const wd = (date: LocalDate, n: number) => calendar.addWorkingDays(date, n).date;
  const pending = random.shuffle(EVERY_PATH);
  for (let day = calendar.workingDayOnOrAfter(options.from).date; day <= options.to; day = wd(day, 1)) {
    const arrivals = (random.chance(options.rate % 1) ? 1 : 0) + Math.floor(options.rate);
    for (let n = 0; n < arrivals; n++) {
      const drawn = random.weighted(WEIGHTS);
      const path: Path =
        pending.shift() ??
        (drawn === 'abandon_correction' || drawn === 'abandon_fee' || drawn === 'withdraw'
          ? { kind: drawn }
          : { kind: 'decision', outcome: drawn });
      plans.push(plan(script, random, wd, staff, agencyId, day, path, options));
    }
  }
  return plans;
}

type Wd = (date: LocalDate, n: number) => LocalDate;

function plan(
  script: Script,
  random: Random,
  wd: Wd,
  staff: RoleStaff,
  agencyId: number,
  receivedOn: LocalDate,
  path: Path,
  options: GenerateOptions,
): ApplicationPlan {
  const p: ApplicationPlan = {
    receivedOn,
    path,
    repliedOn: null,
    id: null,
    workingFrom: null,
    decidedOn: null,
  };
  const type = random.weighted(TYPES);
  const channel = random.weighted(CHANNELS);
  const items = [{ description: random.pick(options.requests), documentNumber: null }];
  const applicant = demoApplicant(random, type);
  const form = random.pick(['electronic', 'paper'] as const);
  const delivery = channel === 'online' ? 'online' : random.pick(['email', 'post', 'pickup'] as const);
  script.add(receivedOn, async (ctx) => {
    if (channel === 'online') {
      p.id = (await submitOnline(ctx, agencyId, { applicant, items, form, delivery })).application.id;
      return;
    }
    const receipt: NewApplicationInput['receipt'] =
      channel === 'in_person'
        ? { channel, submittedOn: receivedOn }
        : channel === 'mail'
          ? { channel, mailKind: 'registered', signedForOn: receivedOn }
          : { channel, confirmedOn: receivedOn };
    p.id = (
      await registerByStaff(ctx, staff.registrar, { applicant, receipt, items, form, delivery })
    ).application.id;
  });
  const ctxStep = (on: LocalDate, run: (ctx: ServiceContext, id: number) => Promise<unknown>) =>
    script.add(on, async (ctx) => {
      await run(ctx, p.id!);
    });
  // 分办: the registrar gives each application to the handler on the day it arrives (issue 12 point 1)
  ctxStep(receivedOn, (ctx, id) =>
    assignApplication(ctx, staff.registrar, id, { assigneeId: staff.handler.userId }),
  );

  const needsCorrection =
    path.kind === 'abandon_correction' ||
    (path.kind === 'decision' && path.outcome === 'unable_still_unclear') ||
    random.chance(0.08);
  let cursor = receivedOn;
  if (needsCorrection) {
    cursor = wd(receivedOn, 2);
    const periodDays = 10;
    ctxStep(cursor, (ctx, id) =>
      act(
        ctx,
        staff.handler,
        id,
        {
          type: 'request_correction',
          points: ['请写明所需政府信息的名称、文号或者便于查询的其他特征性描述'],
          periodDays,
        },
        staff.registrar,
      ),
    );
    if (path.kind === 'abandon_correction') {
      ctxStep(wd(cursor, periodDays + 1), (ctx, id) =>
        act(ctx, staff.handler, id, { type: 'deem_abandoned_no_correction' }, staff.registrar),
      );
      return p;
    }
    cursor = wd(cursor, random.int(3, 8));
    const corrected = cursor;
    ctxStep(cursor, (ctx, id) =>
      act(ctx, staff.registrar, id, { type: 'receive_correction', receivedOn: corrected }),
    );
  } else {
    cursor = wd(receivedOn, 1);
    ctxStep(cursor, (ctx, id) => act(ctx, staff.handler, id, { type: 'accept' }));
  }
  p.workingFrom = cursor;
  if (path.kind === 'withdraw') {
    ctxStep(wd(cursor, 2), (ctx, id) =>
      act(ctx, staff.registrar, id, { type: 'withdraw', reason: '申请人书面申请撤回' }),
    );
    return p;
  }
  let elapsed = needsCorrection ? 0 : 1;
  if (
    path.kind === 'decision' &&
    (path.outcome === 'denied_third_party' || path.outcome === 'partially_granted' || random.chance(0.05))
  ) {
    cursor = wd(cursor, 2);
    elapsed += 2;
    ctxStep(cursor, (ctx, id) =>
      act(ctx, staff.handler, id, {
        type: 'start_consultation',
        kind: 'third_party',
        party: '某市康宁医药有限公司',
      }),
    );
    cursor = wd(cursor, random.int(5, 12));
    ctxStep(cursor, (ctx, id) => act(ctx, staff.handler, id, { type: 'end_consultation' }));
  }
  if (path.kind === 'abandon_fee' || random.chance(0.02)) {
    cursor = wd(cursor, 2);
    elapsed += 2;
    const assessment = perPageFee(random.int(60, 150));
    ctxStep(cursor, (ctx, id) =>
      act(ctx, staff.handler, id, { type: 'issue_fee_notice', assessment }, staff.registrar),
    );
    if (path.kind === 'abandon_fee') {
      ctxStep(wd(cursor, 21), (ctx, id) =>
        act(ctx, staff.handler, id, { type: 'deem_abandoned_no_fee' }, staff.registrar),
      );
      return p;
    }
    cursor = wd(cursor, random.int(3, 8));
    ctxStep(cursor, (ctx, id) => act(ctx, staff.registrar, id, { type: 'record_payment' }));
  }
  if (path.kind !== 'decision') return p;
  if (path.outcome === 'not_handled_massive') {
    // 条例第三十五条: reasons asked first, their answer recorded, then the refusal
    cursor = wd(cursor, 1);
    ctxStep(cursor, (ctx, id) =>
      act(
        ctx,
        staff.handler,
        id,
        { type: 'request_reasons', points: '请说明本月内提出大量内容相近申请的理由和用途', periodDays: 5 },
        staff.registrar,
      ),
    );
    cursor = wd(cursor, 3);
    const on = cursor;
    ctxStep(cursor, (ctx, id) =>
      act(ctx, staff.registrar, id, {
        type: 'receive_reasons',
        receivedOn: on,
        reasons: '申请人称用于“研究”，未说明具体用途',
      }),
    );
  }
  const stalled = receivedOn >= addDays(options.today, -90) && random.chance(0.12);
  if (stalled) return p; // left open: overdue once its reply date passes
  const extended = random.chance(0.1);
  let left = random.int(4, 16) - elapsed;
  if (extended) {
    // the handler asks, the head approves (条例第三十三条第二款; issue 12 point 3)
    cursor = wd(cursor, 1);
    ctxStep(cursor, (ctx, id) =>
      act(ctx, staff.handler, id, {
        type: 'request_extension',
        days: 15,
        reason: '所需信息涉及多个科室，需调取档案核实',
      }),
    );
    cursor = wd(cursor, 1);
    ctxStep(cursor, (ctx, id) =>
      act(
        ctx,
        staff.head,
        id,
        { type: 'extend', days: 15, reason: '所需信息涉及多个科室，需调取档案核实' },
        staff.registrar,
      ),
    );
    left = random.int(8, 20);
  } else if (random.chance(0.06)) left = random.int(22, 28) - elapsed; // answered late
  cursor = wd(cursor, Math.max(1, left));
  const decision = decisionFor(path.outcome, random);
  p.decidedOn = cursor;
  ctxStep(cursor, (ctx, id) => act(ctx, staff.handler, id, { type: 'submit_decision', decision }));
  cursor = wd(cursor, random.int(0, 1));
  // 审核 by the reviewer, 签发 by the head: never by the drafter (issue 12 point 3)
  ctxStep(cursor, (ctx, id) =>
    act(ctx, staff.reviewer, id, {
      type: 'review_decision',
      opinion: REVIEW_OPINIONS[id % REVIEW_OPINIONS.length]!,
    }),
  );
  ctxStep(cursor, (ctx, id) =>
    act(ctx, staff.head, id, { type: 'approve_decision', opinion: '同意，按拟办意见答复' }),
  );
  cursor = wd(cursor, 1);
  p.repliedOn = cursor;
  ctxStep(cursor, (ctx, id) => act(ctx, staff.registrar, id, { type: 'send_reply' }));
  if (random.chance(0.7))
    ctxStep(wd(cursor, random.int(5, 15)), (ctx, id) => act(ctx, staff.registrar, id, { type: 'archive' }));
  return p;
}
