import { CompiledQuery } from 'kysely';
import type { Principal } from '../../domain/access/principal.ts';
import { isStaffOf } from '../../domain/access/principal.ts';
import { applicantName } from './applicant-input.ts';
import type { ApplicantType, Outcome } from '../../domain/application/index.ts';
import { APPLICANT_TYPES, OUTCOMES, reportRow } from '../../domain/application/index.ts';
import { forbidden, validationError } from '../../domain/errors.ts';
import type { Report2019, Report2021, ReportFormat, RequestRow } from '../../domain/report/index.ts';
import { APPLICANT_COLUMNS, formatForYear, requestRowSpec, requestRows } from '../../domain/report/index.ts';
import type { Database } from '../../persistence/database.ts';
import type { ServiceContext } from '../context.ts';
import { canSeeAgency } from '../staff.service.ts';

/**
 * Table 三 from the register, in SQL: one pass over the agency's applications grouped by applicant type and
 * outcome, with the four counts of the statutory definition (see domain/application/table3.ts, the reference
 * this is tested against):
 *   new       received in the year;
 *   carried   received before the year, open on 1 January;
 *   closed    closed in the year (counted in its outcome's row);
 *   forward   received by 31 December, open after it.
 */
export interface Table3Counts {
  applicantType: ApplicantType;
  outcome: Outcome | null;
  new: number;
  carried: number;
  closed: number;
  forward: number;
}

/** The grouped counts as one hand-written statement, per dialect and number of agencies (built once, cached). */
const statements = new Map<string, string>();
function table3Sql(dialect: 'sqlite' | 'postgres', agencies: number): string {
  const key = `${dialect}:${agencies}`;
  let text = statements.get(key);
  if (!text) {
    let n = 0;
    const p = () => (dialect === 'postgres' ? `$${++n}` : '?');
    const sums =
      `sum(case when received_on >= ${p()} then 1 else 0 end) as new, ` +
      `sum(case when received_on < ${p()} then 1 else 0 end) as carried, ` +
      `sum(case when closed_on <= ${p()} then 1 else 0 end) as closed, ` +
      `sum(case when closed_on is null or closed_on > ${p()} then 1 else 0 end) as forward`;
    const ids = Array.from({ length: agencies }, p).join(', ');
    text =
      `select applicant_type, outcome, ${sums} ` +
      `from applications where agency_id in (${ids}) and received_on <= ${p()} and (closed_on is null or closed_on >= ${p()}) ` +
      `group by applicant_type, outcome`;
    statements.set(key, text);
  }
  return text;
}

export async function table3Counts(
  database: Database,
  agencyIds: readonly number[],
  year: number,
): Promise<Table3Counts[]> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const params = [first, first, last, last, ...agencyIds, last, first];
  const { rows } = await database.db.executeQuery<{
    applicant_type: string;
    outcome: string | null;
    new: number;
    carried: number;
    closed: number;
    forward: number;
  }>(CompiledQuery.raw(table3Sql(database.dialect, agencyIds.length), params));
  return rows.map((r) => ({
    applicantType: r.applicant_type as ApplicantType,
    outcome: r.outcome as Outcome | null,
    new: Number(r.new),
    carried: Number(r.carried),
    closed: Number(r.closed),
    forward: Number(r.forward),
  }));
}

/** Assembles the report's `requests` table (every cell a number) from the grouped counts. */
export function requestsFromCounts(
  counts: readonly Table3Counts[],
  year: number,
  format: ReportFormat = formatForYear(year),
): Report2019['requests'] | Report2021['requests'] {
  const table: Record<string, RequestRow> = {};
  for (const row of requestRows(format))
    table[row.key] = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, 0])) as RequestRow;
  const add = (row: string, column: ApplicantType, n: number) => {
    if (n === 0) return;
    const cells = table[row]!;
    cells[column] = (cells[column] ?? 0) + n;
    cells.total = (cells.total ?? 0) + n;
  };
  for (const c of counts) {
    add('new_received', c.applicantType, c.new);
    add('carried_over', c.applicantType, c.carried);
    if (c.outcome && c.closed > 0) {
      add(reportRow(c.outcome, format), c.applicantType, c.closed);
      add('total', c.applicantType, c.closed);
    }
    add('carry_forward', c.applicantType, c.forward);
  }
  return table as Report2019['requests'] | Report2021['requests'];
}

export async function table3ForAgency(
  ctx: ServiceContext,
  principal: Principal,
  agencyId: number,
  year: number,
  format?: ReportFormat,
) {
  if (!(await canSeeAgency(ctx, principal, agencyId))) throw forbidden('无权查看该机关的数据');
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw validationError('year', '年度无效');
  const f = format ?? formatForYear(year);
  return {
    year,
    format: f,
    requests: requestsFromCounts(await table3Counts(ctx.database, [agencyId], year), year, f),
  };
}

/**
 * Drill-down: the applications counted in one cell of table 三 (row key of the given format, column key),
 * with the same definitions as the counts.
 */
export async function table3Cell(
  ctx: ServiceContext,
  principal: Principal,
  agencyId: number,
  year: number,
  row: string,
  column: string,
  format?: ReportFormat,
) {
  // the applications themselves (name, request text): the agency's own staff only; a supervisor above sees the
  // counts (table3ForAgency), not individual applications
  if (!isStaffOf(principal, agencyId))
    throw forbidden('上级机关查看统计数字和年度报告，不查看下级机关的具体申请');
  const f = format ?? formatForYear(year);
  if (!requestRowSpec(f, row)) throw validationError('row', `表三没有“${row}”这一行`);
  if (column !== 'total' && !(APPLICANT_TYPES as readonly string[]).includes(column))
    throw validationError('column', `表三没有“${column}”这一列`);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  let q = ctx.database.db
    .selectFrom('applications')
    .select([
      'id',
      'tracking_code',
      'applicant_type',
      'applicant_name',
      'applicant_name_idx',
      'received_on',
      'closed_on',
      'outcome',
      'state',
      'summary',
    ])
    .where('agency_id', '=', agencyId)
    .where('received_on', '<=', last)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', first)]));
  if (column !== 'total') q = q.where('applicant_type', '=', column);
  if (row === 'new_received') q = q.where('received_on', '>=', first);
  else if (row === 'carried_over') q = q.where('received_on', '<', first);
  else if (row === 'carry_forward')
    q = q.where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', last)]));
  else {
    q = q.where('closed_on', '<=', last).where('outcome', 'is not', null);
    if (row !== 'total') {
      const outcomes = OUTCOMES.filter((o) => reportRow(o, f) === row);
      q = q.where('outcome', 'in', outcomes.length > 0 ? outcomes : ['-']);
    }
  }
  const rows = await q.orderBy('received_on').limit(1000).execute();
  return rows.map((r) => ({
    id: r.id,
    trackingCode: r.tracking_code,
    applicantType: r.applicant_type,
    applicantName: applicantName(ctx.cipher, r.applicant_name, r.applicant_name_idx),
    receivedOn: r.received_on,
    closedOn: r.closed_on,
    outcome: r.outcome,
    state: r.state,
    summary: r.summary,
  }));
}
