import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import { isLocalDate } from '../calendar/local-date.ts';
import { AppError, validationError } from '../errors.ts';

/**
 * 内部会签 (issue 12 point 2): the handler (承办人) asks other departments (科室) of the agency for their opinion on
 * a case, each department with its own due date inside the case's reply period. Internal work of the agency:
 * unlike 征求意见 of a third party or another agency (条例第三十二条、第三十四条), it does **not** stop the reply
 * period (条例第三十三条) — the clock runs on, so each 会签 must be answered before the reply is due.
 */
export const COSIGN_RULE =
  '内部会签不中止、不延长答复期限（条例第三十三条）；只有征求第三方意见的时间不计算在答复期限内（条例第三十二条）';

/** How long a question and an answer may be. */
export const COSIGN_LIMITS = {
  question: 1000,
  opinion: 2000,
  answerer: 40,
  departments: 10,
  days: 20,
  withdrawReason: 500,
};

export interface CosignAnswer {
  opinion: string;
  answeredOn: LocalDate;
  /** the actor who entered it ('user:12') */
  recordedBy: string;
  /** who answered for the department, by name (the member themself, or the person the handler names) */
  answererName: string;
  /** true when the handler (or head) recorded an answer given outside the console */
  onBehalf: boolean;
}

/** 撤回会签: who withdrew an unanswered 会签, when and why. */
export interface CosignWithdrawal {
  /** ISO timestamp */
  withdrawnAt: string;
  /** the actor who withdrew it ('user:12') */
  withdrawnBy: string;
  /** 撤回理由 */
  reason: string;
}

/** One 会签 of one department on one case. */
export interface Cosign {
  id: number;
  applicationId: number;
  agencyId: number;
  department: string;
  question: string;
  openedOn: LocalDate;
  openedBy: string;
  dueOn: LocalDate;
  answer: CosignAnswer | null;
  /** set once the 会签 was withdrawn unanswered; it then no longer counts as open anywhere */
  withdrawal: CosignWithdrawal | null;
}

export type CosignStatus = 'pending' | 'overdue' | 'answered' | 'answered_late' | 'withdrawn';

export const COSIGN_STATUS_LABEL: Record<CosignStatus, string> = {
  pending: '待答复',
  overdue: '已逾期未答复',
  answered: '已答复',
  answered_late: '逾期后答复',
  withdrawn: '已撤回',
};

/**
 * Derived from the dates, never stored: past its due date (the day itself still counts) without an answer.
 * A withdrawn 会签 is only withdrawn — never overdue.
 */
export function cosignStatus(
  c: Pick<Cosign, 'dueOn' | 'answer' | 'withdrawal'>,
  today: LocalDate,
): CosignStatus {
  if (c.withdrawal) return 'withdrawn';
  if (c.answer) return c.answer.answeredOn > c.dueOn ? 'answered_late' : 'answered';
  return today > c.dueOn ? 'overdue' : 'pending';
}

/** What the handler asks for: the question and, per department, a period in working days or a date. */
export interface CosignRequest {
  question: unknown;
  departments: unknown;
}

export interface PlannedCosign {
  department: string;
  question: string;
  dueOn: LocalDate;
  /** working days from the opening day to the due date */
  workingDays: number;
  provisional: boolean;
}

export interface CosignContext {
  today: LocalDate;
  calendar: WorkingCalendar;
  /** the agency's departments (科室) */
  departments: readonly string[];
  /** the case's reply due date (条例第三十三条, with any extension); null when no reply period runs */
  replyDue: LocalDate | null;
  /** departments with a 会签 on this case still unanswered */
  openDepartments: readonly string[];
}

/**
 * A text a person must write (会签事项, 会签意见, 撤回理由): trimmed, not blank, within its limit — refused with the
 * field named and, past the limit, the count.
 */
function writtenText(
  value: unknown,
  limit: 'question' | 'opinion' | 'withdrawReason',
  label: string,
  whenBlank: string,
  field: string = limit,
): string {
  if (typeof value !== 'string' || value.trim() === '') throw validationError(field, whenBlank);
  const text = value.trim();
  if (text.length > COSIGN_LIMITS[limit])
    throw validationError(field, `${label}不能超过 ${COSIGN_LIMITS[limit]} 字（现有 ${text.length} 字）`);
  return text;
}

