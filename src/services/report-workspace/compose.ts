import type { Principal } from '../../domain/access/principal.ts';
import { publishedKindCounts } from '../../persistence/repositories/catalog-link.repository.ts';
import { countedRows } from '../../domain/application/index.ts';
import type { CellBasis, NarrativeEdits } from '../../domain/report-workspace/index.ts';
import {
  assembleReport,
  effectiveNarrative,
  narrativeTemplate,
} from '../../domain/report-workspace/index.ts';
import type { AnnualReport, Narrative, ReportFormat } from '../../domain/report/index.ts';
import { APPEAL_GROUPS, cellPath } from '../../domain/report/index.ts';
import type { Agency } from '../../persistence/repositories/agency.repository.ts';
import type { ApplicationYearPoint } from '../../persistence/repositories/report-figures.repository.ts';
import { applicationPointsOf } from '../../persistence/repositories/report-figures.repository.ts';
import { table4Of } from '../appeals/table4.ts';
import { requestsFromCounts, table3Counts } from '../applications/table3.ts';
import type { ServiceContext } from '../context.ts';
import { activeTable, proactiveByCategory } from './catalog-link.ts';

/**
 * The report of an agency-year computed from the live records: table 二 from the catalog, table 三 from the
 * application register (`table3Counts`, one SQL pass), table 四 from the case records, the narrative from the
 * staff's edits over the template filled with these figures — and the records behind every cell.
 */
export interface Composed {
  report: AnnualReport;
  sources: Record<string, CellBasis>;
  /** the template's narrative for these figures (what an unedited section says) */
  template: Narrative;
  points: ApplicationYearPoint[];
}

/** The applications behind each cell of table 三, by cell path (the same definitions as the counts). */
export function requestSources(points: readonly ApplicationYearPoint[], year: number, format: ReportFormat) {
  const ids = new Map<string, number[]>();
  const add = (path: string, id: number) => (ids.get(path) ?? ids.set(path, []).get(path)!).push(id);
  for (const p of points) {
    const summary = {
      applicantColumn: p.applicantType,
      receivedDate: p.receivedOn,
      closedDate: p.closedOn,
      outcome: p.outcome,
    };
    for (const row of countedRows(summary, year, format)) {
      add(cellPath({ table: 'requests', row, column: p.applicantType }), p.id);
      add(cellPath({ table: 'requests', row, column: 'total' }), p.id);
    }
  }
  const sources: Record<string, CellBasis> = {};
  for (const [path, list] of ids) sources[path] = { kind: 'applications', ids: list };
  return sources;
}

export async function composeReport(
  ctx: ServiceContext,
  actor: Principal,
  agency: Agency,
  year: number,
  format: ReportFormat,
  edits: NarrativeEdits,
): Promise<Composed> {
  const db = ctx.database.db;
  const [active, counts, table4, points, categories, explained] = await Promise.all([
    activeTable(ctx, actor, agency.id, year, format),
    table3Counts(ctx.database, [agency.id], year),
    table4Of(db, [agency.id], year),
    applicationPointsOf(db, agency.id, year),
    proactiveByCategory(ctx, agency.id, year),
    publishedKindCounts(db, agency.id, year),
  ]);
  const sources: Record<string, CellBasis> = { ...active.sources, ...requestSources(points, year, format) };
  for (const [key, ids] of Object.entries(table4.cells)) sources[`appeals.${key}`] = { kind: 'appeals', ids };
  const tables = assembleReport({
    agency: agency.name,
    year,
    format,
    active: active.active,
    requests: requestsFromCounts(counts, year, format),
    appeals: table4.appeals,
    narrative: { overview: '', problems: '', other: '' },
  });
  const replies = points.filter((p) => p.replied && p.closedOn?.startsWith(`${year}-`));
  const feeNotices = points.filter((p) => p.fee?.servedOn.startsWith(`${year}-`)).length;
  const paid = points.filter((p) => p.fee?.paidOn?.startsWith(`${year}-`));
  const template = narrativeTemplate(tables, {
    agencyName: agency.name,
    government: agency.kind === 'government',
    proactiveItems: categories.length > 0 ? categories.reduce((s, c) => s + c.count, 0) : null,
    replies: {
      sent: replies.length,
      late: replies.filter((p) => p.replyDueOn === null || p.closedOn! > p.replyDueOn).length,
    },
    fees: { notices: feeNotices, paidYuan: paid.reduce((s, p) => s + p.fee!.amount, 0) },
    corrected: APPEAL_GROUPS.reduce((s, g) => s + (tables.appeals[g].corrected ?? 0), 0),
    explained: {
      interpretations: explained.interpretation,
      withDocument: explained.interpretationsWithDocument,
      responses: explained.response,
    },
  });
  tables.narrative = effectiveNarrative(template, edits);
  return { report: tables, sources, template, points };
}
