import { AppError } from '../../domain/errors.ts';
import type { Severity } from '../../domain/report/index.ts';
import { validateReport } from '../../domain/report/index.ts';
import type { AgencyFinding, FindingKind } from '../../domain/supervision/index.ts';
import {
  ARRIVED_STATUSES,
  FINDING_KINDS,
  filterFindings,
  findingFacets,
  findingKind,
  findingPlace,
  findOutliers,
  preOrder,
  supervisionSettingsOf,
} from '../../domain/supervision/index.ts';
import { findAgency } from '../../persistence/repositories/agency.repository.ts';
import {
  subtreeAgencies,
  subtreeFrozenReports,
  subtreeImportedReports,
} from '../../persistence/repositories/supervision.repository.ts';
import { checkYear } from '../appeals/table4.ts';
import type { ServiceContext } from '../context.ts';
import type { SupervisionCaller } from './scope.ts';
import { supervisionScope } from './scope.ts';

/**
 * The checks across agencies for a year: every report that reached the supervisor is validated again — with the
 * cross-year rules against the agency's previous report as it stands now (its frozen report of last year, or the
 * one imported) — and run through the outlier checks with the supervising agency's thresholds. One table of
 * findings, filtered by rule code, severity, agency and kind, with counts for the filters.
 */
export interface FindingsQuery {
  year: number;
  root?: number;
  codes?: readonly string[];
  severity?: Severity;
  agencyIds?: readonly number[];
  kinds?: readonly FindingKind[];
  limit?: number;
  offset?: number;
}

export async function crossAgencyFindings(
  ctx: ServiceContext,
  caller: SupervisionCaller,
  query: FindingsQuery,
) {
  checkYear(query.year);
  for (const k of query.kinds ?? [])
    if (!(FINDING_KINDS as readonly string[]).includes(k))
      throw new AppError('validation', '类别只能是：validation、cross_year、outlier', 'kinds');
  const scope = await supervisionScope(ctx, caller, query.root);
  const db = ctx.database.db;
  const [agencies, frozen, imported, own] = await Promise.all([
    subtreeAgencies(db, scope.rootId),
    subtreeFrozenReports(db, scope.rootId, [query.year, query.year - 1]),
    subtreeImportedReports(db, scope.rootId, query.year - 1),
    findAgency(db, scope.agencyId),
  ]);
  const settings = supervisionSettingsOf(own?.settings ?? {});
  const thisYear = new Map(frozen.filter((r) => r.year === query.year).map((r) => [r.agencyId, r]));
  const lastYear = new Map(
    frozen.filter((r) => r.year === query.year - 1).map((r) => [r.agencyId, r.report]),
  );
  const rows: AgencyFinding[] = [];
  let checked = 0;
  for (const agency of preOrder(agencies, scope.rootId)) {
    const record = thisYear.get(agency.id);
    if (!record || !ARRIVED_STATUSES.includes(record.status)) continue;
    checked++;
    const previous = lastYear.get(agency.id) ?? imported.get(agency.id) ?? null;
    const findings = [
      ...validateReport(record.report, { previous }),
      ...findOutliers(record.report, previous, settings),
    ];
    for (const f of findings)
      rows.push({
        ...f,
        agencyId: agency.id,
        agencyName: agency.name,
        reportStatus: record.status,
        kind: findingKind(f.code),
        place: findingPlace(record.report, f),
      });
  }
  const filtered = filterFindings(rows, query);
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 200;
  return {
    year: query.year,
    root: { id: scope.rootId, name: agencies.find((a) => a.id === scope.rootId)?.name ?? '' },
    reports: {
      checked,
      withErrors: new Set(rows.filter((f) => f.severity === 'error').map((f) => f.agencyId)).size,
    },
    facets: findingFacets(rows),
    total: filtered.length,
    findings: filtered.slice(offset, offset + limit),
  };
}
