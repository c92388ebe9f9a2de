import type { Kysely, Selectable } from 'kysely';
import type { AppealCase, AppealKind, DecidedResult } from '../../domain/appeals/index.ts';
import type { AppealCaseTable } from '../schema-reports.ts';
import type { Schema } from '../schema.ts';

/** A case as stored: the domain value with its row version and times. */
export interface StoredAppealCase extends AppealCase {
  version: number;
  createdAt: string;
  updatedAt: string;
}

const toCase = (r: Selectable<AppealCaseTable>): StoredAppealCase => ({
  id: r.id,
  agencyId: r.agency_id,
  applicationId: r.application_id,
  kind: r.kind as AppealKind,
  body: r.body,
  caseNumber: r.case_number,
  filedOn: r.filed_on,
  decidedOn: r.decided_on,
  result: r.result as DecidedResult | null,
  note: r.note,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

type Fields = Omit<AppealCase, 'id' | 'agencyId'>;

const columns = (c: Fields) => ({
  application_id: c.applicationId,
  kind: c.kind,
  body: c.body,
  case_number: c.caseNumber,
  filed_on: c.filedOn,
  decided_on: c.decidedOn,
  result: c.result,
  note: c.note,
});

export async function insertAppealCase(
  db: Kysely<Schema>,
  agencyId: number,
  fields: Fields,
  at: string,
): Promise<StoredAppealCase> {
  const row = await db
    .insertInto('appeal_cases')
    .values({ agency_id: agencyId, ...columns(fields), version: 1, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCase(row);
}

/** Writes the case if it is still at `version`; false when someone changed it first. */
export async function updateAppealCase(
  db: Kysely<Schema>,
  id: number,
  version: number,
  fields: Fields,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('appeal_cases')
    .set({ ...columns(fields), version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteAppealCase(db: Kysely<Schema>, id: number, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('appeal_cases')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function findAppealCase(db: Kysely<Schema>, id: number): Promise<StoredAppealCase | null> {
  const row = await db.selectFrom('appeal_cases').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCase(row) : null;
}

export async function findAppealCaseByNumber(
  db: Kysely<Schema>,
  agencyId: number,
  caseNumber: string,
): Promise<StoredAppealCase | null> {
  const row = await db
    .selectFrom('appeal_cases')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('case_number', '=', caseNumber)
    .executeTakeFirst();
  return row ? toCase(row) : null;
}

export interface AppealFilter {
  /** only cases counted in this year's table 四: filed by its end and not decided before its start */
  year?: number;
  kind?: AppealKind;
  /** only cases not yet decided */
  pending?: boolean;
  applicationId?: number;
}

/** The agency's cases, oldest filing first. */
export async function appealCasesOf(
  db: Kysely<Schema>,
  agencyIds: readonly number[],
  filter: AppealFilter = {},
): Promise<StoredAppealCase[]> {
  if (agencyIds.length === 0) return [];
  let q = db.selectFrom('appeal_cases').selectAll().where('agency_id', 'in', agencyIds);
  if (filter.year !== undefined) {
    const first = `${filter.year}-01-01`;
    q = q
      .where('filed_on', '<=', `${filter.year}-12-31`)
      .where((eb) => eb.or([eb('decided_on', 'is', null), eb('decided_on', '>=', first)]));
  }
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.pending) q = q.where('decided_on', 'is', null);
  if (filter.applicationId !== undefined) q = q.where('application_id', '=', filter.applicationId);
  const rows = await q.orderBy('filed_on').orderBy('id').execute();
  return rows.map(toCase);
}

export async function appealCasesByIds(
  db: Kysely<Schema>,
  ids: readonly number[],
): Promise<StoredAppealCase[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('appeal_cases')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('filed_on')
    .orderBy('id')
    .execute();
  return rows.map(toCase);
}

/** The 查询码 and agency of applications cases link to, by application id. */
export async function linkedApplications(
  db: Kysely<Schema>,
  ids: readonly number[],
): Promise<Map<number, { trackingCode: string; agencyId: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'tracking_code', 'agency_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { trackingCode: r.tracking_code, agencyId: r.agency_id }]));
}
