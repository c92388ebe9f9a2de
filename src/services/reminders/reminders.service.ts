import type { Principal } from '../../domain/access/principal.ts';
import { hasRole } from '../../domain/access/principal.ts';
import { dueStatusBounds } from '../../domain/application/due-status.ts';
import { AppError } from '../../domain/errors.ts';
import type { Reminder, ReminderKind } from '../../domain/reminders/index.ts';
import { CLOSED_STATES } from '../../domain/application/states.ts';
import {
  cosignRemindersFor,
  REMINDER_KINDS,
  REMINDER_LABEL,
  reminderIsFor,
  remindersFor,
  sortReminders,
} from '../../domain/reminders/index.ts';
import { openCosigns } from '../../persistence/repositories/cosign.repository.ts';
import { casesNeedingReminders } from '../../persistence/repositories/reminder.repository.ts';
import { findUser } from '../../persistence/repositories/user.repository.ts';
import { workingCalendar } from '../calendar.service.ts';
import type { ServiceContext } from '../context.ts';
import { todayInChina } from '../context.ts';

/**
 * 待办提醒 in the console (issue 12 point 4): the reminders of the signed-in staff member — the cases assigned to
 * them (承办人) and, for a 负责人 or 登记员 (who assign work), the cases not assigned yet, and the 会签 addressed
 * to their department (issue 12 point 2) — most urgent first, with the counts by kind. The daily e-mail
 * (daily-reminders.job.ts) sends the same list (the audience is the domain's reminderIsFor).
 */
export interface ReminderView {
  today: string;
  reminders: (Reminder & { unassigned: boolean })[];
  /** the person's department (科室), whose 会签 they are reminded of */
  department: string | null;
  counts: Record<ReminderKind, number>;
  labels: Record<ReminderKind, string>;
}

export async function agencyReminders(ctx: ServiceContext, agencyId: number | undefined) {
  const calendar = await workingCalendar(ctx);
  const today = todayInChina(ctx);
  const bounds = dueStatusBounds(today, calendar);
  const cases = await casesNeedingReminders(
    ctx.database.db,
    { dueSoonBefore: bounds.dueSoonBefore, today },
    agencyId,
  );
  const cosigns = await openCosigns(ctx.database.db, CLOSED_STATES, agencyId);
  return {
    today,
    calendar,
    cases,
    reminders: [
      ...cases.flatMap((c) => remindersFor(c, bounds, today)),
      ...cosigns.map((c) => cosignRemindersFor(c, today)),
    ],
  };
}

export async function myReminders(ctx: ServiceContext, actor: Principal): Promise<ReminderView> {
  if (actor.kind !== 'staff') throw new AppError('unauthenticated', '请先登录');
  if (!hasRole(actor, 'registrar', 'handler', 'reviewer', 'head', 'admin'))
    throw new AppError('forbidden', '待办提醒只供办理申请的工作人员查看');
  const { today, reminders } = await agencyReminders(ctx, actor.agencyId);
  const department = (await findUser(ctx.database.db, actor.userId))?.department ?? null;
  const person = { id: actor.userId, roles: actor.roles, department };
  const mine = sortReminders(reminders.filter((r) => reminderIsFor(r, person))).map((r) => ({
    ...r,
    unassigned: r.assigneeId === null,
  }));
  const counts = Object.fromEntries(
    REMINDER_KINDS.map((k) => [k, mine.filter((r) => r.kind === k).length]),
  ) as Record<ReminderKind, number>;
  return { today, reminders: mine, counts, labels: REMINDER_LABEL, department };
}
