import type { LocalDate } from '../calendar/local-date.ts';
import { validationError } from '../errors.ts';
import type { ReportFormat } from '../report/format.ts';
import { formatForYear } from '../report/format.ts';
import type { Report2019, Report2021, RequestRow } from '../report/model.ts';
import type { RequestRowKey } from '../report/table3.ts';
import { APPLICANT_COLUMNS, requestRows } from '../report/table3.ts';
import type { ApplicantType } from './applicant.ts';
import type { Application } from './application.ts';
import type { Outcome } from './decisions.ts';
import { isOutcome, reportRow } from './decisions.ts';

/**
 * Table 三 (收到和处理政府信息公开申请情况) computed from the register — the reference the SQL version is tested
 * against. For an agency and a year Y:
 * - 一、本年新收: received in Y;
 * - 二、上年结转: received before Y and still open on 1 January Y (not closed, or closed in Y or later);
 * - 三、办理结果: closed in Y, in the row of its outcome (2019 layout: the three （六） outcomes in （六）其他处理);
 *   （七）总计 = their sum;
 * - 四、结转下年度: received by 31 December Y and still open after it.
 * An application received in Y is either closed in Y or carried forward, one carried over is either closed in Y
 * or carried forward again, so 一 + 二 = （七） + 四 in every column by construction.
 */
export interface ApplicationSummary {
  applicantColumn: ApplicantType;
  /** 收到申请之日 (Art. 31; the original date, not a 补正 restart) */
  receivedDate: LocalDate;
  closedDate: LocalDate | null;
  outcome: Outcome | null;
}

export function summaryOf(application: Application): ApplicationSummary {
  return {
    applicantColumn: application.applicantType,
    receivedDate: application.receivedOn,
    closedDate: application.closedOn,
    outcome: application.outcome,
  };
}

function checkSummary(s: ApplicationSummary, index: number): void {
  const at = `第 ${index + 1} 件申请`;
  if ((s.closedDate === null) !== (s.outcome === null))
    throw validationError(`summaries.${index}`, `${at}：办结日期和办理结果应同时填写或同时为空`);
  if (s.outcome !== null && !isOutcome(s.outcome))
    throw validationError(`summaries.${index}.outcome`, `${at}：办理结果“${String(s.outcome)}”无效`);
  if (s.closedDate !== null && s.closedDate < s.receivedDate)
    throw validationError(`summaries.${index}.closedDate`, `${at}：办结日期早于收到申请之日`);
}

/** The rows of table 三 (other than the 总计 column) an application is counted in for a year. */
export function countedRows(
  s: ApplicationSummary,
  year: number,
  format: ReportFormat = formatForYear(year),
): RequestRowKey[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const rows: RequestRowKey[] = [];
  if (s.receivedDate > last) return rows;
  const openAfter = (day: LocalDate) => s.closedDate === null || s.closedDate > day;
  if (s.receivedDate >= first) rows.push('new_received');
  else if (s.closedDate === null || s.closedDate >= first) rows.push('carried_over');
  if (s.closedDate !== null && s.outcome !== null && s.closedDate >= first && s.closedDate <= last)
    rows.push(reportRow(s.outcome, format), 'total');
  if (openAfter(last)) rows.push('carry_forward');
  return rows;
}

export function requestsFromRecords(
  summaries: readonly ApplicationSummary[],
  year: number,
  format: '2019',
): Report2019['requests'];
export function requestsFromRecords(
  summaries: readonly ApplicationSummary[],
  year: number,
  format: '2021',
): Report2021['requests'];
export function requestsFromRecords(
  summaries: readonly ApplicationSummary[],
  year: number,
  format?: ReportFormat,
): Report2019['requests'] | Report2021['requests'];
/**
 * The `requests` table of the annual report for one agency's applications and a year, in the layout the law
 * prescribes for the year (2019 format up to 2020, 2021 format from 2021) unless `format` is given. Every cell
 * is a number (0 where nothing is counted). Throws a validation error for an inconsistent summary.
 */
export function requestsFromRecords(
  summaries: readonly ApplicationSummary[],
  year: number,
  format: ReportFormat = formatForYear(year),
): Report2019['requests'] | Report2021['requests'] {
  const table: Record<string, RequestRow> = {};
  for (const row of requestRows(format))
    table[row.key] = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, 0])) as RequestRow;
  summaries.forEach((s, i) => {
    checkSummary(s, i);
    for (const row of countedRows(s, year, format)) {
      const cells = table[row]!;
      cells[s.applicantColumn] = (cells[s.applicantColumn] ?? 0) + 1;
      cells.total = (cells.total ?? 0) + 1;
    }
  });
  return table as Report2019['requests'] | Report2021['requests'];
}
