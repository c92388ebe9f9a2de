import type { DueStatusBounds } from '../application/due-status.ts';
import type { LocalDate } from '../calendar/local-date.ts';

/**
 * 待办提醒 (issue 12 point 4): what an open case needs from the person it is assigned to — its reply is due soon
 * or overdue (条例第三十三条), a consultation has gone past the party's 15 working days (第三十二条、第三十四条),
 * or a letter that starts a period against the applicant has not been served (第三十条、第四十二条: the period
 * runs from service). Derived from the stored dates and today with the inbox's own bounds, never stored.
 */
export const REMINDER_KINDS = [
  'overdue',
  'due_soon',
  'consultation_overdue',
  'cosign_overdue',
  'cosign_pending',
  'service_pending',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_LABEL: Record<ReminderKind, string> = {
  overdue: '答复已逾期',
  due_soon: '答复即将到期',
  consultation_overdue: '征求意见已超过15个工作日',
  cosign_overdue: '会签已逾期未答复',
  cosign_pending: '待答复的会签',
  service_pending: '文书待送达',
};

export const REMINDER_ARTICLE: Record<ReminderKind, string> = {
  overdue: '条例第三十三条',
  due_soon: '条例第三十三条',
  consultation_overdue: '条例第三十二条、第三十四条',
  cosign_overdue: '会签不中止答复期限，条例第三十三条',
  cosign_pending: '会签不中止答复期限，条例第三十三条',
  service_pending: '条例第三十条',
};

/** The projection of an open application the reminders read. */
export interface OpenCase {
  id: number;
  agencyId: number;
  trackingCode: string;
  receivedOn: LocalDate;
  replyDue: LocalDate | null;
  consultationDue: LocalDate | null;
  servicePending: boolean;
  /** the 承办人 it is assigned to; null: not assigned yet */
  assigneeId: number | null;
}

export interface Reminder {
  kind: ReminderKind;
  label: string;
  agencyId: number;
  applicationId: number;
  trackingCode: string;
  /** the date the reminder is about (reply due, consultation or 会签 due); null for service */
  dueOn: LocalDate | null;
  assigneeId: number | null;
  /** a 会签's department (科室): its members are reminded too; null for the others */
  department: string | null;
}

/** An unanswered 会签 on an open case, as the reminders read it. */
export interface OpenCosign {
  applicationId: number;
  agencyId: number;
  trackingCode: string;
  department: string;
  dueOn: LocalDate;
  /** the case's 承办人; null: not assigned yet */
  assigneeId: number | null;
}

/**
 * An unanswered 会签 (issue 12 point 2): to the department's members while it is open ("待答复的会签"); once past
 * its due date also to the case's handler ("会签已逾期未答复"), who must reply within the running reply period.
 */
export function cosignRemindersFor(c: OpenCosign, today: LocalDate): Reminder {
  const kind: ReminderKind = c.dueOn < today ? 'cosign_overdue' : 'cosign_pending';
  return {
    kind,
    label: REMINDER_LABEL[kind],
    agencyId: c.agencyId,
    applicationId: c.applicationId,
    trackingCode: c.trackingCode,
    dueOn: c.dueOn,
    assigneeId: c.assigneeId,
    department: c.department,
  };
}

/** Who a reminder is for. */
export interface ReminderPerson {
  id: number;
  roles: readonly string[];
  /** the person's department (科室), if any */
  department: string | null;
}

/** Whether a person receives the reminders of unassigned cases: those who assign work (负责人, 登记员). */
export const receivesUnassigned = (roles: readonly string[]) =>
  roles.includes('head') || roles.includes('registrar');

/**
 * The audience of a reminder: the case's 承办人 (or, while unassigned, those who assign work); for a 会签 also
 * the members of its department — and only them while it is not yet overdue.
 */
export function reminderIsFor(r: Reminder, p: ReminderPerson): boolean {
  if (r.department !== null && p.department === r.department) return true;
  if (r.kind === 'cosign_pending') return false;
  return r.assigneeId === p.id || (r.assigneeId === null && receivesUnassigned(p.roles));
}

export function remindersFor(c: OpenCase, bounds: DueStatusBounds, today: LocalDate): Reminder[] {
  const out: Reminder[] = [];
  const add = (kind: ReminderKind, dueOn: LocalDate | null) =>
    out.push({
      kind,
      label: REMINDER_LABEL[kind],
      agencyId: c.agencyId,
      applicationId: c.id,
      trackingCode: c.trackingCode,
      dueOn,
      assigneeId: c.assigneeId,
      department: null,
    });
  if (c.replyDue !== null) {
    if (c.replyDue < bounds.overdueBefore) add('overdue', c.replyDue);
    else if (c.replyDue < bounds.dueSoonBefore) add('due_soon', c.replyDue);
  }
  if (c.consultationDue !== null && c.consultationDue < today) add('consultation_overdue', c.consultationDue);
  if (c.servicePending) add('service_pending', null);
  return out;
}

const ORDER = Object.fromEntries(REMINDER_KINDS.map((k, i) => [k, i])) as Record<ReminderKind, number>;

/** Most urgent first: kind, then the date. */
export function sortReminders(list: Reminder[]): Reminder[] {
  return [...list].sort(
    (a, b) => ORDER[a.kind] - ORDER[b.kind] || (a.dueOn ?? '').localeCompare(b.dueOn ?? ''),
  );
}

/**
 * The one daily e-mail to one person: a subject with the counts and a plain-text body listing each case by its
 * 查询码 and date, with a link to the console — never the applicant's name or request (personal data stays in
 * the system; 条例第十五条).
 */
export function reminderDigest(
  input: { name: string; agencyName: string; today: LocalDate; consoleUrl: string },
  reminders: readonly Reminder[],
): { subject: string; body: string } {
  const sorted = sortReminders([...reminders]);
  const counts = REMINDER_KINDS.map((k) => [k, sorted.filter((r) => r.kind === k).length] as const).filter(
    ([, n]) => n > 0,
  );
  const subject = `【政府信息公开】${input.today} 待办提醒：${counts
    .map(([k, n]) => `${REMINDER_LABEL[k]} ${n} 件`)
    .join('，')}`;
  const lines = [
    `${input.name}：`,
    '',
    `截至 ${input.today}，${input.agencyName}分配给您（或尚未分配）的申请和请您所在科室会签的申请中，以下事项需要处理：`,
    '',
  ];
  for (const [kind] of counts) {
    lines.push(`${REMINDER_LABEL[kind]}（${REMINDER_ARTICLE[kind]}）：`);
    for (const r of sorted.filter((x) => x.kind === kind))
      lines.push(
        `  · ${r.trackingCode}${r.department ? `  ${r.department}` : ''}${r.dueOn ? `  期限 ${r.dueOn}` : ''}  ${input.consoleUrl}/applications/${r.applicationId}`,
      );
    lines.push('');
  }
  lines.push('本邮件由政府信息公开工作系统每日自动发送，请登录工作台办理。');
  return { subject, body: lines.join('\n') };
}
