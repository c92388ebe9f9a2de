import type { Channel, MailKind } from '../domain/application/index.ts';
import { deriveDeadlines, receiptDate, receiptRule } from '../domain/application/index.ts';
import type { WorkingCalendar } from '../domain/calendar/index.ts';

/**
 * The deadlines of an application received on a date by a channel, before anything else happened: the Art. 31
 * date of receipt, the 补正 notice due date (7 WD), the reply due date (20 WD) and the latest date with the one
 * extension (+20 WD), each marked provisional when it depends on a year without a published schedule.
 */
export function deadlineSummary(
  calendar: WorkingCalendar,
  received: string,
  channel: Channel,
  mailKind: MailKind | null,
) {
  const rule = receiptRule(channel, mailKind);
  const receipt = receiptDate({ channel, mailKind, [rule.field]: received });
  const d = deriveDeadlines(
    { receivedOn: receipt.date, correction: null, consultations: [], extension: null, fee: null },
    calendar,
  );
  const reply = d.reply!;
  const latest = d.latestReply!;
  return {
    receivedOn: receipt.date,
    channel,
    rule: receipt.rule,
    article: receipt.article,
    correctionNotice: d.correctionNotice,
    reply,
    latestReply: latest,
    provisional: [d.correctionNotice, reply, latest].some((x) => x.provisional),
  };
}
