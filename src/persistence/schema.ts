import type { Generated } from 'kysely';
import type { ApplicationSchema } from './schema-application.ts';
import type { CatalogSchema } from './schema-catalog.ts';
import type { MailSchema } from './schema-mail.ts';
import type { ReportSchema } from './schema-reports.ts';
import type { SharedStateSchema } from './schema-shared-state.ts';
import type { SupervisionSchema } from './schema-supervision.ts';

/**
 * The database schema as Kysely sees it. Portable types only: integers, text (ISO dates 'YYYY-MM-DD' and
 * timestamps 'YYYY-MM-DDTHH:mm:ss.sssZ'), JSON kept as text, booleans as 0/1. Migrations create it.
 */
export interface AgencyTable {
  id: Generated<number>;
  /** 机构代码 — the agency's code, also the prefix of its 索引号 */
  code: string;
  name: string;
  /** 'government' (人民政府) | 'department' (本级人民政府工作部门) | 'vertical' (垂直管理部门) | 'office' (政务公开办) */
  kind: string;
  parent_id: number | null;
  /** JSON: address, office hours, channels, letter settings, 索引号 scheme … */
  settings: string;
  created_at: string;
}

export interface UserTable {
  id: Generated<number>;
  agency_id: number;
  username: string;
  display_name: string;
  password_hash: string;
  /** JSON array of roles */
  roles: string;
  disabled: number;
  created_at: string;
  /** the address reminders are mailed to (0008); null: none */
  email: string | null;
  /** the staff member's department (科室, 0017), one of the agency's `departments`; null: none */
  department: string | null;
}

export interface SessionTable {
  /** sha256 of the session token (the token itself is only in the cookie) */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** Every state change of every record: append-only, hash-chained (tamper-evident). */
export interface EventTable {
  id: Generated<number>;
  agency_id: number | null;
  entity_type: string;
  entity_id: string;
  action: string;
  /** 'user:12', 'applicant', 'system' */
  actor: string;
  actor_role: string | null;
  at: string;
  /** JSON: before/after and details */
  data: string;
  prev_hash: string;
  hash: string;
}

/** The head of the event hash chain: one row, locked by writers to serialise the chain. */
export interface EventHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
}

/** Official holiday schedules loaded at run time by an administrator (bundled years need no row). */
export interface HolidayScheduleTable {
  year: number;
  /** JSON of the schedule ({year, days: [{date, name, isOffDay}]}) */
  data: string;
  uploaded_by: number | null;
  uploaded_at: string;
}

/** Requests counted per client and fixed window (the anonymous render limit, issue 16). */
export interface RequestCountTable {
  bucket: string;
  client: string;
  window_start: string;
  count: number;
}

export interface Schema
  extends ApplicationSchema, CatalogSchema, MailSchema, ReportSchema, SupervisionSchema, SharedStateSchema {
  agencies: AgencyTable;
  users: UserTable;
  sessions: SessionTable;
  events: EventTable;
  event_head: EventHeadTable;
  holiday_schedules: HolidayScheduleTable;
  request_counts: RequestCountTable;
}
