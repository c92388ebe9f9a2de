import { AppError } from '../errors.ts';
import type { ApplicantType } from './applicant.ts';
import { isApplicantType } from './applicant.ts';
import type { Application, DeliveryMethod, InformationForm, RequestedItem } from './application.ts';
import { DELIVERY_METHODS, INFORMATION_FORMS } from './application.ts';
import type { ActionContext, ActionResult } from './apply-action.ts';
import { describeRoles } from './action-checks.ts';
import type { ReceiptFacts } from './channel.ts';
import { isChannel, MAIL_KINDS, receiptDate } from './channel.ts';
import { deriveDeadlines } from './deadlines.ts';
import type { DecisionProblem } from './decisions.ts';
import { dueDateChanges } from './due-date-changes.ts';
import { FIELD_LIMITS, overLimit } from './limits.ts';
import { TransitionError } from './transition-error.ts';
import { REGISTRATION } from './transitions.ts';

/** What registration (登记, 条例 Art. 29, 31, 45) records. */
export interface RegistrationInput {
  applicantType: ApplicantType;
  receipt: ReceiptFacts;
  items: readonly RequestedItem[];
  form: InformationForm;
  delivery: DeliveryMethod;
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

function check(input: RegistrationInput, today: string): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (!isApplicantType(input.applicantType))
    problem(
      'applicantType',
      '申请人类型应为自然人，或商业企业、科研机构、社会公益组织、法律服务机构、其他组织之一',
    );
  if (!isChannel(input.receipt?.channel))
    problem('receipt.channel', '申请方式应为当面、邮寄、网络、传真或其他');
  else {
    const kind = input.receipt.mailKind;
    if (kind !== undefined && kind !== null && !(MAIL_KINDS as readonly string[]).includes(kind))
      problem('receipt.mailKind', '邮寄方式应为需签收的邮件或平常信函');
    try {
      const { date, field } = receiptDate(input.receipt);
      if (date > today) problem(`receipt.${field}`, `收到申请之日（${date}）不能晚于今天`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem(error.field ?? 'receipt', error.message);
    }
  }
  if (!Array.isArray(input.items) || input.items.length === 0)
    problem('items', '须填写申请公开的政府信息（名称、文号或便于查询的其他特征性描述，条例第二十九条）');
  else
    input.items.forEach((item, i) => {
      if (blank(item?.description)) problem(`items.${i}.description`, `第 ${i + 1} 项申请公开的信息缺少描述`);
      const long =
        typeof item?.description === 'string' && overLimit(item.description, FIELD_LIMITS.description);
      if (long) problem(`items.${i}.description`, `第 ${i + 1} 项申请公开的信息${long}`);
      const no =
        typeof item?.documentNumber === 'string' &&
        overLimit(item.documentNumber, FIELD_LIMITS.documentNumber);
      if (no) problem(`items.${i}.documentNumber`, `第 ${i + 1} 项的文号${no}`);
    });
  if (!(INFORMATION_FORMS as readonly string[]).includes(input.form))
    problem('form', '获取信息的形式应为纸质、电子数据、查阅抄录或其他');
  if (!(DELIVERY_METHODS as readonly string[]).includes(input.delivery))
    problem('delivery', '获取信息的途径应为自行领取、邮寄、电子邮件、传真、网上获取或其他');
  return problems;
}

/**
 * Registers an application received under Art. 31: validates the input, fixes the date of receipt, derives
 * the first deadlines (补正 notice in 7 WD, reply in 20 WD) and returns the application in state `registered`
 * with its `register` event. Registrars and handlers may register.
 */
export function registerApplication(input: RegistrationInput, ctx: ActionContext): ActionResult {
  if (!REGISTRATION.roles.some((r) => ctx.actor.roles.includes(r)))
    return {
      ok: false,
      error: new TransitionError('role', `登记申请须由${describeRoles(REGISTRATION.roles)}办理`),
    };
  const problems = check(input, ctx.today);
  if (problems.length > 0)
    return {
      ok: false,
      error: new TransitionError('input', problems[0]!.message, problems[0]!.field, problems),
    };
  const receivedOn = receiptDate(input.receipt).date;
  const facts = {
    state: REGISTRATION.to,
    applicantType: input.applicantType,
    receipt: { ...input.receipt },
    receivedOn,
    items: input.items.map((i) => ({
      description: i.description.trim(),
      documentNumber: i.documentNumber?.trim() || null,
    })),
    form: input.form,
    delivery: input.delivery,
    correction: null,
    consultations: [],
    extension: null,
    fee: null,
    reasonsRequest: null,
    decision: null,
    outcome: null,
    closedOn: null,
    archivedOn: null,
    letters: [],
  };
  const deadlines = deriveDeadlines(facts, ctx.calendar);
  const application: Application = { ...facts, deadlines };
  return {
    ok: true,
    application,
    event: {
      action: 'register',
      actor: ctx.actor.id,
      actorRoles: ctx.actor.roles,
      on: ctx.today,
      before: null,
      after: { state: application.state, deadlines },
      dueDateChanges: dueDateChanges(null, deadlines, 'registered', ctx.today),
      details: { ...input },
      warnings: [],
    },
  };
}
