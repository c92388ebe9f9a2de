import { randomUUID } from 'node:crypto';
import { todayInChina } from '../context.ts';
import type { Mailer } from '../mail/mailer.ts';
import { deliverOutbox } from '../mail/outbox.service.ts';
import { runDailyReminders } from '../reminders/daily-reminders.job.ts';
import { schedule } from './scheduler.ts';

/**
 * The daily reminders and the outbox (issue 12 point 4) as scheduled jobs (issue 15 point 2): the scheduler's
 * lease lets one process try them each minute. `daily-reminders` runs the day's reminders from `reminderHour`
 * China time — the day's run is still claimed in the database with the messages it queues (job_runs), so even
 * two runs of the job could not write a day twice — and remembers the day done, so the rest of the day's
 * minutes cost nothing. `mail-outbox` sends what the outbox holds when SMTP is configured (each message is
 * leased in the outbox). The server declares both at start, with what they need from the configuration.
 */
export const DAILY_REMINDERS_SCHEDULE = 'daily-reminders';
export const MAIL_OUTBOX_SCHEDULE = 'mail-outbox';

export interface MailAndRemindersOptions {
  mailer: Mailer | null;
  reminderHour: number;
  consoleUrl: string;
  /** how often each is tried (default 1 minute) */
  interval?: number | string;
  log?: (message: string) => void;
}

export function scheduleMailAndReminders(options: MailAndRemindersOptions): { close(): void } {
  const worker = `${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = options.log ?? (() => undefined);
  const interval = options.interval ?? '1 minute';
  schedule(DAILY_REMINDERS_SCHEDULE, interval, async (ctx, { previous }) => {
    const today = todayInChina(ctx);
    const chinaHour = new Date(ctx.now().getTime() + 8 * 3600_000).getUTCHours();
    // the day is done (run here or elsewhere, or not a working day): nothing to do until tomorrow
    if (chinaHour < options.reminderHour || previous === today) return;
    const run = await runDailyReminders(ctx, { worker, consoleUrl: options.consoleUrl });
    if (run.ran) log(`待办提醒：${run.day} 共 ${run.people} 人，已排入发送 ${run.queued} 封`);
    return run.day;
  });
  if (options.mailer) {
    const mailer = options.mailer;
    schedule(MAIL_OUTBOX_SCHEDULE, interval, async (ctx) => {
      const sent = await deliverOutbox(ctx, mailer, { worker });
      if (sent.sent + sent.failed + sent.retry > 0)
        log(`邮件：发送 ${sent.sent} 封，稍后重试 ${sent.retry} 封，失败 ${sent.failed} 封`);
    });
  }
  return { close: () => options.mailer?.close() };
}
