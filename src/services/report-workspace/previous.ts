import type { Principal } from '../../domain/access/principal.ts';
import type { PreviousRef } from '../../domain/report-workspace/index.ts';
import type { AnnualReport } from '../../domain/report/index.ts';
import type { Agency } from '../../persistence/repositories/agency.repository.ts';
import { latestImportedReport } from '../../persistence/repositories/report-import.repository.ts';
import { findReport } from '../../persistence/repositories/report.repository.ts';
import type { ServiceContext } from '../context.ts';
import { composeReport } from './compose.ts';

/**
 * Last year's report, for the cross-year rules and the side-by-side view: the agency's own record for the year
 * before (its frozen content once submitted — the latest published version once published — or its live tables
 * while still a draft), else the latest report imported for that year, else none.
 */
export async function previousReport(
  ctx: ServiceContext,
  actor: Principal,
  agency: Agency,
  year: number,
): Promise<{ ref: PreviousRef; report: AnnualReport } | null> {
  const db = ctx.database.db;
  const own = await findReport(db, agency.id, year - 1);
  if (own) {
    const report = own.frozen
      ? own.frozen.report
      : (await composeReport(ctx, actor, agency, year - 1, own.format, own.narrative)).report;
    return { ref: { kind: 'record', reportId: own.id, year: year - 1, status: own.status }, report };
  }
  const imported = await latestImportedReport(db, agency.id, year - 1);
  if (imported)
    return {
      ref: { kind: 'imported', importId: imported.id, year: year - 1, fileName: imported.fileName },
      report: imported.report,
    };
  return null;
}
