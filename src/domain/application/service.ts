import type { LocalDate } from '../calendar/local-date.ts';
import { isLocalDate } from '../calendar/local-date.ts';
import type { LetterKind } from '../letters/kinds.ts';

/**
 * 送达: how a letter reached the person it is addressed to. A period that runs against the applicant (补正,
 * 缴费, 说明理由) starts on the day its notice was served, not the day it was issued; the remedies' 60 days and
 * 6 months run from the service of the reply (行政复议法第二十条; 行政诉讼法第四十六条). Staff record service at
 * the counter or by post; electronic service (网上查询, 电子邮件) may be recorded by the system when it happens.
 */
export const SERVICE_METHODS = ['in_person', 'post', 'email', 'sms', 'online'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export const SERVICE_METHOD_LABEL: Record<ServiceMethod, string> = {
  in_person: '当面送达',
  post: '邮寄送达',
  email: '电子邮件送达',
  sms: '短信送达',
  online: '网上查询送达',
};

/** What proves the service, by method: the form's hint and the default the system writes. */
export const SERVICE_PROOF_HINT: Record<ServiceMethod, string> = {
  in_person: '送达回证（受送达人签收）',
  post: '邮件查询页面显示的签收记录',
  email: '已发送的电子邮件（发送记录）',
  sms: '短信发送记录',
  online: '申请人在申请进度查询页面打开文书的记录',
};

export interface ServiceRecord {
  method: ServiceMethod;
  /** the day the letter was served (签收、送达之日) */
  servedOn: LocalDate;
  /** what proves it: 送达回证, the tracking page, the e-mail sent … */
  proof: string;
  /** 邮寄: the tracking number (邮件号) */
  trackingNumber: string | null;
  /** who recorded it: a staff actor, or 'system' for electronic service */
  recordedBy: string;
  recordedOn: LocalDate;
}

/** A letter the application's actions issued (the 文号 is the persistence layer's), and its service. */
export interface IssuedLetter {
  kind: LetterKind;
  issuedOn: LocalDate;
  /** for a 征求意见函: the consultation it is for (index into `consultations`) */
  consultation: number | null;
  service: ServiceRecord | null;
  /** for a reply: whether it told the applicant to seek reconsideration first (行政复议法第二十三条) */
  reconsiderationFirst?: boolean;
}

/** Letters whose service starts a period that runs against the applicant. */
export const PERIOD_LETTERS: readonly LetterKind[] = ['correction', 'fee', 'reasons'];

export interface ServiceInput {
  method: ServiceMethod;
  servedOn: LocalDate;
  proof?: string | null;
  trackingNumber?: string | null;
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/** Every problem with a service record as entered, each naming its field (prefix `service.`). */
export function checkService(
  input: ServiceInput,
  letter: IssuedLetter | undefined,
  today: LocalDate,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const problem = (field: string, message: string) => problems.push({ field: `service.${field}`, message });
  if (!letter) return [{ field: 'letter', message: '没有这份文书' }];
  if (!(SERVICE_METHODS as readonly string[]).includes(input?.method))
    problem('method', '送达方式应为当面、邮寄、电子邮件、短信或网上查询');
  if (!isLocalDate(input?.servedOn)) problem('servedOn', '送达日期无效，应为 YYYY-MM-DD');
  else if (input.servedOn > today) problem('servedOn', '送达日期不能晚于今天');
  else if (input.servedOn < letter.issuedOn)
    problem('servedOn', `送达日期不能早于文书发出之日（${letter.issuedOn}）`);
  if (input?.method === 'post' && blank(input.trackingNumber))
    problem('trackingNumber', '邮寄送达须填写邮件号（挂号信、EMS 等）');
  if (input?.method !== 'online' && blank(input?.proof))
    problem('proof', `须写明送达凭证，如${SERVICE_PROOF_HINT[input?.method] ?? '送达回证'}`);
  if (typeof input?.proof === 'string' && input.proof.length > 500)
    problem('proof', '送达凭证不能超过 500 字');
  if (typeof input?.trackingNumber === 'string' && input.trackingNumber.length > 40)
    problem('trackingNumber', '邮件号不能超过 40 个字符');
  return problems;
}
