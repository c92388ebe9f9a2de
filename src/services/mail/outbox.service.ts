import { randomUUID } from 'node:crypto';
import type { OutboxMail } from '../../persistence/repositories/mail.repository.ts';
import { claimMail, deliverableMail, markMail } from '../../persistence/repositories/mail.repository.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';
import type { Mailer } from './mailer.ts';

/**
 * Delivery from the outbox (issue 12 point 4): each pending message is leased by one process (`claimMail`), sent
 * over SMTP, and marked sent — or, when the server refuses or cannot be reached, tried again later with a longer
 * wait, and given up as failed after MAX_ATTEMPTS. Every outcome is an event in the same transaction as the
 * row's new status. Several processes may deliver at once: a message is sent by the one holding its lease.
 */
export const MAX_ATTEMPTS = 5;
const LEASE_MS = 5 * 60_000;
/** minutes before attempt n + 1 */
const BACKOFF_MINUTES = [1, 5, 30, 120];

export interface DeliveryResult {
  sent: number;
  failed: number;
  retry: number;
}

const later = (ctx: ServiceContext, ms: number) => new Date(ctx.now().getTime() + ms).toISOString();

async function deliverOne(ctx: ServiceContext, mailer: Mailer, mail: OutboxMail, worker: string) {
  const attempts = mail.attempts + 1;
  try {
    const { messageId } = await mailer.send({ to: mail.toAddress, subject: mail.subject, text: mail.body });
    await inTransaction(ctx, async (trx, record) => {
      await markMail(trx, mail.id, {
        status: 'sent',
        attempts,
        lastError: null,
        sentAt: nowIso(ctx),
        claimedUntil: null,
      });
      await record({
        agencyId: mail.agencyId,
        entityType: 'mail',
        entityId: mail.id,
        action: 'mail_sent',
        actor: 'system',
        data: { kind: mail.kind, toUserId: mail.toUserId, attempts, messageId, worker },
      });
    });
    return 'sent' as const;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const failed = attempts >= MAX_ATTEMPTS;
    await inTransaction(ctx, async (trx, record) => {
      await markMail(trx, mail.id, {
        status: failed ? 'failed' : 'pending',
        attempts,
        lastError: message,
        sentAt: null,
        claimedUntil: failed ? null : later(ctx, (BACKOFF_MINUTES[attempts - 1] ?? 120) * 60_000),
      });
      await record({
        agencyId: mail.agencyId,
        entityType: 'mail',
        entityId: mail.id,
        action: failed ? 'mail_failed' : 'mail_retry',
        actor: 'system',
        data: { kind: mail.kind, toUserId: mail.toUserId, attempts, error: message, worker },
      });
    });
    return failed ? ('failed' as const) : ('retry' as const);
  }
}

export async function deliverOutbox(
  ctx: ServiceContext,
  mailer: Mailer,
  options: { limit?: number; worker?: string } = {},
): Promise<DeliveryResult> {
  const worker = options.worker ?? randomUUID();
  const result: DeliveryResult = { sent: 0, failed: 0, retry: 0 };
  const now = nowIso(ctx);
  for (const mail of await deliverableMail(ctx.database.db, now, options.limit ?? 50)) {
    if (!(await claimMail(ctx.database.db, mail.id, now, later(ctx, LEASE_MS)))) continue;
    result[await deliverOne(ctx, mailer, mail, worker)]++;
  }
  return result;
}
