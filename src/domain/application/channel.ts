import type { LocalDate } from '../calendar/local-date.ts';
import { isLocalDate } from '../calendar/local-date.ts';
import { validationError } from '../errors.ts';

/** How an application arrived (条例 Art. 29, 31). */
export const CHANNELS = ['in_person', 'mail', 'online', 'fax', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABEL: Record<Channel, string> = {
  in_person: '当面',
  mail: '邮寄',
  online: '网络',
  fax: '传真',
  other: '其他',
};

/** Art. 31(2) distinguishes post that must be signed for (挂号信、快递) from ordinary letters. */
export const MAIL_KINDS = ['registered', 'ordinary'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_KIND_LABEL: Record<MailKind, string> = {
  registered: '需签收的邮件（挂号信、快递等）',
  ordinary: '平常信函等无需签收的邮件',
};

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** The channel for a label ('当面' → 'in_person'), for the CLI and imports. */
export function channelFromLabel(label: string): Channel | null {
  return CHANNELS.find((c) => CHANNEL_LABEL[c] === label.trim()) ?? null;
}

/**
 * The facts from which Art. 31 fixes the date of receipt (收到申请之日): the dates as recorded at registration.
 * Which one counts depends on the channel (see {@link receiptRule}).
 */
export interface ReceiptFacts {
  channel: Channel;
  /** for `mail`; missing counts as registered */
  mailKind?: MailKind | null;
  /** the day the applicant handed in the application (当面) */
  submittedOn?: LocalDate | null;
  /** registered mail: the day the agency signed for it */
  signedForOn?: LocalDate | null;
  /** ordinary mail, 网络, 传真, 其他: the day the OGI body and the applicant confirmed receipt */
  confirmedOn?: LocalDate | null;
}

type DateField = 'submittedOn' | 'signedForOn' | 'confirmedOn';

export interface ReceiptRule {
  /** what the date of receipt is, in the words of Art. 31 */
  rule: string;
  /** '条例第三十一条第（一）项'; null for 其他 (no statutory rule; our practice) */
  article: string | null;
  /** the recorded date that is the date of receipt */
  field: DateField;
}

export function receiptRule(channel: Channel, mailKind: MailKind | null = null): ReceiptRule {
  switch (channel) {
    case 'in_person':
      return {
        rule: '当面提交的，以提交之日为收到申请之日',
        article: '条例第三十一条第（一）项',
        field: 'submittedOn',
      };
    case 'mail':
      return mailKind === 'ordinary'
        ? {
            rule: '以平常信函等无需签收的方式邮寄的，以政府信息公开工作机构与申请人确认之日为收到申请之日',
            article: '条例第三十一条第（二）项',
            field: 'confirmedOn',
          }
        : {
            rule: '邮寄提交的，以行政机关签收之日为收到申请之日',
            article: '条例第三十一条第（二）项',
            field: 'signedForOn',
          };
    case 'online':
      return {
        rule: '通过互联网渠道提交的，以双方确认之日为收到申请之日',
        article: '条例第三十一条第（三）项',
        field: 'confirmedOn',
      };
    case 'fax':
      return {
        rule: '通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日',
        article: '条例第三十一条第（三）项',
        field: 'confirmedOn',
      };
    case 'other':
      return {
        rule: '以其他方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日（本系统做法，条例未规定）',
        article: null,
        field: 'confirmedOn',
      };
  }
}

const FIELD_LABEL: Record<DateField, string> = {
  submittedOn: '提交日期',
  signedForOn: '签收日期',
  confirmedOn: '确认日期',
};

/**
 * The date of receipt under Art. 31 and the rule that gave it. Throws a validation error naming the field when
 * the date the rule needs was not recorded or is not a valid date.
 */
export function receiptDate(facts: ReceiptFacts): { date: LocalDate } & ReceiptRule {
  const rule = receiptRule(facts.channel, facts.mailKind ?? null);
  const date = facts[rule.field];
  if (!isLocalDate(date))
    throw validationError(
      `receipt.${rule.field}`,
      `${rule.rule}，请填写有效的${FIELD_LABEL[rule.field]}（YYYY-MM-DD）`,
    );
  return { date, ...rule };
}
