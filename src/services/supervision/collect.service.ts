import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { CellBasis, Frozen, PreviousRef } from '../../domain/report-workspace/index.ts';
import type { AnnualReport, Finding, ReportFormat } from '../../domain/report/index.ts';
import {
  applyCellEdits,
  emptyReport,
  encodeReport,
  formatForYear,
  isReportFormat,
  validateReport,
} from '../../domain/report/index.ts';
import { checkCollect, checkReceivedOn, reportCells } from '../../domain/supervision/index.ts';
import { findAgency, subtreeIds } from '../../persistence/repositories/agency.repository.ts';
import { latestImportedReport } from '../../persistence/repositories/report-import.repository.ts';
import { findReport, insertReport, updateReport } from '../../persistence/repositories/report.repository.ts';
import { setReportFormat, staffCount } from '../../persistence/repositories/supervision.repository.ts';
import { checkYear } from '../appeals/table4.ts';
import type { Transaction } from 'kysely';
import type { Schema } from '../../persistence/schema.ts';
import type { Recorder, ServiceContext } from '../context.ts';
import { inTransaction, nowIso, todayInChina } from '../context.ts';
import { reportFromJsonText } from '../report-check.service.ts';
import { ENTITY } from '../report-workspace/workspace.service.ts';
import { requireSessionSupervisor } from './scope.ts';

/**
 * Collecting the report of an agency not on Gongkai (it has no staff account): the supervisor uploads the
 * document (read by the importer) or enters it by hand (interchange JSON, then cell by cell), with the day it was
 * received. The record is then "submitted" and frozen like a report an agency submits itself — its cells
 * written for rollups — and the supervisor returns or clears it through the workspace's transitions. Each step
 * is an event holding the report as collected.
 */
export interface CollectInput {
  /** a document: .docx, .pdf, .html, .txt, .md, or interchange .json */
  file?: { fileName: string; bytes: Uint8Array };
  /** interchange JSON text */
  json?: string;
  /** cell corrections by path ("requests.granted.natural": "12"), over the document or the report collected */
  edits?: Record<string, string>;
  /** for a blank form filled by edits alone */
  format?: ReportFormat;
  /** the day the report reached the supervisor (default today) */
  receivedOn?: string;
  version?: number;
  /** a document already read (a bulk upload's file): its report and import findings, used as the upload's */
  parsed?: { fileName: string; report: AnnualReport; findings: Finding[] };
  /** written in the collect's transaction (the bulk upload records its file's outcome there) */
  within?: (
    trx: Transaction<Schema>,
    record: Recorder,
    reportId: number,
    findings: Finding[],
  ) => Promise<void>;
}

export type CollectSource = 'upload' | 'json' | 'edit';

const MAX_EDITS = 500;

async function previousOf(ctx: ServiceContext, agencyId: number, year: number) {
  const db = ctx.database.db;
  const own = await findReport(db, agencyId, year - 1);
  if (own?.frozen)
    return {
      report: own.frozen.report,
      ref: { kind: 'record', reportId: own.id, year: year - 1, status: own.status } as PreviousRef,
    };
  const imported = await latestImportedReport(db, agencyId, year - 1);
  if (imported)
    return {
      report: imported.report,
      ref: {
        kind: 'imported',
        importId: imported.id,
        year: year - 1,
        fileName: imported.fileName,
      } as PreviousRef,
    };
  return null;
}

