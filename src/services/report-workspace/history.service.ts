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
import { findUser } from '../../persistence/repositories/user.repository.ts';
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
): Promise<{
  events: (StoredEvent & { actorName: string })[];
  versions: (ReturnType<typeof versionView> & { publishedByName: string | null })[];
}> {
  checkYear(year);
  await requireReportReader(ctx, actor, agencyId);
  const record = await findReport(ctx.database.db, agencyId, year);
  if (!record) return { events: [], versions: [] };
  const [events, versions] = await Promise.all([
    eventsOf(ctx.database.db, ENTITY, record.id),
    reportVersions(ctx.database.db, record.id),
  ]);
  // the log names people, not "user:6" (issue 12 point 8)
  const ids = new Set<number>();
  for (const e of events) if (/^user:\d+$/.test(e.actor)) ids.add(Number(e.actor.slice(5)));
  for (const v of versions) if (v.publishedBy !== null) ids.add(v.publishedBy);
  const names = new Map<number, string>();
  for (const id of ids) {
    const user = await findUser(ctx.database.db, id);
    if (user) names.set(id, user.displayName);
  }
  const nameOf = (actor: string) =>
    actor === 'system'
      ? '系统'
      : /^user:\d+$/.test(actor)
        ? (names.get(Number(actor.slice(5))) ?? `已删除的账号（${actor}）`)
        : actor;
  return {
    events: events.map((e) => ({ ...e, actorName: nameOf(e.actor) })),
    versions: versions.map((v) => ({
      ...versionView(v),
      publishedByName: v.publishedBy === null ? null : (names.get(v.publishedBy) ?? null),
    })),
  };
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
