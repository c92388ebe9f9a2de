import type { Principal } from '../../domain/access/principal.ts';
import { isStaffOf } from '../../domain/access/principal.ts';
import { applicantName } from '../applications/applicant-input.ts';
import { AppError } from '../../domain/errors.ts';
import type { CellBasis } from '../../domain/report-workspace/index.ts';
import { cellName, getCell, parseCellPath } from '../../domain/report/index.ts';
import {
  appealCasesByIds,
  linkedApplications,
} from '../../persistence/repositories/appeal-case.repository.ts';
import { findNormativeDocument } from '../../persistence/repositories/normative-document.repository.ts';
import { applicationRowsByIds } from '../../persistence/repositories/report-figures.repository.ts';
import { appealView } from '../appeals/views.ts';
import { checkYear } from '../appeals/table4.ts';
import type { ServiceContext } from '../context.ts';
import { requireReportReader } from './access.ts';
import { reportState } from './state.ts';

/** The most records a drill-down lists (the count is always complete). */
export const DRILLDOWN_LIMIT = 1000;

/**
 * Drill-down: the records one cell of the report counts — the applications of a table 三 cell, the cases of a
 * table 四 cell, the 规章 / 规范性文件 of a 第二十条第（一）项 cell — or, for a figure entered from another system,
 * its note. A frozen report lists the records it counted when it was frozen.
 */
export async function reportCell(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  path: string,
) {
  checkYear(year);
  const { agency } = await requireReportReader(ctx, actor, agencyId);
  const ref = parseCellPath(path);
  const state = await reportState(ctx, actor, agency, year, { previous: false });
  const basis: CellBasis | undefined = state.sources[path];
  if (!ref || !basis) throw new AppError('validation', `本报告没有单元格“${path}”`, 'cell');
  const db = ctx.database.db;
  const base = {
    path,
    label: cellName(state.format, ref),
    value: getCell(state.report, ref.table, ref.row, ref.column),
    source: basis.kind,
    live: state.live,
  };
  switch (basis.kind) {
    case 'applications':
      // the applications themselves (name, request text) to the agency's own staff only: a supervisor above
      // reads the count, not its subordinate's individual applications (issue 16 point 5)
      return isStaffOf(actor, agencyId)
        ? {
            ...base,
            total: basis.ids.length,
            applications: (await applicationRowsByIds(db, basis.ids.slice(0, DRILLDOWN_LIMIT))).map(
              ({ applicantNameIdx, ...r }) => ({
                ...r,
                applicantName: applicantName(ctx.cipher, r.applicantName, applicantNameIdx),
              }),
            ),
          }
        : {
            ...base,
            total: basis.ids.length,
            applications: [],
            note: '上级机关查看统计数字，不查看下级机关的具体申请',
          };
    case 'appeals': {
      const cases = await appealCasesByIds(db, basis.ids.slice(0, DRILLDOWN_LIMIT));
      const codes = await linkedApplications(
        db,
        cases.flatMap((c) => (c.applicationId ? [c.applicationId] : [])),
      );
      return {
        ...base,
        total: basis.ids.length,
        appeals: cases.map((c) =>
          appealView(c, c.applicationId ? (codes.get(c.applicationId)?.trackingCode ?? null) : null),
        ),
      };
    }
    case 'normative_documents': {
      const documents = [];
      for (const id of basis.ids.slice(0, DRILLDOWN_LIMIT)) {
        const doc = await findNormativeDocument(db, id);
        if (doc) documents.push(doc);
      }
      return { ...base, total: basis.ids.length, documents };
    }
    case 'entered':
      return { ...base, total: null, note: basis.note };
    case 'missing':
      return { ...base, total: null, note: null };
  }
}
