import type { Principal } from '../../domain/access/principal.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { Agency, AgencyKind } from '../../persistence/repositories/agency.repository.ts';
import type { ServiceContext } from '../context.ts';
import { createAgency, createUser } from '../staff.service.ts';

/**
 * Test fixture for supervision (not used by the application): a 某市 hierarchy of 54 agencies on four levels —
 * the city government with its office and eight departments; three district governments with thirteen
 * departments each; two units under one district department. Only some agencies have staff accounts (are on
 * Gongkai); the rest are collected by their supervisor. Passwords are `test-password-1`.
 */
export type Staff = Extract<Principal, { kind: 'staff' }>;

export const CITY_DEPARTMENTS = [
  '卫生健康委员会',
  '教育局',
  '公安局',
  '民政局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
];
export const DISTRICT_DEPARTMENTS = [
  '卫生健康局',
  '教育局',
  '民政局',
  '财政局',
  '司法局',
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '应急管理局',
  '市场监督管理局',
  '城市管理局',
];

export interface Hierarchy {
  city: Agency;
  cityOffice: Agency;
  cityDepartments: Agency[];
  districts: { government: Agency; departments: Agency[] }[];
  units: Agency[];
  all: Agency[];
  staff: {
    citySupervisor: Staff;
    cityAdmin: Staff;
    /** 卫生健康委员会 and 教育局 of the city: on Gongkai */
    cityDepartment: [Staff, Staff];
    districtASupervisor: Staff;
    districtBSupervisor: Staff;
    /** 卫生健康局 and 教育局 of district A: on Gongkai */
    districtADepartment: [Staff, Staff];
  };
}

export async function supervisionHierarchy(ctx: ServiceContext, prefix = 'S'): Promise<Hierarchy> {
  const all: Agency[] = [];
  const agency = async (code: string, name: string, kind: AgencyKind, parentId: number | null) => {
    const a = await createAgency(ctx, 'system', { code: `${prefix}${code}`, name, kind, parentId });
    all.push(a);
    return a;
  };
  const user = async (a: Agency, name: string, roles: Role[]): Promise<Staff> => {
    const u = await createUser(ctx, 'system', {
      agencyId: a.id,
      username: `${prefix.toLowerCase()}-${name}`,
      displayName: `${name}`,
      roles,
      password: 'test-password-1',
    });
    return { kind: 'staff', userId: u.id, agencyId: a.id, roles, name: u.displayName };
  };
  const city = await agency('M00', '某市人民政府', 'government', null);
  const cityOffice = await agency('M01', '某市人民政府办公室', 'office', city.id);
  const cityDepartments: Agency[] = [];
  for (const [i, name] of CITY_DEPARTMENTS.entries())
    cityDepartments.push(await agency(`M${String(i + 10)}`, `某市${name}`, 'department', city.id));
  const districts: Hierarchy['districts'] = [];
  for (const d of ['A', 'B', 'C']) {
    const government = await agency(`${d}00`, `某市${d}区人民政府`, 'government', city.id);
    const departments: Agency[] = [];
    for (const [i, name] of DISTRICT_DEPARTMENTS.entries())
      departments.push(await agency(`${d}${String(i + 10)}`, `${d}区${name}`, 'department', government.id));
    districts.push({ government, departments });
  }
  const units = [
    await agency('A10X1', 'A区卫生健康综合监督执法所', 'vertical', districts[0]!.departments[0]!.id),
    await agency('A10X2', 'A区疾病预防控制中心', 'vertical', districts[0]!.departments[0]!.id),
  ];
  const drafter: Role[] = ['registrar', 'handler', 'reviewer', 'head'];
  const staff: Hierarchy['staff'] = {
    citySupervisor: await user(city, 'city-supervisor', ['supervisor']),
    cityAdmin: await user(city, 'city-admin', ['admin']),
    cityDepartment: [
      await user(cityDepartments[0]!, 'city-health', drafter),
      await user(cityDepartments[1]!, 'city-education', drafter),
    ],
    districtASupervisor: await user(districts[0]!.government, 'a-supervisor', ['supervisor']),
    districtBSupervisor: await user(districts[1]!.government, 'b-supervisor', ['supervisor']),
    districtADepartment: [
      await user(districts[0]!.departments[0]!, 'a-health', drafter),
      await user(districts[0]!.departments[1]!, 'a-education', drafter),
    ],
  };
  return { city, cityOffice, cityDepartments, districts, units, all, staff };
}
