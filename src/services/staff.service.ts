import { checkSiteSettings } from '../domain/catalog/site.ts';
import { departmentProblems, departmentsOf } from '../domain/cosign/index.ts';
import { checkSynonyms } from '../domain/catalog/search-text.ts';
import { catalogChanged } from './catalog/cache.ts';
import { portalPagesChanged } from './catalog/page-store.service.ts';
import type { Principal } from '../domain/access/principal.ts';
import { actorOf, hasRole } from '../domain/access/principal.ts';
import type { Role } from '../domain/access/roles.ts';
import { isRole } from '../domain/access/roles.ts';
import { AppError, forbidden, validationError } from '../domain/errors.ts';
import type { LetterKind } from '../domain/letters/index.ts';
import { isLetterKind, LETTER_KIND_LABEL, seriesProblems } from '../domain/letters/index.ts';
import type { Agency, AgencyKind } from '../persistence/repositories/agency.repository.ts';
import {
  findAgency,
  findAgencyByCode,
  insertAgency,
  listAgencies,
  subtreeIds,
  updateAgencySettings,
} from '../persistence/repositories/agency.repository.ts';
import type { User } from '../persistence/repositories/user.repository.ts';
import {
  findUser,
  findUserByUsername,
  insertUser,
  listUsers,
  updateUser,
} from '../persistence/repositories/user.repository.ts';
import { deleteUserSessions } from '../persistence/repositories/session.repository.ts';
import { activeLoginLocks } from '../persistence/repositories/login-failure.repository.ts';
import { agencyDomains, normaliseHost } from './catalog/portal-host.service.ts';
import { hashPassword } from '../security/password.ts';
import { sha256 } from '../security/tokens.ts';
import type { ServiceContext } from './context.ts';
import { inTransaction, nowIso } from './context.ts';

const AGENCY_KINDS: readonly AgencyKind[] = ['government', 'department', 'vertical', 'office'];

/** Creates an agency (set-up, seeding and administrators of a parent agency). */
export async function createAgency(
  ctx: ServiceContext,
  actor: Principal | 'system',
  input: {
    code: string;
    name: string;
    kind: AgencyKind;
    parentId?: number | null;
    settings?: Record<string, unknown>;
  },
): Promise<Agency> {
  if (!/^[0-9A-Za-z-]{2,32}$/.test(input.code))
    throw validationError('code', '机构代码只能由 2–32 位字母、数字或“-”组成');
  if (!input.name.trim()) throw validationError('name', '机构名称不能为空');
  if (!AGENCY_KINDS.includes(input.kind)) throw validationError('kind', '机构类型无效');
  if (
    actor !== 'system' &&
    !(hasRole(actor, 'admin') && actor.kind === 'staff' && input.parentId === actor.agencyId)
  )
    throw forbidden('只有上级机关的管理员可以新建下级机关');
  return inTransaction(ctx, async (trx, record) => {
    if (await findAgencyByCode(trx, input.code))
      throw new AppError('conflict', `机构代码 ${input.code} 已被使用`, 'code');
    if (input.parentId && !(await findAgency(trx, input.parentId)))
      throw validationError('parentId', '上级机关不存在');
    const agency = await insertAgency(
      trx,
      {
        code: input.code,
        name: input.name.trim(),
        kind: input.kind,
        parentId: input.parentId ?? null,
        settings: input.settings ?? {},
      },
      nowIso(ctx),
    );
    await record({
      agencyId: agency.id,
      entityType: 'agency',
      entityId: agency.id,
      action: 'create',
      actor: actor === 'system' ? 'system' : actorOf(actor),
      data: { after: agency },
    });
    return agency;
  });
}

/** Agency settings (name, address, office hours, channels, letter templates, 索引号 scheme …): admins only. */
export async function updateSettings(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  patch: { name?: string; settings?: Record<string, unknown> },
): Promise<Agency> {
  if (!(actor.kind === 'staff' && actor.agencyId === agencyId && hasRole(actor, 'admin')))
    throw forbidden('只有本机关管理员可以修改机关设置');
  if (!patch.name && !patch.settings)
    throw validationError('settings', '没有要修改的内容：请提供机关名称或设置');
  if (patch.settings && 'domains' in patch.settings)
    await checkDomains(ctx, agencyId, patch.settings.domains);
  const synonymProblems = checkSynonyms(patch.settings?.searchSynonyms);
  if (synonymProblems.length > 0) throw validationError('settings.searchSynonyms', synonymProblems[0]!);
  const departmentIssues = departmentProblems(patch.settings?.departments);
  if (departmentIssues.length > 0)
    throw new AppError(
      'validation',
      departmentIssues[0]!.message,
      departmentIssues[0]!.field,
      departmentIssues,
    );
  const siteProblems = checkSiteSettings(patch.settings?.site);
  if (siteProblems.length > 0)
    throw new AppError(
      'validation',
      siteProblems[0]!.message,
      `settings.${siteProblems[0]!.field}`,
      siteProblems,
    );
  const updated = await inTransaction(ctx, async (trx, record) => {
    const before = await findAgency(trx, agencyId);
    if (!before) throw new AppError('not_found', '机关不存在');
    const settings = patch.settings ? { ...before.settings, ...patch.settings } : undefined;
    if (settings) checkNumberSettings(settings, before.name);
    await updateAgencySettings(trx, agencyId, {
      ...(patch.name ? { name: patch.name } : {}),
      ...(settings ? { settings } : {}),
    });
    const after = (await findAgency(trx, agencyId))!;
    // the name and the site settings are on every portal page
    await portalPagesChanged(trx, agencyId, 'all');
    await record({
      agencyId,
      entityType: 'agency',
      entityId: agencyId,
      action: 'update_settings',
      actor: actorOf(actor),
      data: { before, after },
    });
    return after;
  });
  catalogChanged({ database: ctx.database, agencyId, items: [] }); // the portals (name, domains) on every process
  return updated;
}

