import type { LocalDate, WorkingCalendar } from '../../domain/calendar/index.ts';
import { narrativeTemplate } from '../../domain/report-workspace/index.ts';
import type { AnnualReport } from '../../domain/report/index.ts';
import { formatForYear, getCell, setCell } from '../../domain/report/index.ts';
import { renderReportHtml } from '../../render/report/index.ts';
import type { Agency } from '../../persistence/repositories/agency.repository.ts';
import type { ServiceContext } from '../context.ts';
import { composeReport } from '../report-workspace/compose.ts';
import { importReport } from '../report-workspace/import.service.ts';
import { changeStatus } from '../report-workspace/transitions.service.ts';
import {
  editNarrative,
  reportWorkspace,
  setReportFigures,
  startReport,
} from '../report-workspace/workspace.service.ts';
import type { RoleStaff, Staff } from './agencies.ts';
import type { Script } from './steps.ts';

/**
 * The demo's annual reports. The year before last was written outside Gongkai: it is rendered as a web page and
 * imported through the importer, as staff would upload last year's document. Last year's report goes through
 * the whole workflow in January — drafted, submitted, returned by the district's 政务公开办 with a comment,
 * corrected, resubmitted, cleared and published — and this year's is a draft. The sibling bureaus' reports of
 * last year sit at different steps (submitted, draft, not started), so supervision has work to show.
 */

/** Applications answered before the register was used: added to the imported report (balance kept). */
const HISTORY: readonly (readonly [string, string, number])[] = [
  ['granted', 'natural', 38],
  ['granted', 'commercial', 5],
  ['granted', 'legal', 2],
  ['partially_granted', 'natural', 4],
  ['unable_not_held', 'natural', 9],
  ['unable_not_held', 'legal', 1],
  ['not_handled_petition', 'natural', 3],
];

function withHistory(report: AnnualReport): AnnualReport {
  const add = (row: string, column: string, n: number) =>
    setCell(report, 'requests', row, column, (getCell(report, 'requests', row, column) ?? 0) + n);
  for (const [row, column, n] of HISTORY)
    for (const r of [row, 'total', 'new_received']) for (const c of [column, 'total']) add(r, c, n);
  return report;
}

async function importEarlierReport(ctx: ServiceContext, staff: RoleStaff, agency: Agency, year: number) {
  const { report } = await composeReport(ctx, staff.handler, agency, year, formatForYear(year), {});
  withHistory(report);
  report.narrative = narrativeTemplate(report, {
    agencyName: agency.name,
    government: false,
    proactiveItems: null,
    replies: { sent: 0, late: 0 },
    fees: { notices: 0, paidYuan: 0 },
    corrected: 0,
  });
  const bytes = new TextEncoder().encode(renderReportHtml(report));
  await importReport(ctx, staff.handler, agency.id, {
    fileName: `${agency.name}${year}年政府信息公开工作年度报告.html`,
    bytes,
    year,
  });
}

/** Figures from other systems (许可、处罚、强制、收费), as the office collects them in January. */
const ENTERED: Record<string, number> = {
  'licensing.decisions': 212,
  'penalty.decisions': 37,
  'coercion.decisions': 2,
  'fees.decisions': 0,
  'fees.amount_wan': 0,
};

/** Enters every table 二 cell still blank, so the report is finished (issue 12 point 7) before it is submitted. */
async function enterFigures(ctx: ServiceContext, head: Staff, agencyId: number, year: number) {
  const view = await reportWorkspace(ctx, head, agencyId, year);
  const figures = view.missing
    .filter((g) => g.kind === 'blank_cell' && g.where.startsWith('active.'))
    .map((g) => {
      const key = g.where.slice('active.'.length);
      return { key, value: ENTERED[key] ?? 0, note: '据业务系统年度统计' };
    });
  if (figures.length > 0) await setReportFigures(ctx, head, agencyId, year, figures);
}

export function scheduleReports(
  script: Script,
  calendar: WorkingCalendar,
  input: {
    health: Agency;
    staff: RoleStaff;
    supervisor: Staff;
    siblings: { agency: Agency; staff: RoleStaff }[];
    years: { first: number; last: number };
    today: LocalDate;
  },
): void {
  const { health, staff, supervisor, siblings, years, today } = input;
  const day = (date: LocalDate) => calendar.workingDayOnOrAfter(date).date;
  const first = years.first;
  const last = years.last - 1;
  script.add(day(`${first + 1}-01-12`), (ctx) => importEarlierReport(ctx, staff, health, first));

  const at = (date: string, run: (ctx: ServiceContext) => Promise<unknown>) =>
    script.add(day(`${years.last}-${date}`), async (ctx) => {
      await run(ctx);
    });
  at('01-05', (ctx) => startReport(ctx, staff.handler, health.id, last));
  at('01-13', (ctx) => enterFigures(ctx, staff.head, health.id, last));
  at('01-14', (ctx) => changeStatus(ctx, staff.head, health.id, last, 'submit'));
  at('01-16', (ctx) =>
    changeStatus(ctx, supervisor, health.id, last, 'return', {
      comment: '请在“五、存在的主要问题及改进情况”中说明逾期答复的原因和整改措施。',
    }),
  );
  at('01-19', (ctx) =>
    editNarrative(ctx, staff.handler, health.id, last, {
      problems:
        '本年度政府信息公开工作仍存在一些不足：个别申请因涉及多个科室、需调取档案，未能在法定期限内答复。\n下一步，将建立答复期限提醒和督办机制，每周通报即将到期的申请，确保按时答复；加强业务培训，提高答复的规范化水平。',
    }),
  );
  at('01-20', (ctx) => changeStatus(ctx, staff.head, health.id, last, 'submit'));
  at('01-22', (ctx) =>
    changeStatus(ctx, supervisor, health.id, last, 'clear', {
      comment: '通过。逾期答复的原因和整改措施已补充说明。',
    }),
  );
  at('01-26', (ctx) => changeStatus(ctx, staff.head, health.id, last, 'publish'));

  const [education, market] = siblings;
  if (education) {
    at('01-09', (ctx) => startReport(ctx, education.staff.handler, education.agency.id, last));
    at('01-20', (ctx) => enterFigures(ctx, education.staff.head, education.agency.id, last));
    at('01-21', (ctx) => changeStatus(ctx, education.staff.head, education.agency.id, last, 'submit'));
  }
  if (market) at('01-12', (ctx) => startReport(ctx, market.staff.handler, market.agency.id, last));

  // this year's report, opened today
  script.add(today, async (ctx) => {
    await startReport(ctx, staff.handler, health.id, years.last);
  });
}
