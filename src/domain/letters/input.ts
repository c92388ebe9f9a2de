import type { ApplicantType } from '../application/applicant.ts';
import { isApplicantType } from '../application/applicant.ts';
import type { Application } from '../application/application.ts';
import type { AgencyKind } from '../application/remedies.ts';
import { AGENCY_KINDS } from '../application/remedies.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import { isLocalDate } from '../calendar/local-date.ts';
import { AppError } from '../errors.ts';
import type { LetterKind } from './kinds.ts';
import { LETTER_KIND_LABEL } from './kinds.ts';

/** The agency writing the letter. */
export interface LetterAgency {
  name: string;
  kind: AgencyKind;
  /** a 省、自治区、直辖市人民政府 (hears reconsiderations of its own acts) */
  provincial?: boolean;
  address?: string | null;
  phone?: string | null;
  /** the reconsideration body's name, resolved by the caller from the agency hierarchy (remedies.ts) */
  reconsiderationBodyName: string;
  /** 发文机关标志 printed above the title, e.g. '某市某区卫生健康局' */
  letterhead?: string | null;
  /** the agency's setting for （四）2 replies: reconsideration first (default) or both remedies */
  needsCreationReconsiderationFirst?: boolean;
}

/** The applicant, as persistence returns it after decryption: the letter may show it. */
export interface LetterApplicant {
  name: string;
  type: ApplicantType;
  contactPerson?: string | null;
  address?: string | null;
}

/** How the information is provided (reply letters): optional defaults of the fill-ins. */
export interface ReplyProvision {
  /** Art. 36(1): where it was proactively published (载体、栏目、网址) */
  publishedAt?: string;
  /** Art. 36(2), 37, 39¶2: how, where and when the applicant obtains it */
  howToObtain?: string;
  /** Art. 36(7): the statutory route (e.g. the 不动产登记机构) */
  specialRoute?: string;
  /** Art. 39¶1: the channel for the 信访、投诉、举报 */
  otherChannel?: string;
  /** Art. 36(6): the earlier reply (date, 文号) */
  previousReply?: string;
  /** names of attached documents (附件) */
  attachments?: readonly string[];
}

export interface LetterInput {
  agency: LetterAgency;
  /** 文号, given by the caller: '某卫依申〔2026〕12号' */
  number: string;
  /** 成文日期 */
  date: LocalDate;
  applicant: LetterApplicant;
  /** 查询码 */
  trackingCode: string;
  /** the application: items, correction, consultations, extension, fee, decision, outcome, deadlines */
  application: Application;
  provision?: ReplyProvision;
  /** the consultation a 征求意见函 is for (index into application.consultations); default the latest */
  consultation?: number;
}

export interface LetterProblem {
  field: string;
  message: string;
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/**
 * Throws one validation error listing every problem with the input that is not specific to a kind (each
 * naming its field); the kind's own facts are checked where the letter is written.
 */
export function checkLetterInput(kind: LetterKind, input: LetterInput): void {
  const problems: LetterProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (blank(input.agency?.name)) problem('agency.name', '须填写发文机关名称');
  if (!(AGENCY_KINDS as readonly string[]).includes(input.agency?.kind))
    problem('agency.kind', '机关类型无效');
  if (kind === 'reply' && blank(input.agency?.reconsiderationBodyName))
    problem('agency.reconsiderationBodyName', '答复告知书须写明行政复议机关名称');
  if (blank(input.number)) problem('number', '须填写文号');
  if (!isLocalDate(input.date)) problem('date', '成文日期无效，应为 YYYY-MM-DD');
  if (blank(input.applicant?.name)) problem('applicant.name', '须填写申请人姓名或者名称');
  if (!isApplicantType(input.applicant?.type)) problem('applicant.type', '申请人类型无效');
  if (blank(input.trackingCode)) problem('trackingCode', '须填写查询码');
  if (!input.application || input.application.items.length === 0)
    problem('application.items', '申请没有所申请公开的政府信息');
  if (problems.length > 0) throw letterInputError(kind, problems);
}

/** A validation error for a letter, naming the first field and carrying every problem as details. */
export function letterInputError(kind: LetterKind, problems: readonly LetterProblem[]): AppError {
  const message = `不能生成${LETTER_KIND_LABEL[kind]}：${problems.map((p) => p.message).join('；')}`;
  return new AppError('validation', message, problems[0]?.field, problems);
}
