import { reminderDigest, reminderIsFor } from '../../domain/reminders/index.ts';
import { listAgencies } from '../../persistence/repositories/agency.repository.ts';
import { claimJobRun, enqueueMail, finishJobRun } from '../../persistence/repositories/mail.repository.ts';
import { listUsers } from '../../persistence/repositories/user.repository.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';
import { agencyReminders } from './reminders.service.ts';

/**
 * The daily reminder e-mail (issue 12 point 4): once a day, one message per person with reminders — the cases
 * assigned to them, the unassigned ones for those who assign work, the 会签 of their department — written to the outbox (delivered by
 * outbox.service.ts). The day's run is claimed by inserting its `job_runs` row in the same transaction as the
 * messages: of several processes starting it, exactly one writes them; if it fails, nothing is claimed and the
 * next attempt runs. Staff without an e-mail address see the same list in the console only.
 */
export const DAILY_REMINDERS_JOB = 'daily_reminders';

export type DailyRunResult =
  | { ran: false; reason: 'claimed' | 'not_working_day'; day: string }
  | { ran: true; day: string; people: number; queued: number; reminders: number; withoutEmail: number };

export async function runDailyReminders(
  ctx: ServiceContext,
  options: { worker: string; consoleUrl: string },
): Promise<DailyRunResult> {
  const { today, calendar, reminders } = await agencyReminders(ctx, undefined);
  const run = { job: DAILY_REMINDERS_JOB, runKey: today, claimedBy: options.worker };
  if (!calendar.isWorkingDay(today)) return { ran: false, reason: 'not_working_day', day: today };
  const agencies = new Map((await listAgencies(ctx.database.db)).map((a) => [a.id, a]));
  return inTransaction(ctx, async (trx, record) => {
    if (!(await claimJobRun(trx, run, nowIso(ctx)))) return { ran: false, reason: 'claimed', day: today };
    let people = 0;
    let queued = 0;
    let withoutEmail = 0;
    const byAgency = new Map<number, typeof reminders>();
    for (const c of reminders) {
      const list = byAgency.get(c.agencyId) ?? [];
      list.push(c);
      byAgency.set(c.agencyId, list);
    }
    for (const [agencyId, list] of byAgency) {
      const agency = agencies.get(agencyId);
      const users = (await listUsers(trx, agencyId)).filter((u) => !u.disabled);
      for (const user of users) {
        const mine = list.filter((r) => reminderIsFor(r, user));
        if (mine.length === 0) continue;
        people++;
        if (!user.email) {
          withoutEmail++;
          continue;
        }
        const digest = reminderDigest(
          {
            name: user.displayName,
            agencyName: agency?.name ?? '',
            today,
            consoleUrl: options.consoleUrl,
          },
          mine,
        );
        const id = await enqueueMail(
          trx,
          {
            agencyId,
            toUserId: user.id,
            toAddress: user.email,
            subject: digest.subject,
            body: digest.body,
            kind: 'daily_reminder',
            dedupeKey: `daily_reminder:${today}:user:${user.id}`,
          },
          nowIso(ctx),
        );
        if (id !== null) queued++;
      }
    }
    const result = { people, queued, reminders: reminders.length, withoutEmail };
    await finishJobRun(trx, run, nowIso(ctx), result);
    await record({
      agencyId: null,
      entityType: 'job',
      entityId: `${DAILY_REMINDERS_JOB}:${today}`,
      action: 'run',
      actor: 'system',
      data: { ...result, worker: options.worker },
    });
    return { ran: true, day: today, ...result };
  });
}
