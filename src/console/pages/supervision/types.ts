import type { ReportStatus } from '../../../domain/report-workspace/status.ts';
import type { ReportFormat } from '../../../domain/report/format.ts';
import type { Finding, Severity } from '../../../domain/report/finding.ts';
import type {
  CollectionTimeliness,
  ColumnState,
  FindingKind,
  Figures,
  RankMetric,
  ScoreMeasure,
} from '../../../domain/supervision/index.ts';
import type { ReportActionOption } from '../../../domain/report-workspace/transitions.ts';

/** The supervision JSON API's answers, as the console reads them (src/services/supervision). */
export interface CollectionRow {
  agency: {
    id: number;
    code: string;
    name: string;
    kind: string;
    kindLabel: string;
    parentId: number | null;
    depth: number;
    onPlatform: boolean;
  };
  status: ReportStatus;
  statusLabel: string;
  format: ReportFormat;
  report: {
    id: number;
    version: number;
    comment: string | null;
    submittedAt: string | null;
    clearedAt: string | null;
    publishedAt: string | null;
    rollup: boolean;
  } | null;
  deadline: {
    dueOn: string;
    article: string;
    local: boolean;
    source:
      { kind: 'statutory' } | { kind: 'own' } | { kind: 'supervisor'; agencyId: number; agencyName: string };
  };
  timeliness: {
    state: CollectionTimeliness;
    label: string;
    daysLeft: number | null;
    daysLate: number | null;
    arrivedOn: string | null;
  };
  findings: { errors: number; warnings: number } | null;
  actions: ReportActionOption[];
  collectable: boolean;
  urges: { count: number; lastAt: string } | null;
  urgeable: boolean;
}

export interface CollectionView {
  year: number;
  today: string;
  root: { id: number; name: string; kind: string };
  rows: CollectionRow[];
  summary: {
    agencies: number;
    byStatus: Record<ReportStatus, number>;
    byTimeliness: Record<CollectionTimeliness, number>;
  };
}

export interface AgencyFinding extends Finding {
  agencyId: number;
  agencyName: string;
  reportStatus: ReportStatus;
  kind: FindingKind;
  place: string;
}

export interface FindingsView {
  year: number;
  reports: { checked: number; withErrors: number };
  facets: {
    codes: { code: string; kind: FindingKind; severity: Severity; count: number; agencies: number }[];
    severities: Record<Severity, number>;
    kinds: Record<FindingKind, number>;
  };
  total: number;
  findings: AgencyFinding[];
}

interface AgencyRef {
  agencyId: number;
  code: string;
  name: string;
}

export interface RollupView {
  year: number;
  format: ReportFormat;
  statuses: ReportStatus[];
  root: { id: number; name: string; kind: string };
  report: Record<string, unknown>;
  included: (AgencyRef & { reportId: number; status: ReportStatus; statusLabel: string })[];
  excluded: (AgencyRef & { status: ReportStatus; statusLabel: string; reason: string; message: string })[];
}

export interface RollupCellView {
  path: string;
  label: string;
  sum: number | null;
  agencies: (AgencyRef & { reportId: number; value: number | null })[];
}

export interface PerformanceRow {
  agency: { id: number; code: string; name: string; kindLabel: string; depth: number; onPlatform: boolean };
  total: Figures;
  months: Figures[];
  rank: number | null;
  value: number | null;
  /** fewer applications than the office's minimum: listed apart, not ranked */
  belowMinimum: boolean;
  score: number | null;
  scoreParts: Record<ScoreMeasure, number | null>;
}

export interface ScoreMeasureView {
  key: ScoreMeasure;
  label: string;
  definition: string;
  source: string;
  weight: number;
}

export interface PerformanceView {
  period: { from: string; to: string; months: string[] };
  today: string;
  root: { id: number; name: string };
  metric: RankMetric;
  metricLabel: string;
  rankMinimum: number;
  scoreMeasures: ScoreMeasureView[];
  reportYear: number | null;
  total: Figures;
  byMonth: Figures[];
  agencies: PerformanceRow[];
}

export interface SupervisionSettings {
  departmentDue: string | null;
  governmentDue: string | null;
  jumpFactor: number;
  jumpMinimum: number;
  manyItems: number;
  rankMinimum: number;
  scoreWeights: Record<ScoreMeasure, number>;
  columnStaleMonths: Record<string, number>;
}

export interface ColumnResultView {
  key: string;
  label: string;
  group: string;
  basis: string;
  state: ColumnState;
  stateLabel: string;
  staleMonths: number;
  since: string;
  categories: string[];
  total: number;
  recent: number;
  lastOn: string | null;
}

export interface ColumnsRow {
  agency: { id: number; code: string; name: string; kindLabel: string; depth: number; onPlatform: boolean };
  columns: ColumnResultView[] | null;
  counts: Record<ColumnState, number> | null;
  problems: number | null;
}

export interface ColumnsView {
  today: string;
  root: { id: number; name: string };
  columns: {
    key: string;
    label: string;
    group: string;
    basis: string;
    staleMonths: number;
    defaultStaleMonths: number;
    generated: boolean;
  }[];
  states: Record<ColumnState, string>;
  summary: { agencies: number; withProblems: number; notOnPlatform: number };
  rows: ColumnsRow[];
}

export interface ApiToken {
  id: number;
  name: string;
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
