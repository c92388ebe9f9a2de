import type { Role } from '../access/roles.ts';
import { ROLE_LABEL } from '../access/roles.ts';
import { AppError } from '../errors.ts';
import type { RecordStatus, ReportStatus } from './status.ts';
import { REPORT_STATUS_LABEL } from './status.ts';

/**
 * What may be done to an annual report, as data: the statuses an action is taken from, the status it leads
 * to, who may take it (roles, and whether they act for the agency itself or as the supervising office above
 * it) and the named preconditions. `decideReportAction` reads this table; nothing else decides.
 */
export const REPORT_ACTIONS = [
  'start',
  'edit',
  'submit',
  'recall',
  'return',
  'clear',
  'publish',
  'erratum',
] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const REPORT_ACTION_LABEL: Record<ReportAction, string> = {
  start: '开始编制',
  edit: '修改',
  submit: '报送上级审核',
  recall: '撤回报送',
  return: '退回修改',
  clear: '审核通过',
  publish: '公开发布',
  erratum: '发布更正',
};

/** own: staff of the report's agency; supervisor: a 上级政务公开办 of an agency above it (never its own). */
export type ActorScope = 'own' | 'supervisor';

export type ReportGuard =
  /** the agency has a supervising agency above it to submit to */
  | 'has_supervisor'
  /** cleared by the supervisor — or the agency has none above it (a top-level 人民政府 publishes its own) */
  | 'cleared_unless_top_level'
  /**
   * the report is finished: no 〔待填〕 or empty narrative section, no blank cell, no error the validator finds
   * (cross-year findings excepted: see blockingFindings) — completeness.ts lists what is missing
   */
  | 'finished'
  /** submitted after the report year ended, or the early submission acknowledged (a warning) */
  | 'year_ended'
  /** the supervisor's 审核意见 is written */
  | 'opinion_given'
  /** a comment says what to change */
  | 'comment_given'
  /** the erratum states its reason */
  | 'reason_given';

export interface ReportTransition {
  action: ReportAction;
  from: readonly ReportStatus[];
  /** null: the status does not change */
  to: RecordStatus | null;
  roles: readonly Role[];
  scope: ActorScope;
  guards: readonly ReportGuard[];
}

/** Drafting the report: 承办人, 负责人, 管理员. */
export const DRAFTERS: readonly Role[] = ['handler', 'head', 'admin'];

export const REPORT_TRANSITIONS: readonly ReportTransition[] = [
  { action: 'start', from: ['not_started'], to: 'draft', roles: DRAFTERS, scope: 'own', guards: [] },
  { action: 'edit', from: ['draft', 'returned'], to: null, roles: DRAFTERS, scope: 'own', guards: [] },
  {
    action: 'submit',
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: ['head'],
    scope: 'own',
    guards: ['has_supervisor', 'finished', 'year_ended'],
  },
  { action: 'recall', from: ['submitted'], to: 'draft', roles: ['head'], scope: 'own', guards: [] },
  {
    action: 'return',
    from: ['submitted', 'cleared'],
    to: 'returned',
    roles: ['supervisor'],
    scope: 'supervisor',
    guards: ['comment_given'],
  },
  {
    action: 'clear',
    from: ['submitted'],
    to: 'cleared',
    roles: ['supervisor'],
    scope: 'supervisor',
    guards: ['opinion_given', 'finished'],
  },
  {
    action: 'publish',
    from: ['draft', 'cleared'],
    to: 'published',
    roles: ['head'],
    scope: 'own',
    guards: ['cleared_unless_top_level', 'finished'],
  },
  {
    action: 'erratum',
    from: ['published'],
    to: 'published',
    roles: ['head'],
    scope: 'own',
    guards: ['reason_given', 'finished'],
  },
];

/** Who is acting, seen from the report's agency. */
export interface ReportActor {
  roles: readonly Role[];
  /** own agency, an agency above it, or neither */
  relation: 'own' | 'ancestor' | 'other';
}

/** The facts the guards read. */
export interface ReportFacts {
  status: ReportStatus;
  hasSupervisor: boolean;
  /** error findings that block submission and publication */
  blockingErrors: number;
  /** what is still missing, one line per group (summariseGaps); the errors are among them */
  missing?: readonly string[];
  /** the report year has ended (China date after 31 December of the year) */
  yearEnded?: boolean;
  /** the drafter confirmed submitting before the year ended */
  earlyAcknowledged?: boolean;
  comment?: string | null;
  reason?: string | null;
}

const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim() !== '';

const GUARDS: Record<
  ReportGuard,
  { holds: (f: ReportFacts) => boolean; fail: (f: ReportFacts) => AppError }