export async function collectReport(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  input: CollectInput,
) {
  const staff = requireSessionSupervisor(actor);
  checkYear(year);
  const db = ctx.database.db;
  const agency = await findAgency(db, agencyId);
  const below = agencyId !== staff.agencyId && (await subtreeIds(db, staff.agencyId)).includes(agencyId);
  if (!agency || !below) throw notFound('机关');
  const existing = await findReport(db, agencyId, year);
  checkCollect(staff.roles, {
    below,
    onPlatform: (await staffCount(db, agencyId)) > 0,
    status: existing?.status ?? 'not_started',
  });
  if (input.version !== undefined && existing && input.version !== existing.version)
    throw new AppError('conflict', '年度报告已被他人修改，请刷新后再操作', 'version');
  const today = todayInChina(ctx);
  const receivedOn = checkReceivedOn(input.receivedOn ?? today, year, today);

  let source: CollectSource;
  let read: { report: AnnualReport; findings: Finding[] };
  if (input.parsed) {
    source = 'upload';
    read = { report: input.parsed.report, findings: input.parsed.findings };
  } else if (input.file) {
    if (input.file.bytes.length === 0) throw new AppError('validation', '请上传年度报告文件', 'file');
    source = 'upload';
    read = /\.json$/i.test(input.file.fileName)
      ? reportFromJsonText(new TextDecoder().decode(input.file.bytes), 'file')
      : await ctx.documents.parseReport(input.file.bytes, input.file.fileName, { year, agency: agency.name });
  } else if (input.json !== undefined && input.json.trim() !== '') {
    source = 'json';
    read = reportFromJsonText(input.json, 'json');
  } else if (input.edits && Object.keys(input.edits).length > 0) {
    source = 'edit';
    if (input.format !== undefined && !isReportFormat(input.format))
      throw new AppError('validation', '报告格式只能是 2019 或 2021', 'format');
    const base =
      existing?.status === 'submitted' && existing.frozen && input.format === undefined
        ? existing.frozen.report
        : emptyReport(input.format ?? formatForYear(year));
    read = { report: base, findings: [] };
  } else throw new AppError('validation', '请上传年度报告文件、粘贴报告 JSON 或录入单元格', 'file');

  if (read.report.year !== null && read.report.year !== year)
    throw new AppError('validation', `报告中的年度为 ${read.report.year}，与收集的 ${year} 年度不符`, 'year');
  let report: AnnualReport = { ...read.report, year, agency: agency.name };
  let changed: string[] = [];
  if (input.edits) {
    const paths = Object.keys(input.edits);
    if (paths.length > MAX_EDITS)
      throw new AppError('validation', `一次最多修改 ${MAX_EDITS} 个单元格`, 'edits');
    const edited = applyCellEdits(report, input.edits);
    const unknown = edited.findings.find((f) => f.code === 'edit.unknown_cell');
    if (unknown) throw new AppError('validation', unknown.message, `edits.${String(unknown.actual)}`);
    report = edited.report;
    changed = edited.changed;
  }
  const previous = await previousOf(ctx, agencyId, year);
  const findings = [
    ...read.findings.filter((f) => f.code !== 'edit.unknown_cell'),
    ...validateReport(report, { previous: previous?.report ?? null }),
  ];
  const fileName = input.parsed?.fileName ?? input.file?.fileName;
  const note =
    source === 'upload'
      ? `上级政务公开办根据报送文件《${fileName!.slice(0, 100)}》导入`
      : '上级政务公开办根据报送材料录入';
  const sources: Record<string, CellBasis> = Object.fromEntries(
    reportCells(report).map((c) => [
      `${c.table}.${c.row}.${c.column}`,
      { kind: 'entered', note } as CellBasis,
    ]),
  );
  const frozen: Frozen = { report, sources, findings, previous: previous?.ref ?? null };
  const at = nowIso(ctx);
  const submittedAt = receivedOn === today ? at : new Date(`${receivedOn}T09:00:00+08:00`).toISOString();

  const saved = await inTransaction(ctx, async (trx, record) => {
    let current = await findReport(trx, agencyId, year);
    if ((current?.version ?? null) !== (existing?.version ?? null))
      throw new AppError('conflict', '年度报告已被他人修改，请刷新后再操作', 'version');
    if (!current)
      current = await insertReport(trx, { agencyId, year, format: report.format, narrative: {} }, at);
    else if (current.format !== report.format) await setReportFormat(trx, current.id, report.format);
    const ok = await updateReport(
      trx,
      current.id,
      current.version,
      { status: 'submitted', frozen, submittedAt, comment: null, clearedAt: null },
      at,
    );
    if (!ok) throw new AppError('conflict', '年度报告已被他人修改，请刷新后再操作', 'version');
    await record({
      agencyId,
      entityType: ENTITY,
      entityId: current.id,
      action: 'collect',
      actor: actorOf(staff),
      actorRole: staff.roles.join(','),
      data: {
        year,
        source,
        ...(fileName !== undefined ? { fileName: fileName.slice(0, 200) } : {}),
        receivedOn,
        format: report.format,
        from: existing?.status ?? 'not_started',
        to: 'submitted',
        changed,
        findings: {
          errors: findings.filter((f) => f.severity === 'error').length,
          warnings: findings.filter((f) => f.severity === 'warning').length,
        },
        report: encodeReport(report),
      },
    });
    if (input.within) await input.within(trx, record, current.id, findings);
    return current;
  });
  const after = (await findReport(db, agencyId, year))!;
  return {
    record: {
      id: saved.id,
      agencyId,
      year,
      status: after.status,
      version: after.version,
      format: report.format,
      submittedAt: after.submittedAt,
      receivedOn,
    },
    source,
    changed,
    report: encodeReport(report),
    findings,
  };
}