/**
 * Checks a request to open 会签 and computes each due date on the working-day calendar: the question written,
 * one to ten departments of the agency, none twice or still unanswered on this case, each due date a working day
 * after today and no later than the reply due date. Throws the first problem, naming its field.
 */
export function planCosigns(input: CosignRequest, ctx: CosignContext): PlannedCosign[] {
  if (ctx.replyDue === null)
    throw new AppError('invalid_state', '本申请目前没有答复期限（如等待补正），不能发起会签', 'departments');
  const question = writtenText(
    input.question,
    'question',
    '会签事项',
    '请写明会签事项（请各科室提出意见的内容）',
  );
  if (!Array.isArray(input.departments) || input.departments.length === 0)
    throw validationError('departments', '请至少选择一个会签科室');
  if (input.departments.length > COSIGN_LIMITS.departments)
    throw validationError('departments', `一次最多向 ${COSIGN_LIMITS.departments} 个科室发起会签`);
  if (ctx.departments.length === 0)
    throw validationError('departments', '本机关尚未设置科室，请管理员先在“机关设置”中填写科室名单');
  const seen = new Set<string>();
  return input.departments.map((raw: unknown, i): PlannedCosign => {
    const field = `departments.${i}`;
    const entry = (raw ?? {}) as { department?: unknown; workingDays?: unknown; dueOn?: unknown };
    const department = typeof entry.department === 'string' ? entry.department.trim() : '';
    if (department === '') throw validationError(`${field}.department`, `第 ${i + 1} 个会签科室未选择`);
    if (!ctx.departments.includes(department))
      throw validationError(`${field}.department`, `“${department}”不是本机关的科室`);
    if (seen.has(department))
      throw validationError(`${field}.department`, `${department}重复：每个科室只发起一次会签`);
    seen.add(department);
    if (ctx.openDepartments.includes(department))
      throw validationError(`${field}.department`, `${department}对本申请的会签尚未答复，不能重复发起`);
    const due = dueOf(entry, field, ctx);
    if (due.date > ctx.replyDue!)
      throw validationError(
        due.field,
        `${department}的会签期限（${due.date}）晚于本申请的答复期限（${ctx.replyDue}）：会签不中止答复期限，应在答复期限内`,
      );
    const counted = ctx.calendar.workingDaysBetween(ctx.today, due.date);
    return {
      department,
      question,
      dueOn: due.date,
      workingDays: counted.days,
      provisional: due.provisional || counted.provisional,
    };
  });
}

function dueOf(
  entry: { workingDays?: unknown; dueOn?: unknown },
  field: string,
  ctx: CosignContext,
): { date: LocalDate; provisional: boolean; field: string } {
  if (entry.dueOn !== undefined && entry.dueOn !== null && entry.dueOn !== '') {
    const f = `${field}.dueOn`;
    if (!isLocalDate(entry.dueOn)) throw validationError(f, '会签期限应为日期，如 2026-03-16');
    if (entry.dueOn <= ctx.today)
      throw validationError(f, `会签期限（${entry.dueOn}）应晚于今天（${ctx.today}）`);
    const day = ctx.calendar.day(entry.dueOn);
    if (!day.working)
      throw validationError(
        f,
        `会签期限（${entry.dueOn}）${day.name ? `是${day.name}假期` : '不是工作日'}，请选择工作日`,
      );
    return { date: entry.dueOn, provisional: day.provisional, field: f };
  }
  const f = `${field}.workingDays`;
  const n = entry.workingDays;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > COSIGN_LIMITS.days)
    throw validationError(f, `会签期限应为 1–${COSIGN_LIMITS.days} 个工作日，或填写具体日期`);
  const computed = ctx.calendar.addWorkingDays(ctx.today, n);
  return { date: computed.date, provisional: computed.provisional, field: f };
}

