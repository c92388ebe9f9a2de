import type { LocalDate, WorkingCalendar } from '../../domain/calendar/index.ts';
import { answerCosignOf, cosignsOfApplication, openCosigns } from '../applications/cosigns.ts';
import type { RoleStaff, Staff } from './agencies.ts';
import type { ApplicationPlan } from './applications.ts';
import type { Script } from './steps.ts';

/** The demo bureau's departments (科室), to whom handlers open 内部会签 (issue 12 point 2). */
export const DEMO_DEPARTMENTS = ['办公室', '法规科', '医政医管科', '疾病预防控制科', '财务科'] as const;

const QUESTIONS = [
  '申请公开的信息是否涉及商业秘密或个人隐私，请提出是否公开的意见',
  '请核实本科室是否制作或保存申请所指的政府信息，并提出意见',
  '申请公开的信息是否已经主动公开，请提供公开的位置',
] as const;

const OPINIONS = [
  '经核查，所申请信息不涉及商业秘密和个人隐私，同意公开',
  '本科室保存有该信息，已将电子版交承办人，建议予以公开',
  '所申请信息中的个人身份信息应作区分处理后公开',
  '本科室未制作该信息，建议按信息不存在答复',
] as const;

/**
 * 内部会签 in the demo: every twelfth decided application of the bureau asks one or two departments on the day
 * work starts, each for 3–5 working days; 法规科 and 医政医管科 answer through their own members, 财务科 (no account)
 * by phone, recorded by the handler — all before the decision is drafted, some after the due date. Every
 * application left open gets a 会签 to 办公室 (the demo login's department) nobody has answered yet, so the
 * reminders have pending and overdue ones. No random draws: the
 * rest of the demo is unchanged by it.
 */
export function scheduleCosigns(
  script: Script,
  calendar: WorkingCalendar,
  staff: RoleStaff,
  members: { legal: Staff; medical: Staff },
  plans: readonly ApplicationPlan[],
): number {
  const wd = (date: LocalDate, n: number) => calendar.addWorkingDays(date, n).date;
  let count = 0;
  plans.forEach((p, i) => {
    if (p.path.kind !== 'decision' || p.path.outcome === 'not_handled_massive' || p.workingFrom === null)
      return;
    const start = p.workingFrom;
    const open = p.decidedOn === null;
    if (!open && i % 12 !== 0) return;
    if (!open && calendar.workingDaysBetween(start, p.decidedOn!).days < 2) return;
    const k = count++;
    const departments = open
      ? (['办公室'] as const)
      : k % 2 === 0
        ? (['法规科', '财务科'] as const)
        : (['医政医管科'] as const);
    const days = 3 + (k % 3);
    script.add(start, async (ctx) => {
      await openCosigns(ctx, staff.handler, p.id!, {
        question: QUESTIONS[k % QUESTIONS.length]!,
        departments: departments.map((department) => ({ department, workingDays: days })),
      });
    });
    if (open) return;
    const span = calendar.workingDaysBetween(start, p.decidedOn!).days;
    const answerOn = wd(start, Math.min(span, 1 + (k % (days + 2))));
    script.add(answerOn, async (ctx) => {
      const list = await cosignsOfApplication(ctx, staff.handler, p.id!);
      for (const c of list.cosigns) {
        const opinion = OPINIONS[(k + c.id) % OPINIONS.length]!;
        if (c.department === '法规科') await answerCosignOf(ctx, members.legal, p.id!, c.id, { opinion });
        else if (c.department === '医政医管科')
          await answerCosignOf(ctx, members.medical, p.id!, c.id, { opinion });
        else
          await answerCosignOf(ctx, staff.handler, p.id!, c.id, {
            opinion: '无意见',
            answererName: `${c.department} 赵会计（电话答复）`,
          });
      }
    });
  });
  return count;
}
