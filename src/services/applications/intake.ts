import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import type { Actor, ReceiptFacts, RegistrationInput } from '../../domain/application/index.ts';
import { registerApplication } from '../../domain/application/index.ts';
import { forbidden } from '../../domain/errors.ts';
import type { StoredApplication } from '../../persistence/repositories/application.repository.ts';
import { sha256 } from '../../security/tokens.ts';
import { workingCalendar } from '../calendar.service.ts';
import type { ServiceContext } from '../context.ts';
import { nowIso, todayInChina } from '../context.ts';
import type { ApplicantInput, FieldProblem } from './applicant-input.ts';
import { checkApplicant, invalid, sealApplicant } from './applicant-input.ts';
import { commitSubmission } from './intake-batch.ts';
import { newSecret, newTrackingCode } from './tracking-code.ts';

export interface NewApplicationInput extends Omit<RegistrationInput, 'applicantType'> {
  applicant: ApplicantInput;
}

export interface Registered {
  application: StoredApplication;
  /** shown to the applicant once, with the tracking code: together they open the application */
  secret: string;
}

async function register(
  ctx: ServiceContext,
  agencyId: number,
  input: NewApplicationInput,
  actor: Actor,
  source: 'staff' | 'online',
): Promise<Registered> {
  const problems: FieldProblem[] = checkApplicant(input.applicant);
  if (input.delivery === 'post' && !input.applicant?.address?.trim())
    problems.push({
      field: 'applicant.address',
      message: '选择以邮寄方式获取信息的，请填写通信地址（条例第二十九条第二款第（三）项）',
    });
  const calendar = await workingCalendar(ctx);
  const today = todayInChina(ctx);
  const result = registerApplication(
    {
      applicantType: input.applicant?.type,
      receipt: input.receipt,
      items: input.items,
      form: input.form,
      delivery: input.delivery,
    },
    { today, calendar, actor },
  );
  if (!result.ok) {
    if (result.error.kind !== 'input') throw result.error;
    problems.push(...((result.error.details as FieldProblem[] | undefined) ?? []));
  }
  if (problems.length > 0 || !result.ok) throw invalid(problems);
  // The agency is not looked up first: the insert's foreign key refuses an unknown one (受理机关不存在, 404).
  const applicant = sealApplicant(input.applicant, ctx.cipher);
  const secret = newSecret();
  const year = Number(today.slice(0, 4));
  const at = nowIso(ctx);
  const { application } = await commitSubmission(ctx.database, {
    row: {
      agencyId,
      trackingCode: newTrackingCode(year),
      secretHash: sha256(secret),
      source,
      applicant,
      application: result.application,
      at,
    },
    auditKey: ctx.auditKey,
    event: (applicationId) => ({
      agencyId,
      entityType: 'application',
      entityId: applicationId,
      action: 'register',
      actor: actor.id,
      actorRole: actor.roles[0] ?? null,
      at,
      data: {
        ...result.event,
        details: { ...result.event.details, applicant: { type: input.applicant.type } },
      },
    }),
    dueDateChanges: result.event.dueDateChanges,
    retryCode: () => newTrackingCode(year),
  });
  return { application, secret };
}

/** 登记: staff register an application received at the counter, by post, fax or otherwise (Art. 29, 31, 45). */
export async function registerByStaff(
  ctx: ServiceContext,
  principal: Principal,
  input: NewApplicationInput,
): Promise<Registered> {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  return register(
    ctx,
    principal.agencyId,
    input,
    { id: actorOf(principal), roles: principal.roles },
    'staff',
  );
}

/**
 * The portal's online application form (网络渠道, Art. 31(3)): the system confirms receipt on submission, so the
 * date of receipt is the day of submission in China.
 */
export async function submitOnline(
  ctx: ServiceContext,
  agencyId: number,
  input: Omit<NewApplicationInput, 'receipt'>,
): Promise<Registered> {
  const receipt: ReceiptFacts = { channel: 'online', confirmedOn: todayInChina(ctx) };
  return register(
    ctx,
    agencyId,
    { ...input, receipt },
    { id: 'system:portal', roles: ['registrar'] },
    'online',
  );
}
