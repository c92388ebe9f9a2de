import type { Decision } from '../../domain/application/index.ts';
import type { Principal } from '../../domain/access/principal.ts';
import type { Role } from '../../domain/access/roles.ts';
import { act } from '../applications/actions.ts';
import type { ServiceContext } from '../context.ts';
import { createAgency, createUser } from '../staff.service.ts';
import { reportWorkspace, setReportFigures } from './workspace.service.ts';

/**
 * Test fixtures for the report workspace: a 人民政府 with departments below it, each with one user per role,
 * and an application taken to its reply. Used by the service and HTTP tests (not by the application).
 */
export type Staff = Extract<Principal, { kind: 'staff' }>;
const ROLES: Role[] = ['registrar', 'handler', 'reviewer', 'head', 'admin', 'supervisor'];

export async function agencyWithRoles(
  ctx: ServiceContext,
  code: string,
  name: string,
  kind: 'government' | 'department',
  parentId: number | null,
  password = 'test-password-1',
) {
  const agency = await createAgency(ctx, 'system', { code, name, kind, parentId });
  const staff = {} as Record<Role, Staff>;
  for (const role of ROLES) {
    const user = await createUser(ctx, 'system', {
      agencyId: agency.id,
      username: `${code.toLowerCase()}-${role}`,
      displayName: `${role}-${code}`,
      roles: [role],
      password,
    });
    staff[role] = {
      kind: 'staff',
      userId: user.id,
      agencyId: agency.id,
      roles: [role],
      name: user.displayName,
    };
  }
  return { agency, staff };
}

/** 某区人民政府 over 卫生健康局 and 教育局 (codes prefixed so tests in one database do not collide). */
export async function supervisedAgencies(ctx: ServiceContext, prefix: string) {
  const government = await agencyWithRoles(ctx, `${prefix}G`, `${prefix}区人民政府`, 'government', null);
  const health = await agencyWithRoles(
    ctx,
    `${prefix}H`,
    `${prefix}区卫生健康局`,
    'department',
    government.agency.id,
  );
  const education = await agencyWithRoles(
    ctx,
    `${prefix}E`,
    `${prefix}区教育局`,
    'department',
    government.agency.id,
  );
  return { government, health, education };
}

export const GRANTED: Decision = {
  outcome: 'granted',
  replyType: 'disclosed',
  exemption: null,
  reasons: null,
  responsibleAgency: null,
};
export const REPEAT: Decision = {
  outcome: 'not_handled_repeat',
  replyType: 'repeat',
  exemption: null,
  reasons: '该申请与此前已答复的申请内容相同',
  responsibleAgency: null,
};

/** Decides, approves and replies to an application on the clock's current day. */
export async function reply(ctx: ServiceContext, staff: Record<Role, Staff>, id: number, decision: Decision) {
  await act(ctx, staff.handler, id, { type: 'submit_decision', decision });
  await act(ctx, staff.reviewer, id, { type: 'review_decision' });
  await act(ctx, staff.head, id, { type: 'approve_decision' });
  return act(ctx, staff.registrar, id, { type: 'send_reply' });
}

/**
 * Finishes a drafted report for tests (issue 12 point 7): every blank table 二 cell entered as 0, so the
 * template's 〔待填〕 fill in and nothing is missing.
 */
export async function finishReport(ctx: ServiceContext, staff: Staff, agencyId: number, year: number) {
  const view = await reportWorkspace(ctx, staff, agencyId, year);
  const figures = view.missing
    .filter((g) => g.kind === 'blank_cell' && g.where.startsWith('active.'))
    .map((g) => ({ key: g.where.slice('active.'.length), value: 0 }));
  return figures.length > 0 ? setReportFigures(ctx, staff, agencyId, year, figures) : view;
}