> = {
  has_supervisor: {
    holds: (f) => f.hasSupervisor,
    fail: () => new AppError('invalid_state', '本机关没有上级机关，无需报送审核，可直接公开发布'),
  },
  cleared_unless_top_level: {
    holds: (f) => f.status === 'cleared' || !f.hasSupervisor,
    fail: () => new AppError('invalid_state', '年度报告须先报送上级政务公开办审核通过，才能公开发布'),
  },
  finished: {
    holds: (f) => f.blockingErrors === 0 && (f.missing?.length ?? 0) === 0,
    fail: (f) =>
      (f.missing?.length ?? 0) > 0
        ? new AppError(
            'invalid_state',
            `年度报告尚未完成，不能报送、审核通过或公开：${f.missing!.map((m, i) => `（${i + 1}）${m}`).join('；')}`,
            'report',
            { missing: f.missing },
          )
        : new AppError(
            'invalid_state',
            `核对发现 ${f.blockingErrors} 个错误，须先改正才能报送或公开`,
            'findings',
          ),
  },
  year_ended: {
    holds: (f) => f.yearEnded !== false || f.earlyAcknowledged === true,
    fail: () =>
      new AppError(
        'invalid_state',
        '报告年度尚未结束：现在报送，12 月 31 日前新收和办结的申请、案件都不会计入；确需提前报送，请确认后再报送（上级将看到“提前报送”标记）',
        'acknowledgeEarly',
      ),
  },
  opinion_given: {
    holds: (f) => filled(f.comment),
    fail: () => new AppError('validation', '审核通过须填写审核意见（如“通过”）', 'comment'),
  },
  comment_given: {
    holds: (f) => filled(f.comment),
    fail: () => new AppError('validation', '退回修改须写明意见', 'comment'),
  },
  reason_given: {
    holds: (f) => filled(f.reason),
    fail: () => new AppError('validation', '发布更正须写明更正理由', 'reason'),
  },
};

export function reportTransition(action: ReportAction): ReportTransition {
  return REPORT_TRANSITIONS.find((t) => t.action === action)!;
}

function scopeHolds(scope: ActorScope, actor: ReportActor): boolean {
  return scope === 'own' ? actor.relation === 'own' : actor.relation === 'ancestor';
}

/**
 * Whether the actor may take the action now: the new status, or the error to throw (forbidden for role and
 * scope, invalid_state for the status and preconditions, validation for a missing comment or reason).
 */
export function decideReportAction(
  action: ReportAction,
  actor: ReportActor,
  facts: ReportFacts,
): { ok: true; to: RecordStatus | null } | { ok: false; error: AppError } {
  const t = reportTransition(action);
  const label = REPORT_ACTION_LABEL[action];
  if (!scopeHolds(t.scope, actor))
    return {
      ok: false,
      error: new AppError(
        'forbidden',
        t.scope === 'own' ? `只有本机关工作人员可以${label}` : `只有上级机关的政务公开办可以${label}`,
      ),
    };
  if (!t.roles.some((r) => actor.roles.includes(r)))
    return {
      ok: false,
      error: new AppError('forbidden', `${label}须由${t.roles.map((r) => ROLE_LABEL[r]).join('或')}办理`),
    };
  if (!t.from.includes(facts.status))
    return {
      ok: false,
      error: new AppError(
        'invalid_state',
        `年度报告处于“${REPORT_STATUS_LABEL[facts.status]}”状态，不能${label}`,
      ),
    };
  for (const name of t.guards)
    if (!GUARDS[name].holds(facts)) return { ok: false, error: GUARDS[name].fail(facts) };
  return { ok: true, to: t.to };
}

/** An action the actor could take from this status, and whether its preconditions hold now (the console's buttons). */
export interface ReportActionOption {
  action: ReportAction;
  label: string;
  allowed: boolean;
  /** why not, when not allowed */
  reason: string | null;
  /** allowed, but to be confirmed: submitting before the report year ended */
  warning: string | null;
}

/** The actions open to this actor in this status (scope and role match); comment and reason assumed given. */
export function reportActionOptions(actor: ReportActor, facts: ReportFacts): ReportActionOption[] {
  return REPORT_TRANSITIONS.filter(
    (t) =>
      scopeHolds(t.scope, actor) &&
      t.roles.some((r) => actor.roles.includes(r)) &&
      t.from.includes(facts.status),
  ).map((t) => {
    const decided = decideReportAction(t.action, actor, {
      ...facts,
      comment: '-',
      reason: '-',
      earlyAcknowledged: true,
    });
    const early = t.guards.includes('year_ended') && !GUARDS.year_ended.holds(facts);
    return {
      action: t.action,
      label: REPORT_ACTION_LABEL[t.action],
      allowed: decided.ok,
      reason: decided.ok ? null : decided.error.message,
      warning: decided.ok && early ? GUARDS.year_ended.fail(facts).message : null,
    };
  });
}
