import type { Principal } from '../../domain/access/principal.ts';
import type { AppealsTable } from '../../domain/appeals/index.ts';
import { appealCellKey, appealsTable } from '../../domain/appeals/index.ts';
import { validationError } from '../../domain/errors.ts';
import type { AppealColumn, AppealGroup } from '../../domain/report/index.ts';
import { APPEAL_COLUMNS, APPEAL_GROUPS } from '../../domain/report/index.ts';
import { appealCasesOf } from '../../persistence/repositories/appeal-case.repository.ts';
import type { Db, ServiceContext } from '../context.ts';
import { requireReader } from './access.ts';
import type { AppealView } from './views.ts';
import { listAppeals } from './appeals.service.ts';

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2008 || year > 2100)
    throw validationError('year', '年度应为 2008–2100 的整数');
}

/** Table 四 of agencies' cases for a year (the counting rule: domain/appeals/counting.ts). No access check. */
export async function table4Of(db: Db, agencyIds: readonly number[], year: number): Promise<AppealsTable> {
  return appealsTable(await appealCasesOf(db, agencyIds, { year }), year);
}

/** Table 四 of an agency-year, with the cases behind every cell. */
export async function table4ForAgency(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
): Promise<AppealsTable> {
  checkYear(year);
  await requireReader(ctx, actor, agencyId);
  return table4Of(ctx.database.db, [agencyId], year);
}

/** Drill-down: the cases counted in one cell of table 四. */
export async function table4Cell(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  group: string,
  column: string,
): Promise<AppealView[]> {
  checkYear(year);
  if (!(APPEAL_GROUPS as readonly string[]).includes(group))
    throw validationError('row', `表四没有“${group}”这一组`);
  if (!(APPEAL_COLUMNS as readonly string[]).includes(column))
    throw validationError('column', `表四没有“${column}”这一列`);
  const table = await table4ForAgency(ctx, actor, agencyId, year);
  const ids = new Set(table.cells[appealCellKey(group as AppealGroup, column as AppealColumn)]);
  return (await listAppeals(ctx, actor, agencyId, { year })).filter((c) => ids.has(c.id));
}