/**
 * The agency's portal host names (setting `domains`, #15 point 3): a list of host names, none another agency's.
 */
async function checkDomains(ctx: ServiceContext, agencyId: number, domains: unknown): Promise<void> {
  const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
  if (!Array.isArray(domains) || domains.some((d) => typeof d !== 'string' || !HOST.test(normaliseHost(d))))
    throw validationError(
      'settings.domains',
      '门户域名应为域名列表，例如 ["wjj.example.gov.cn"]（不含 http:// 和路径）',
    );
  for (const other of await listAgencies(ctx.database.db)) {
    if (other.id === agencyId) continue;
    const taken = agencyDomains(other).find((d) => (domains as string[]).map(normaliseHost).includes(d));
    if (taken) throw validationError('settings.domains', `域名“${taken}”已是“${other.name}”的门户域名`);
  }
}

/** The 文号 series settings (issue 12 point 5): each kind its own 机关代字, none blank, none too long. */
function checkNumberSettings(settings: Record<string, unknown>, agencyName: string): void {
  const prefix =
    typeof settings.letterNumberPrefix === 'string' && settings.letterNumberPrefix.trim()
      ? settings.letterNumberPrefix.trim()
      : `${agencyName.slice(0, 4)}依申`;
  const own = settings.letterNumberSeries;
  if (own !== undefined && own !== null && (typeof own !== 'object' || Array.isArray(own)))
    throw validationError('letterNumberSeries', '文号机关代字应为“文书种类 → 代字”的对照');
  const series = (own ?? {}) as Record<string, unknown>;
  for (const [kind, value] of Object.entries(series)) {
    if (!isLetterKind(kind)) throw validationError(`letterNumberSeries.${kind}`, `“${kind}”不是文书种类`);
    if (value !== null && typeof value !== 'string')
      throw validationError(`letterNumberSeries.${kind}`, `${LETTER_KIND_LABEL[kind]}的文号机关代字应为文字`);
  }
  const problems = seriesProblems(prefix, series as Partial<Record<LetterKind, string>>);
  if (problems.length > 0)
    throw new AppError('validation', problems.map((p) => p.message).join('；'), problems[0]!.field, problems);
}

/** An e-mail address for reminders: empty means none; otherwise one plain address (issue 12 point 4). */
export function checkEmail(email: string | null | undefined): string | null {
  const e = email?.trim() ?? '';
  if (e === '') return null;
  if (e.length > 254 || !/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(e))
    throw validationError('email', `电子邮箱地址“${e}”格式不正确，应如 name@example.gov.cn`);
  return e;
}

/** A staff member's department (科室, for 会签): empty means none; otherwise one of the agency's departments. */
async function checkDepartment(
  ctx: ServiceContext,
  agencyId: number,
  value: string | null | undefined,
): Promise<string | null> {
  const name = value?.trim() ?? '';
  if (name === '') return null;
  const agency = await findAgency(ctx.database.db, agencyId);
  if (!departmentsOf(agency?.settings ?? {}).includes(name))
    throw validationError('department', `“${name}”不是本机关的科室，请先在机关设置中添加`);
  return name;
}

export function checkPassword(password: string): void {
  if (password.length < 10) throw validationError('password', '密码至少 10 位');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password))
    throw validationError('password', '密码须同时包含字母和数字');
}

