import type { Principal } from '../../domain/access/principal.ts';
import { encodeReport } from '../../domain/report/index.ts';
import type { StoredEvent } from '../../persistence/repositories/event.repository.ts';
import { eventsOf } from '../../persistence/repositories/event.repository.ts';
import {
  findReport,
  reportSummaries,
  reportVersions,
} from '../../persistence/repositories/report.repository.ts';
import { importedReportsOf } from '../../persistence/repositories/report-import.repository.ts';
import { checkYear } from '../appeals/table4.ts';
import type { ServiceContext } from '../context.ts';
import { requireReportReader } from './access.ts';
import { deadlineOf } from './state.ts';
import { ENTITY } from './workspace.service.ts';

/** A report's history: every event (start, edits, submission, return with comments, clearing, publication, errata). */
export async function reportHistory(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
): Promise<{ events: StoredEvent[]; versions: ReturnType<typeof versionView>[] }> {
  checkYear(year);
  await requireReportReader(ctx, actor, agencyId);
  const record = await findReport(ctx.database.db, agencyId, year);
  if (!record) return { events: [], versions: [] };
  const [events, versions] = await Promise.all([
    eventsOf(ctx.database.db, ENTITY, record.id),
    reportVersions(ctx.database.db, record.id),
  ]);
  return { events, versions: versions.map(versionView) };
}

const versionView = (v: Awaited<ReturnType<typeof reportVersions>>[number]) => ({
  ...v,
  report: encodeReport(v.report),
});

/** The agency's reports by year (status, deadline) and the reports imported for it. */
export async function agencyReports(ctx: ServiceContext, actor: Principal, agencyId: number) {
  const { agency } = await requireReportReader(ctx, actor, agencyId);
  const db = ctx.database.db;
  const [records, imported] = await Promise.all([
    reportSummaries(db, [agencyId]),
    importedReportsOf(db, agencyId),
  ]);
  return {
    reports: records.map((r) => ({ ...r, deadline: deadlineOf(ctx, agency, r.year, r.publishedAt) })),
    imported,
  };
}