/** Who is answering: the department's own member, or the handler / head recording it for someone named. */
export interface Answerer {
  actor: string;
  name: string;
  department: string | null;
  /** the case's handler or the head: may record an answer given on paper or by phone */
  mayRecordForOthers: boolean;
}

/**
 * The answer to a 会签: an opinion, once. A member of the department answers in their own name; the case's
 * handler or the head may record the department's answer given outside the console, naming who gave it.
 */
export function answerCosign(
  cosign: Cosign,
  input: { opinion?: unknown; answererName?: unknown },
  who: Answerer,
  today: LocalDate,
): CosignAnswer {
  if (cosign.withdrawal)
    throw new AppError(
      'conflict',
      `${cosign.department}的会签已撤回（理由：${cosign.withdrawal.reason}），不能再答复`,
    );
  if (cosign.answer)
    throw new AppError(
      'conflict',
      `${cosign.department}已于 ${cosign.answer.answeredOn} 答复本会签（${cosign.answer.answererName}），不能再次答复`,
    );
  const member = who.department !== null && who.department === cosign.department;
  if (!member && !who.mayRecordForOthers)
    throw new AppError(
      'forbidden',
      `只有${cosign.department}的工作人员可以答复本会签（或由承办人代为登记答复）`,
    );
  const opinion = writtenText(input.opinion, 'opinion', '会签意见', '请填写会签意见');
  if (member)
    return { opinion, answeredOn: today, recordedBy: who.actor, answererName: who.name, onBehalf: false };
  const name = typeof input.answererName === 'string' ? input.answererName.trim() : '';
  if (name === '')
    throw validationError('answererName', `代为登记答复时，请写明${cosign.department}答复人的姓名`);
  if (name.length > COSIGN_LIMITS.answerer)
    throw validationError('answererName', `答复人姓名不能超过 ${COSIGN_LIMITS.answerer} 字`);
  return { opinion, answeredOn: today, recordedBy: who.actor, answererName: name, onBehalf: true };
}

/** Whether a 会签 still waits for its department's answer: neither answered nor withdrawn. */
export const isOpenCosign = (c: Pick<Cosign, 'answer' | 'withdrawal'>) =>
  c.answer === null && c.withdrawal === null;

/**
 * 撤回会签: an unanswered 会签 may be withdrawn once, with a reason (撤回理由) — the record keeps who, when and
 * why. Who may do it (the person who opened it, the case's handler or the head) is the service's check.
 * Returns the trimmed reason; throws a conflict for an answered or already withdrawn 会签.
 */
export function withdrawalReason(cosign: Cosign, input: { reason?: unknown }): string {
  if (cosign.withdrawal) throw new AppError('conflict', `${cosign.department}的会签已撤回，不能再次撤回`);
  if (cosign.answer)
    throw new AppError(
      'conflict',
      `${cosign.department}已于 ${cosign.answer.answeredOn} 答复本会签（${cosign.answer.answererName}），不能撤回`,
    );
  return writtenText(input.reason, 'withdrawReason', '撤回理由', '请填写撤回理由', 'reason');
}

/** The agency's departments from its settings (`departments`: a list of names), trimmed, blanks and repeats out. */
export function departmentsOf(settings: Record<string, unknown>): string[] {
  const list = Array.isArray(settings.departments) ? settings.departments : [];
  return [...new Set(list.filter((d): d is string => typeof d === 'string').map((d) => d.trim()))].filter(
    (d) => d !== '',
  );
}

/** The setting's problems: a list of names, each at most 30 characters, none twice. */
export function departmentProblems(value: unknown): { field: string; message: string }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [{ field: 'settings.departments', message: '科室应为名称列表' }];
  const out: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  value.forEach((d: unknown, i) => {
    const field = `settings.departments.${i}`;
    const name = typeof d === 'string' ? d.trim() : '';
    if (name === '') out.push({ field, message: `第 ${i + 1} 个科室名称为空` });
    else if (name.length > 30)
      out.push({ field, message: `第 ${i + 1} 个科室名称超过 30 字（现有 ${name.length} 字）` });
    else if (seen.has(name)) out.push({ field, message: `科室“${name}”重复` });
    seen.add(name);
  });
  return out;
}