/** Creates a staff account in the actor's agency (admins), or anywhere for 'system' (seeding). */
export async function createUser(
  ctx: ServiceContext,
  actor: Principal | 'system',
  input: {
    agencyId: number;
    username: string;
    displayName: string;
    roles: string[];
    password: string;
    email?: string | null;
    department?: string | null;
  },
): Promise<User> {
  if (
    actor !== 'system' &&
    !(actor.kind === 'staff' && actor.agencyId === input.agencyId && hasRole(actor, 'admin'))
  )
    throw forbidden('只有本机关管理员可以新建账号');
  if (!/^[A-Za-z0-9_.-]{3,40}$/.test(input.username))
    throw validationError('username', '用户名只能由 3–40 位字母、数字、“_”“.”“-”组成');
  if (!input.displayName.trim()) throw validationError('displayName', '姓名不能为空');
  const roles = input.roles.filter(isRole) as Role[];
  if (roles.length === 0 || roles.length !== input.roles.length)
    throw validationError(
      'roles',
      '角色无效，至少选择一个：登记员、承办人、审核人、负责人、管理员、上级政务公开办',
    );
  checkPassword(input.password);
  const email = checkEmail(input.email);
  const department = await checkDepartment(ctx, input.agencyId, input.department);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (trx, record) => {
    if (await findUserByUsername(trx, input.username))
      throw new AppError('conflict', `用户名 ${input.username} 已存在`, 'username');
    const user = await insertUser(
      trx,
      {
        agencyId: input.agencyId,
        username: input.username,
        displayName: input.displayName.trim(),
        roles,
        passwordHash,
        email,
        department,
      },
      nowIso(ctx),
    );
    await record({
      agencyId: input.agencyId,
      entityType: 'user',
      entityId: user.id,
      action: 'create',
      actor: actor === 'system' ? 'system' : actorOf(actor),
      data: { after: user },
    });
    return user;
  });
}

export async function changeUser(
  ctx: ServiceContext,
  actor: Principal,
  userId: number,
  patch: {
    displayName?: string;
    roles?: string[];
    disabled?: boolean;
    password?: string;
    email?: string | null;
    department?: string | null;
  },
  /** the session token of the request making the change: a new password ends every other session */
  currentSession?: string,
): Promise<User> {
  const target = await findUser(ctx.database.db, userId);
  if (!target) throw new AppError('not_found', '账号不存在');
  if (!(actor.kind === 'staff' && actor.agencyId === target.agencyId && hasRole(actor, 'admin')))
    throw forbidden('只有本机关管理员可以修改账号');
  let roles: Role[] | undefined;
  if (patch.roles) {
    roles = patch.roles.filter(isRole) as Role[];
    if (roles.length === 0 || roles.length !== patch.roles.length) throw validationError('roles', '角色无效');
  }
  if (
    [patch.displayName, patch.roles, patch.disabled, patch.password, patch.email, patch.department].every(
      (v) => v === undefined,
    )
  )
    throw validationError('displayName', '没有要修改的内容：请提供姓名、角色、停用状态、电子邮箱或新密码');
  const email = patch.email !== undefined ? checkEmail(patch.email) : undefined;
  const department =
    patch.department !== undefined
      ? await checkDepartment(ctx, target.agencyId, patch.department)
      : undefined;
  if (patch.password !== undefined) checkPassword(patch.password);
  const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  return inTransaction(ctx, async (trx, record) => {
    await updateUser(trx, userId, {
      ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
      ...(roles ? { roles } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      ...(passwordHash ? { passwordHash } : {}),
      ...(email !== undefined ? { email } : {}),
      ...(department !== undefined ? { department } : {}),
    });
    const after = (await findUser(trx, userId))!;
    // a new password (or a disabled account) ends the user's sessions, except the one making the change
    const sessionsEnded =
      passwordHash || patch.disabled
        ? await deleteUserSessions(trx, userId, currentSession ? sha256(currentSession) : undefined)
        : 0;
    await record({
      agencyId: target.agencyId,
      entityType: 'user',
      entityId: userId,
      action: 'update',
      actor: actorOf(actor),
      data: { before: target, after, passwordChanged: !!passwordHash, sessionsEnded },
    });
    return after;
  });
}

/** An account as its administrator sees it: with the locks its username has now (a lock holds per client). */
export interface UserAccount extends User {
  loginLock: { clients: number; until: string } | null;
}

export async function usersOf(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
): Promise<UserAccount[]> {
  if (!(actor.kind === 'staff' && actor.agencyId === agencyId && hasRole(actor, 'admin')))
    throw forbidden('只有本机关管理员可以查看账号');
  const users = await listUsers(ctx.database.db, agencyId);
  const locks = await activeLoginLocks(
    ctx.database.db,
    users.map((u) => u.username.toLowerCase()),
    nowIso(ctx),
  );
  return users.map((u) => ({ ...u, loginLock: locks.get(u.username.toLowerCase()) ?? null }));
}

/** May the actor see records of this agency? Own agency, or a supervisor over its subtree. */
export async function canSeeAgency(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
): Promise<boolean> {
  if (actor.kind !== 'staff') return false;
  if (actor.agencyId === agencyId) return true;
  if (!hasRole(actor, 'supervisor')) return false;
  return (await subtreeIds(ctx.database.db, actor.agencyId)).includes(agencyId);
}
