import type { Role } from '../../domain/access/roles.ts';
import type { Agency, AgencyKind } from '../../persistence/repositories/agency.repository.ts';
import { insertUser } from '../../persistence/repositories/user.repository.ts';
import { hashPassword } from '../../security/password.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';
import { createAgency } from '../staff.service.ts';
import { DEMO_DEPARTMENTS } from './cosigns.ts';

/**
 * The demo hierarchy: 某市人民政府 → 某市某区人民政府 → 某市某区卫生健康局 (the demo agency) and three sibling bureaus,
 * so supervision has reports to collect. Every account shares one password, hashed once (scrypt is slow on
 * purpose; one hash keeps seeding fast). The demo login is kept in the demo agency's settings, so the login
 * page shows it again after a restart.
 */
export const DEMO_USERNAME = 'demo';
export const DEMO_PASSWORD = 'gongkai-demo-2026';

export type Staff = { kind: 'staff'; userId: number; agencyId: number; roles: Role[]; name: string };
export type RoleStaff = Record<Role, Staff>;

interface AccountSpec {
  username: string;
  name: string;
  roles: Role[];
  /** 所在科室 (会签) */
  department?: string;
}

const DEMO_SETTINGS = {
  address: '某市某区健康路1号',
  officeHours: '工作日 上午 8:30–12:00，下午 14:00–17:30',
  phone: '0571-88880000',
  letterNumberPrefix: '某区卫健依申',
  departments: [...DEMO_DEPARTMENTS],
};

const staffOf = (agency: Agency, accounts: readonly AccountSpec[], ids: number[]) =>
  accounts.map((a, i): Staff => ({
    kind: 'staff',
    userId: ids[i]!,
    agencyId: agency.id,
    roles: a.roles,
    name: a.name,
  }));

/**
 * One account per role (and any extra), all with the demo password and an address under the agency's own
 * example.org host (a reserved domain: the daily reminders can be sent without reaching anyone).
 */
async function accounts(
  ctx: ServiceContext,
  agency: Agency,
  specs: readonly AccountSpec[],
  hash: string,
  mailHost: string,
) {
  const ids = await inTransaction(ctx, async (trx, record) => {
    const out: number[] = [];
    for (const spec of specs) {
      const user = await insertUser(
        trx,
        {
          agencyId: agency.id,
          username: spec.username,
          displayName: spec.name,
          roles: spec.roles,
          passwordHash: hash,
          email: `${spec.username}@${mailHost}`,
          department: spec.department ?? null,
        },
        nowIso(ctx),
      );
      await record({
        agencyId: agency.id,
        entityType: 'user',
        entityId: user.id,
        action: 'create',
        actor: 'system:demo',
        data: { after: user },
      });
      out.push(user.id);
    }
    return out;
  });
  return staffOf(agency, specs, ids);
}

const byRole = (prefix: string, names: Partial<Record<Role, string>>): AccountSpec[] =>
  (Object.entries(names) as [Role, string][]).map(([role, name]) => ({
    username: `${prefix}-${role}`,
    // the console's header adds the roles (“李强（承办人）”): the name is the person's own (issue 12 point 8)
    name,
    roles: [role],
  }));

function asRoleStaff(list: Staff[]): RoleStaff {
  const out = {} as RoleStaff;
  for (const s of list) if (s.roles.length === 1) out[s.roles[0]!] = s;
  return out;
}

export interface DemoAgencies {
  city: Agency;
  district: Agency;
  health: Agency;
  siblings: { agency: Agency; staff: RoleStaff }[];
  /** the health bureau's staff, one per role */
  staff: RoleStaff;
  /** the demo login: every role but supervisor, in the health bureau */
  demo: Staff;
  /** members of two of the bureau's departments, who answer its 会签 */
  members: { legal: Staff; medical: Staff };
  districtSupervisor: Staff;
}

export async function seedAgencies(ctx: ServiceContext): Promise<DemoAgencies> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const agency = (
    code: string,
    name: string,
    kind: AgencyKind,
    parentId: number | null,
    settings: Record<string, unknown> = {},
  ) => createAgency(ctx, 'system', { code, name, kind, parentId, settings });
  const city = await agency('DEMO-SZF', '某市人民政府', 'government', null);
  const district = await agency('DEMO-QZF', '某市某区人民政府', 'government', city.id);
  const health = await agency('DEMO-WJJ', '某市某区卫生健康局', 'department', district.id, {
    ...DEMO_SETTINGS,
    demoLogin: { username: DEMO_USERNAME, password: DEMO_PASSWORD },
    // the demo's work is the bureau's: its portal is the one at /
    portal: { default: true },
  });
  await accounts(ctx, city, byRole('szf', { supervisor: '钱立新' }), hash, 'szf.example.org');
  const [districtSupervisor] = await accounts(
    ctx,
    district,
    [...byRole('qzf', { supervisor: '孙晓梅', head: '周建国' })],
    hash,
    'qzf.example.org',
  );
  const healthStaff = await accounts(
    ctx,
    health,
    [
      {
        username: DEMO_USERNAME,
        name: '演示用户',
        roles: ['registrar', 'handler', 'reviewer', 'head', 'admin'],
        // the 公开办 sits in 办公室: the demo login answers 办公室's 会签 and sees them in its reminders
        department: '办公室',
      },
      ...byRole('wjj', {
        registrar: '张敏',
        handler: '李强',
        reviewer: '王芳',
        head: '陈志刚',
        admin: '刘洋',
      }),
    ],
    hash,
    'wjj.example.org',
  );
  const [legal, medical] = await accounts(
    ctx,
    health,
    [
      { username: 'wjj-legal', name: '孙丽', roles: ['reviewer'], department: '法规科' },
      { username: 'wjj-medical', name: '周涛', roles: ['reviewer'], department: '医政医管科' },
    ],
    hash,
    'wjj.example.org',
  );
  const siblings = [];
  for (const [code, name, prefix] of [
    ['DEMO-JYJ', '某市某区教育局', 'jyj'],
    ['DEMO-SCJ', '某市某区市场监督管理局', 'scj'],
    ['DEMO-MZJ', '某市某区民政局', 'mzj'],
  ] as const) {
    const sibling = await agency(code, name, 'department', district.id);
    const list = await accounts(
      ctx,
      sibling,
      byRole(prefix, { registrar: '赵磊', handler: '黄静', reviewer: '吴涛', head: '徐刚' }),
      hash,
      `${prefix}.example.org`,
    );
    siblings.push({ agency: sibling, staff: asRoleStaff(list) });
  }
  return {
    city,
    district,
    health,
    siblings,
    staff: asRoleStaff(healthStaff),
    demo: healthStaff[0]!,
    members: { legal: legal!, medical: medical! },
    districtSupervisor: districtSupervisor!,
  };
}
