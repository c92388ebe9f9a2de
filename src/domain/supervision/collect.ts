import type { Role } from '../access/roles.ts';
import { isLocalDate } from '../calendar/local-date.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import { AppError } from '../errors.ts';
import type { ReportStatus } from '../report-workspace/status.ts';
import { REPORT_STATUS_LABEL } from '../report-workspace/status.ts';
import { DRAFTERS } from '../report-workspace/transitions.ts';

/**
 * Reports of agencies not on Gongkai (no staff account of their own): the supervisor collects them — a document
 * uploaded and read by the importer, or the figures entered by hand (interchange JSON, corrected cell by cell) —
 * and they are then returned or cleared like any submitted report. An agency on Gongkai submits its own report;
 * a report already cleared or published is not replaced (return it first).
 */
export const COLLECTABLE_STATUSES: readonly ReportStatus[] = [
  'not_started',
  'draft',
  'returned',
  'submitted',
];

export interface CollectFacts {
  /** the agency is strictly below the supervisor's agency */
  below: boolean;
  /** the agency has staff accounts of its own */
  onPlatform: boolean;
  status: ReportStatus;
}

export function checkCollect(roles: readonly Role[], facts: CollectFacts): void {
  if (!roles.includes('supervisor'))
    throw new AppError('forbidden', '收集下级机关的年度报告须由上级政务公开办办理');
  if (!facts.below) throw new AppError('forbidden', '只能收集本机关所辖下级机关的年度报告', 'agencyId');
  if (facts.onPlatform)
    throw new AppError(
      'invalid_state',
      '该机关已在本系统中编制年度报告，须由其自行报送，不能代为录入',
      'agencyId',
    );
  if (!COLLECTABLE_STATUSES.includes(facts.status))
    throw new AppError(
      'invalid_state',
      `年度报告处于“${REPORT_STATUS_LABEL[facts.status]}”状态，须先退回修改才能重新收集`,
      'agencyId',
    );
}

/** The day the report reached the supervisor: a date in or after the report year, not in the future. */
export function checkReceivedOn(receivedOn: unknown, year: number, today: LocalDate): LocalDate {
  if (!isLocalDate(receivedOn)) throw new AppError('validation', '收到日期应为 YYYY-MM-DD', 'receivedOn');
  if (receivedOn > today) throw new AppError('validation', '收到日期不能晚于今天', 'receivedOn');
  if (receivedOn < `${year}-01-01`)
    throw new AppError('validation', `收到日期不能早于 ${year} 年`, 'receivedOn');
  return receivedOn;
}

/**
 * Pre-filling the 本级人民政府's own report from the rollup of the agencies below it: done by its own
 * 政务公开办 or report drafters, while the report is not yet submitted (not started, draft, returned).
 */
export function checkPrefill(
  roles: readonly Role[],
  facts: { own: boolean; government: boolean; status: ReportStatus },
): void {
  if (!facts.own) throw new AppError('forbidden', '只能为本机关生成年度报告草稿', 'agencyId');
  if (!roles.some((r) => r === 'supervisor' || DRAFTERS.includes(r)))
    throw new AppError('forbidden', '生成年度报告草稿须由政务公开办或承办人、负责人、管理员办理');
  if (!facts.government)
    throw new AppError('invalid_state', '汇总生成年度报告草稿只适用于本级人民政府', 'agencyId');
  if (!['not_started', 'draft', 'returned'].includes(facts.status))
    throw new AppError(
      'invalid_state',
      `本机关年度报告处于“${REPORT_STATUS_LABEL[facts.status]}”状态，不能用汇总数据覆盖`,
    );
}
