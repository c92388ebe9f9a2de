import type { Principal } from '../../domain/access/principal.ts';
import { hasRole } from '../../domain/access/principal.ts';
import { dueStatusBounds } from '../../domain/application/due-status.ts';
import { AppError } from '../../domain/errors.ts';
import type { Reminder, ReminderKind } from '../../domain/reminders/index.ts';
import { REMINDER_KINDS, REMINDER_LABEL, remindersFor, sortReminders } from '../../domain/reminders/index.ts';
import { casesNeedingReminders } from '../../persistence/repositories/reminder.repository.ts';
import { workingCalendar } from '../calendar.service.ts';
import type { ServiceContext } from '../context.ts';
import { todayInChina } from '../context.ts';

/**
 * 待办提醒 in the console (issue 12 point 4): the reminders of the signed-in staff member — the cases assigned to
 * them (承办人) and, for a 负责人 or 登记员 (who assign work), the cases not assigned yet — most urgent first, with
 * the counts by kind. The daily e-mail (daily-reminders.job.ts) sends the same list.
 */
export interface ReminderView {
  today: string;
  reminders: (Reminder & { unassigned: boolean })[];
  counts: Record<ReminderKind, number>;
  labels: Record<ReminderKind, string>;
}

/** Whether a person receives the reminders of unassigned cases: those who assign work. */
export const receivesUnassigned = (roles: readonly string[]) =>
  roles.includes('head') || roles.includes('registrar');

export async function agencyReminders(ctx: ServiceContext, agencyId: number | undefined) {
  const calendar = await workingCalendar(ctx);
  const today = todayInChina(ctx);
  const bounds = dueStatusBounds(today, calendar);
  const cases = await casesNeedingReminders(
    ctx.database.db,
    { dueSoonBefore: bounds.dueSoonBefore, today },
    agencyId,
  );
  return { today, calendar, cases, reminders: cases.flatMap((c) => remindersFor(c, bounds, today)) };
}

export async function myReminders(ctx: ServiceContext, actor: Principal): Promise<ReminderView> {
  if (actor.kind !== 'staff') throw new AppError('unauthenticated', '请先登录');
  if (!hasRole(actor, 'registrar', 'handler', 'reviewer', 'head', 'admin'))
    throw new AppError('forbidden', '待办提醒只供办理申请的工作人员查看');
  const { today, reminders } = await agencyReminders(ctx, actor.agencyId);
  const unassignedToo = receivesUnassigned(actor.roles);
  const mine = sortReminders(
    reminders.filter((r) => r.assigneeId === actor.userId || (r.assigneeId === null && unassignedToo)),
  ).map((r) => ({ ...r, unassigned: r.assigneeId === null }));
  const counts = Object.fromEntries(
    REMINDER_KINDS.map((k) => [k, mine.filter((r) => r.kind === k).length]),
  ) as Record<ReminderKind, number>;
  return { today, reminders: mine, counts, labels: REMINDER_LABEL };
}
