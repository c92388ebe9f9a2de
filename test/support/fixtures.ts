import type { ItemInput, ReviewAction } from '../../src/domain/catalog/index.ts';
import { createItem } from '../../src/services/catalog/item.service.ts';
import { actOnItem } from '../../src/services/catalog/review.service.ts';
import type { ApplicantInput } from '../../src/services/applications/applicant-input.ts';
import type { NewApplicationInput } from '../../src/services/applications/intake.ts';
import { createAgency, createUser } from '../../src/services/staff.service.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { Principal } from '../../src/domain/access/principal.ts';
import type { Role } from '../../src/domain/access/roles.ts';

/** A valid 居民身份证 number (check digit correct) and phone used across tests. */
export const ID_NUMBER = '11010519491231002X';
export const PHONE = '13912345678';

export const naturalApplicant = (overrides: Partial<ApplicantInput> = {}): ApplicantInput => ({
  type: 'natural',
  name: '李明',
  idKind: '居民身份证',
  idNumber: ID_NUMBER,
  phone: PHONE,
  email: 'liming@example.com',
  address: '某市某区某路1号',
  postcode: '310000',
  ...overrides,
});

export const counterApplication = (
  receivedOn: string,
  overrides: Partial<NewApplicationInput> = {},
): NewApplicationInput => ({
  applicant: naturalApplicant(),
  receipt: { channel: 'in_person', submittedOn: receivedOn },
  items: [{ description: '2025年度某区医疗机构名单', documentNumber: null }],
  form: 'electronic',
  delivery: 'email',
  ...overrides,
});

export type Staff = Extract<Principal, { kind: 'staff' }>;

/** An agency with one user per role, as principals. */
export async function agencyWithStaff(
  ctx: ServiceContext,
  code: string,
  name = `${code}卫生健康局`,
  parentId: number | null = null,
) {
  const agency = await createAgency(ctx, 'system', { code, name, kind: 'department', parentId });
  const roles: Role[] = ['registrar', 'handler', 'reviewer', 'head', 'admin', 'supervisor'];
  const staff = {} as Record<Role, Staff>;
  for (const role of roles) {
    const user = await createUser(ctx, 'system', {
      agencyId: agency.id,
      username: `${code.toLowerCase()}-${role}`,
      displayName: `${role}-${code}`,
      roles: [role],
      password: 'test-password-1',
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

/** Drafts an item and takes it through the review to publication, each step by its role; returns its id. */
export async function publishThroughReview(
  ctx: ServiceContext,
  staff: Record<'handler' | 'reviewer' | 'head', Staff>,
  agencyId: number,
  input: ItemInput,
): Promise<number> {
  const item = await createItem(ctx, staff.handler, agencyId, input);
  const steps: [ReviewAction, Staff][] = [
    ['submit', staff.handler],
    ['approve', staff.reviewer],
    ['pass_secrecy', staff.reviewer],
    ['sign', staff.head],
    ['publish', staff.head],
  ];
  for (const [action, actor] of steps) await actOnItem(ctx, actor, item.id, action);
  return item.id;
}
