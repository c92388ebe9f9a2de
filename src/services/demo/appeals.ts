import type { AppealInput, AppealKind, DecidedResult } from '../../domain/appeals/index.ts';
import type { LocalDate, WorkingCalendar } from '../../domain/calendar/index.ts';
import { addDays } from '../../domain/calendar/index.ts';
import { recordAppeal, updateAppeal } from '../appeals/appeals.service.ts';
import type { ServiceContext } from '../context.ts';
import type { RoleStaff } from './agencies.ts';
import type { ApplicationPlan } from './applications.ts';
import type { Random } from './random.ts';
import type { Script } from './steps.ts';

/**
 * 行政复议 and 行政诉讼 over the demo agency's replies: a few reconsiderations a year of 不予公开 / 部分公开 /
 * 信息不存在 replies (mostly upheld, one corrected), a suit after reconsideration, a direct suit — each recorded on
 * the day it was filed and decided on the day it was decided, so those decided after today are still pending
 * and carry into next year's table 四.
 */
const CONTESTED = new Set([
  'partially_granted',
  'denied_third_party',
  'denied_process_info',
  'denied_internal_affairs',
  'unable_not_held',
  'unable_needs_creation',
]);

interface CaseSpec {
  plan: ApplicationPlan | null;
  kind: AppealKind;
  body: string;
  /** 案号 from its filing year's serial, given on the day it is filed (so numbers follow filing order) */
  caseNumber: (filedOn: LocalDate) => string;
  filedOn: LocalDate;
  decidedOn: LocalDate;
  result: DecidedResult;
}

function scheduleCase(script: Script, staff: RoleStaff, spec: CaseSpec): void {
  let caseNumber = '';
  const input = (decided: boolean): AppealInput => ({
    applicationId: spec.plan?.id ?? null,
    kind: spec.kind,
    body: spec.body,
    caseNumber,
    filedOn: spec.filedOn,
    decidedOn: decided ? spec.decidedOn : null,
    result: decided ? spec.result : null,
    note: spec.plan
      ? '申请人不服本机关政府信息公开答复'
      : '申请人不服本机关政府信息公开答复（申请在本系统启用前办理）',
  });
  let id = 0;
  script.add(spec.filedOn, async (ctx: ServiceContext) => {
    caseNumber = spec.caseNumber(spec.filedOn);
    id = (await recordAppeal(ctx, staff.handler, input(false))).id;
  });
  script.add(spec.decidedOn, async (ctx: ServiceContext) => {
    await updateAppeal(ctx, staff.head, id, input(true));
  });
}

export function scheduleAppeals(
  script: Script,
  random: Random,
  calendar: WorkingCalendar,
  staff: RoleStaff,
  plans: readonly ApplicationPlan[],
  years: { first: number; last: number },
): number {
  const on = (date: LocalDate, days: number) => calendar.workingDayOnOrAfter(addDays(date, days)).date;
  let count = 0;
  const serials = new Map<string, number>();
  const serial = (series: string, date: LocalDate) => {
    const key = `${series}${date.slice(0, 4)}`;
    serials.set(key, (serials.get(key) ?? 0) + 1);
    return serials.get(key)!;
  };
  const reconsideration = (date: LocalDate) => `某区府复〔${date.slice(0, 4)}〕${serial('复', date)}号`;
  const suit = (date: LocalDate) => `（${date.slice(0, 4)}）某0102行初${40 + serial('诉', date)}号`;
  // one case from before the register: filed late in the first year, decided in the next
  scheduleCase(script, staff, {
    plan: null,
    kind: 'reconsideration',
    body: '某市某区人民政府',
    caseNumber: reconsideration,
    filedOn: on(`${years.first}-11-20`, 0),
    decidedOn: on(`${years.first + 1}-02-10`, 0),
    result: 'upheld',
  });
  count++;
  for (let year = years.first + 1; year <= years.last; year++) {
    const contested = random.shuffle(
      plans.filter(
        (p) =>
          p.repliedOn?.startsWith(`${year}-`) && p.path.kind === 'decision' && CONTESTED.has(p.path.outcome),
      ),
    );
    const results: DecidedResult[] = ['upheld', 'corrected', 'upheld'];
    for (const [i, plan] of contested.slice(0, 3).entries()) {
      const filedOn = on(plan.repliedOn!, random.int(20, 45));
      const decidedOn = on(filedOn, random.int(50, 70));
      scheduleCase(script, staff, {
        plan,
        kind: 'reconsideration',
        body: '某市某区人民政府',
        caseNumber: reconsideration,
        filedOn,
        decidedOn,
        result: results[i]!,
      });
      count++;
      if (i === 0) {
        const suedOn = on(decidedOn, 12);
        scheduleCase(script, staff, {
          plan,
          kind: 'litigation_after_reconsideration',
          body: '某市某区人民法院',
          caseNumber: suit,
          filedOn: suedOn,
          decidedOn: on(suedOn, random.int(90, 120)),
          result: 'upheld',
        });
        count++;
      }
    }
    const direct = contested[3];
    if (direct) {
      const filedOn = on(direct.repliedOn!, random.int(60, 90));
      scheduleCase(script, staff, {
        plan: direct,
        kind: 'litigation_direct',
        body: '某市某区人民法院',
        caseNumber: suit,
        filedOn,
        decidedOn: on(filedOn, random.int(100, 140)),
        result: 'other',
      });
      count++;
    }
  }
  return count;
}
