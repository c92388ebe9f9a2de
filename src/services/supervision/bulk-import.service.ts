import { createHash } from 'node:crypto';
import type { Principal } from '../../domain/access/principal.ts';
import { actorOf, ANONYMOUS } from '../../domain/access/principal.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Finding, ReportFormat } from '../../domain/report/index.ts';
import { decodeReport, encodeReport } from '../../domain/report/index.ts';
import type { AgencyMatch, MatchEvidence } from '../../domain/supervision/index.ts';
import { matchAgency } from '../../domain/supervision/index.ts';
import type { BulkDocument, CellCounts } from '../../import/bulk.ts';
import { isBulkKind, readBulkDocument } from '../../import/bulk.ts';
import { listAgencies, subtreeIds } from '../../persistence/repositories/agency.repository.ts';
import type { BulkFileRow, BulkImport } from '../../persistence/repositories/bulk-import.repository.ts';
import {
  bulkFilesOf,
  bulkImportsOf,
  claimBulkFile,
  findBulkFile,
  findBulkImport,
  finishBulkFile,
  finishBulkImportIfDone,
  insertBulkImport,
  lastCollectedBulkFile,
  releaseBulkFile,
  setBulkFileOutcome,
} from '../../persistence/repositories/bulk-import.repository.ts';
import { findUser } from '../../persistence/repositories/user.repository.ts';
import { checkYear } from '../appeals/table4.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';
import { collectReport } from './collect.service.ts';
import { requireSessionSupervisor } from './scope.ts';

/**
 * The supervisor's bulk upload of a year's reports (issue 13 point 10): many files and/or .zip archives for the
 * agencies of the supervising office's subtree. The upload is stored (one row per file, with its bytes) and
 * answered at once; the files are then read one by one by whichever server process holds a file's lease —
 * parsed through the document workers with their limits (src/import/bulk.ts, the reader of `gongkai report
 * import-dir`) — so the progress (files done of the upload) lives in the database and every process answers it.
 *
 * Each file is matched to an agency of the subtree from its own evidence (domain/supervision/agency-match.ts);
 * a matched file is collected as that agency's report (collect.service.ts, the same rules as one upload: not an
 * agency on Gongkai, not a report already cleared). Unmatched or ambiguous files wait for the supervisor to pick
 * the agency. Re-running is idempotent: a file with the same bytes as the one last imported for that agency and
 * year is "unchanged" and writes nothing; a changed file is collected as a new version of the report (the one
 * before stays in the audit log), unless the report has moved past collection, when it is refused.
 * Every file read is an audit event, in the same transaction as its outcome.
 */
export type BulkOutcome =
  'collected' | 'replaced' | 'unchanged' | 'unmatched' | 'ambiguous' | 'refused' | 'failed';

export const BULK_OUTCOME_LABEL: Record<BulkOutcome, string> = {
  collected: '已导入',
  replaced: '已导入新版本',
  unchanged: '相同文件，未重复导入',
  unmatched: '未匹配机关',
  ambiguous: '机关不唯一',
  refused: '未导入',
  failed: '无法读取',
};

export interface BulkFileResult {
  /** the agency, year and format read from the document */
  agencyRead: string | null;
  yearRead: number | null;
  format: ReportFormat | null;
  cells: CellCounts | null;
  errors: number;
  warnings: number;
  findings: Finding[];
  match:
    | {
        kind: 'matched' | 'picked';
        agencyId: number;
        agencyName: string;
        how: MatchEvidence[];
        message: string;
      }
    | { kind: 'ambiguous'; candidates: { id: number; name: string }[]; message: string }
    | { kind: 'unmatched'; message: string }
    | null;
  /** why the file was not imported, or what was done */
  message: string;
  /** the report as read, kept for a file whose agency the supervisor is to pick */
  report?: Record<string, unknown>;
}

const MAX_FILES = 500;
const MAX_FINDINGS = 60;
const LEASE_MS = 5 * 60_000;
const BUSY_RETRY_MS = 5_000;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fileLabel = (name: string) => name.replace(/^.*[\\/]/, '');

/** The agencies a supervising office collects from: its subtree without itself. */
async function candidatesOf(ctx: ServiceContext, agencyId: number) {
  const ids = new Set(await subtreeIds(ctx.database.db, agencyId));
  ids.delete(agencyId);
  return (await listAgencies(ctx.database.db))
    .filter((a) => ids.has(a.id))
    .map((a) => ({ id: a.id, name: a.name, code: a.code }));
}

export interface BulkUpload {
  year: number;
  files: { fileName: string; bytes: Uint8Array }[];
}

/** Stores an upload: .zip archives unpacked (under the document budget), other kinds refused by name. */
export async function createBulkImport(ctx: ServiceContext, actor: Principal, input: BulkUpload) {
  const staff = requireSessionSupervisor(actor);
  checkYear(input.year);
  if (input.files.length === 0)
    throw new AppError('validation', '请选择要导入的报告文件或 .zip 压缩包', 'files');
  const docs: BulkDocument[] = [];
  for (const file of input.files) {
    const name = fileLabel(file.fileName).slice(0, 200);
    if (/\.zip$/i.test(name)) {
      // inflated in a document worker, under the document budget and the entry limit
      const inner = await ctx.documents.unpackZip(file.bytes, `《${name}》`);
      if (inner.length === 0)
        throw new AppError(
          'validation',
          `压缩包《${name}》中没有报告文件（.txt/.md/.html/.docx/.pdf/.json）`,
          'files',
        );
      for (const d of inner) docs.push({ name: `${name}/${d.name}`.slice(0, 300), bytes: d.bytes });
    } else if (isBulkKind(name)) docs.push({ name, bytes: file.bytes });
    else
      throw new AppError(
        'validation',
        `《${name}》不是可导入的报告文件：请上传 .docx、.pdf、.html、.txt、.md、.json 或 .zip`,
        'files',
      );
  }
  if (docs.length > MAX_FILES)
    throw new AppError(
      'too_large',
      `一次最多导入 ${MAX_FILES} 个报告文件，本次有 ${docs.length} 个`,
      'files',
    );
  const at = nowIso(ctx);
  const created = await inTransaction(ctx, async (trx, record) => {
    const bulk = await insertBulkImport(
      trx,
      {
        agencyId: staff.agencyId,
        year: input.year,
        fileCount: docs.length,
        createdBy: staff.userId,
        createdAt: at,
      },
      docs.map((d) => ({
        fileName: d.name,
        size: d.bytes.length,
        sha256: sha256(d.bytes),
        content: d.bytes,
      })),
    );
    await record({
      agencyId: staff.agencyId,
      entityType: 'bulk_import',
      entityId: bulk.id,
      action: 'create',
      actor: actorOf(staff),
      actorRole: staff.roles.join(','),
      data: { year: input.year, files: docs.map((d) => d.name).slice(0, MAX_FILES) },
    });
    return bulk;
  });
  return created;
}

/** The supervisor who uploaded, as they are now (a file is collected with their current roles). */
async function uploaderOf(ctx: ServiceContext, bulk: BulkImport): Promise<Principal> {
  const user = await findUser(ctx.database.db, bulk.createdBy);
  // an uploader disabled or moved since is refused by collectReport's own checks, with its message
  if (!user || user.disabled || user.agencyId !== bulk.agencyId) return ANONYMOUS;
  return {
    kind: 'staff',
    userId: user.id,
    agencyId: user.agencyId,
    roles: user.roles,
    name: user.displayName,
  };
}

const matchResult = (match: AgencyMatch, names: Map<number, string>): NonNullable<BulkFileResult['match']> =>
  match.kind === 'matched'
    ? { ...match, agencyName: names.get(match.agencyId) ?? '' }
    : match.kind === 'ambiguous'
      ? {
          kind: 'ambiguous',
          message: match.message,
          candidates: match.candidates.map((id) => ({ id, name: names.get(id) ?? '' })),
        }
      : match;

type Recorder = Parameters<Parameters<typeof inTransaction>[1]>[1];

/**
 * Reads the next pending file (of one upload, or of any) and records its outcome. Returns false when there was
 * none to take; 'busy' when the document workers were full (the file is given back and read later).
 */
export async function processNextBulkFile(ctx: ServiceContext, importId?: number): Promise<boolean | 'busy'> {
  const db = ctx.database.db;
  const now = ctx.now();
  const file = await claimBulkFile(
    db,
    now.toISOString(),
    new Date(now.getTime() + LEASE_MS).toISOString(),
    importId,
  );
  if (!file) return false;
  const bulk = (await findBulkImport(db, file.importId))!;
  const candidates = await candidatesOf(ctx, bulk.agencyId);
  const names = new Map(candidates.map((c) => [c.id, c.name]));
  const result: BulkFileResult = {
    agencyRead: null,
    yearRead: null,
    format: null,
    cells: null,
    errors: 0,
    warnings: 0,
    findings: [],
    match: null,
    message: '',
  };
  let outcome: BulkOutcome = 'failed';
  let agencyId: number | null = null;
  const finish = async (trx: typeof db, record: Recorder) => {
    const ok = await finishBulkFile(trx, file.id, {
      outcome,
      agencyId,
      year: bulk.year,
      result: JSON.stringify(result),
      at: nowIso(ctx),
    });
    if (!ok) throw new AppError('conflict', '该文件已由其他进程读取', 'file');
    await record({
      agencyId: bulk.agencyId,
      entityType: 'bulk_import',
      entityId: bulk.id,
      action: 'read_file',
      actor: 'system:bulk-import',
      actorRole: 'system',
      data: {
        seq: file.seq,
        fileName: file.fileName,
        sha256: file.sha256,
        outcome,
        agencyId,
        cells: result.cells,
        errors: result.errors,
      },
    });
    await finishBulkImportIfDone(trx, bulk.id, nowIso(ctx));
  };
  const setFindings = (findings: Finding[]) => {
    result.findings = findings.slice(0, MAX_FINDINGS);
    result.errors = findings.filter((f) => f.severity === 'error').length;
    result.warnings = findings.filter((f) => f.severity === 'warning').length;
  };

  let read;
  try {
    read = await readBulkDocument({ name: file.fileName, bytes: file.content }, {}, (b, n, o) =>
      ctx.documents.parseReport(b, n, o),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'busy') {
      await releaseBulkFile(db, file.id);
      return 'busy';
    }
    read = null;
    result.message =
      error instanceof AppError
        ? error.message
        : `无法读取：${error instanceof Error ? error.message : String(error)}`;
  }
  if (read) {
    const match = matchAgency(candidates, { titleAgency: read.agency, fileName: file.fileName });
    Object.assign(result, {
      agencyRead: read.agency,
      yearRead: read.year,
      format: read.format,
      cells: read.cells,
      match: matchResult(match, names),
    });
    setFindings(read.findings);
    if (read.cells.read === 0) {
      outcome = 'failed';
      result.message = '没有读到任何单元格，未导入';
    } else if (read.year !== null && read.year !== bulk.year) {
      outcome = 'refused';
      result.message = `报告中的年度为 ${read.year}，与本次导入的 ${bulk.year} 年度不符，未导入`;
    } else if (match.kind !== 'matched') {
      outcome = match.kind;
      result.message = match.message;
      result.report = encodeReport(read.report);
    } else {
      agencyId = match.agencyId;
      const decided = await collectDecision(ctx, bulk, file, agencyId);
      outcome = decided.outcome;
      result.message = decided.message;
      if (decided.collect) {
        result.message =
          outcome === 'replaced' ? '已作为该机关报告的新版本导入（上一版本留在审计记录中）' : '已导入';
        try {
          await collectReport(ctx, await uploaderOf(ctx, bulk), agencyId, bulk.year, {
            parsed: {
              fileName: fileLabel(file.fileName),
              report: read.report,
              findings: importFindings(read),
            },
            within: async (trx, record, _reportId, findings) => {
              setFindings(findings);
              if (result.errors > 0)
                result.message += `；核对发现 ${result.errors} 个错误，可在“报告收集”中退回该机关修改`;
              await finish(trx, record);
            },
          });
          return true;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          // not collectable (an agency on Gongkai, a report already cleared, a version conflict): say why
          outcome = 'refused';
          setFindings(read.findings);
          result.message = `${error.message}，未导入`;
        }
      }
    }
  }
  await inTransaction(ctx, (trx, record) => finish(trx, record));
  return true;
}

/** The import's own findings (collecting validates again, with the previous year's report). */
const importFindings = (read: { findings: Finding[] }) =>
  read.findings.filter((f) => f.code.startsWith('import.'));

/**
 * Whether a matched file is collected: "unchanged" when its bytes are those last imported for the agency and
 * year; refused when another file of the same upload was already imported for it (one report per agency and
 * year); otherwise collected — a new version ("replaced") when another file was imported before.
 */
async function collectDecision(
  ctx: ServiceContext,
  bulk: BulkImport,
  file: BulkFileRow,
  agencyId: number,
): Promise<{ outcome: BulkOutcome; message: string; collect: boolean }> {
  const last = await lastCollectedBulkFile(ctx.database.db, agencyId, bulk.year);
  if (last && last.sha256 === file.sha256)
    return {
      outcome: 'unchanged',
      message: `与第 ${last.importId} 批导入的《${fileLabel(last.fileName)}》完全相同，未重复导入`,
      collect: false,
    };
  if (last && last.importId === bulk.id)
    return {
      outcome: 'refused',
      message: `本次上传中的《${fileLabel(last.fileName)}》已导入为该机关 ${bulk.year} 年度的报告，同一机关同一年度只导入一份，本文件未导入`,
      collect: false,
    };
  return { outcome: last ? 'replaced' : 'collected', message: '', collect: true };
}

/**
 * Reads the pending files of an upload (or of every upload) until none is left: called after an upload by
 * the process that took it, and by the scheduled job for files whose lease passed (a process that stopped).
 */
export async function runBulkImports(ctx: ServiceContext, importId?: number): Promise<number> {
  let done = 0;
  for (;;) {
    const next = await processNextBulkFile(ctx, importId);
    if (next === false) return done;
    if (next === 'busy') await new Promise((r) => setTimeout(r, BUSY_RETRY_MS));
    else done++;
  }
}

/** A file as the console shows it: the bytes never, the report as read only for a file still to be matched. */
export interface BulkFileView {
  id: number;
  seq: number;
  fileName: string;
  size: number;
  status: 'pending' | 'done';
  outcome: BulkOutcome | null;
  outcomeLabel: string | null;
  agencyId: number | null;
  agencyName: string | null;
  result: Omit<BulkFileResult, 'report'> | null;
}

export interface BulkImportView {
  id: number;
  year: number;
  createdAt: string;
  finishedAt: string | null;
  fileCount: number;
  done: number;
  counts: Partial<Record<BulkOutcome, number>>;
  files: BulkFileView[];
}

async function ownImport(ctx: ServiceContext, actor: Principal, id: number) {
  const staff = requireSessionSupervisor(actor);
  const bulk = await findBulkImport(ctx.database.db, id);
  // another office's upload is not disclosed
  if (!bulk || bulk.agencyId !== staff.agencyId) throw notFound('批量导入');
  return { staff, bulk };
}

function fileView(row: BulkFileRow, names: Map<number, string>): BulkFileView {
  let result: BulkFileResult | null = null;
  if (row.result) {
    const { report: _report, ...rest } = JSON.parse(row.result) as BulkFileResult;
    result = rest;
  }
  const outcome = row.outcome as BulkOutcome | null;
  return {
    id: row.id,
    seq: row.seq,
    fileName: row.fileName,
    size: row.size,
    status: row.status,
    outcome,
    outcomeLabel: outcome ? BULK_OUTCOME_LABEL[outcome] : null,
    agencyId: row.agencyId,
    agencyName: row.agencyId !== null ? (names.get(row.agencyId) ?? null) : null,
    result,
  };
}

/** The progress of an upload and each file's result (polled by the console; any process answers it). */
export async function bulkImportView(
  ctx: ServiceContext,
  actor: Principal,
  id: number,
): Promise<BulkImportView> {
  const { bulk } = await ownImport(ctx, actor, id);
  const rows = await bulkFilesOf(ctx.database.db, bulk.id);
  const names = new Map((await listAgencies(ctx.database.db)).map((a) => [a.id, a.name]));
  const counts: Partial<Record<BulkOutcome, number>> = {};
  for (const r of rows)
    if (r.outcome) counts[r.outcome as BulkOutcome] = (counts[r.outcome as BulkOutcome] ?? 0) + 1;
  return {
    id: bulk.id,
    year: bulk.year,
    createdAt: bulk.createdAt,
    finishedAt: bulk.finishedAt,
    fileCount: bulk.fileCount,
    done: rows.filter((r) => r.status === 'done').length,
    counts,
    files: rows.map((r) => fileView(r, names)),
  };
}

/** The office's recent uploads. */
export async function bulkImportList(ctx: ServiceContext, actor: Principal) {
  const staff = requireSessionSupervisor(actor);
  const list = await bulkImportsOf(ctx.database.db, staff.agencyId, 20);
  return Promise.all(
    list.map(async (b) => {
      const rows = await bulkFilesOf(ctx.database.db, b.id);
      return {
        id: b.id,
        year: b.year,
        createdAt: b.createdAt,
        finishedAt: b.finishedAt,
        fileCount: b.fileCount,
        done: rows.filter((r) => r.status === 'done').length,
      };
    }),
  );
}

/**
 * The supervisor picks the agency of a file left unmatched or ambiguous: collected as that agency's report by
 * the same rules (and the same idempotence) as a matched file; refused as a whole (4xx, nothing written) when
 * the agency is outside the subtree or its report cannot be collected.
 */
export async function pickBulkFileAgency(
  ctx: ServiceContext,
  actor: Principal,
  importId: number,
  fileId: number,
  agencyId: number,
): Promise<BulkFileView> {
  const { staff, bulk } = await ownImport(ctx, actor, importId);
  const db = ctx.database.db;
  const file = await findBulkFile(db, fileId);
  if (!file || file.importId !== bulk.id) throw notFound('文件');
  const from = file.outcome;
  if (file.status !== 'done' || (from !== 'unmatched' && from !== 'ambiguous') || !file.result)
    throw new AppError('invalid_state', '只能为未匹配或机关不唯一的文件选择机关', 'agencyId');
  const candidates = await candidatesOf(ctx, bulk.agencyId);
  const agency = candidates.find((c) => c.id === agencyId);
  if (!agency) throw notFound('机关');
  const stored = JSON.parse(file.result) as BulkFileResult;
  const decoded = decodeReport(stored.report);
  if (!decoded.report) throw new AppError('invalid_state', '该文件读到的报告已不可用，请重新上传', 'file');
  const decided = await collectDecision(ctx, bulk, file, agencyId);
  if (!decided.collect) throw new AppError('invalid_state', decided.message, 'agencyId');
  const { report: _report, ...rest } = stored;
  const result: BulkFileResult = {
    ...rest,
    match: {
      kind: 'picked',
      agencyId,
      agencyName: agency.name,
      how: [],
      message: `由${staff.name}选择为${agency.name}（${stored.match?.message ?? ''}）`,
    },
    message:
      decided.outcome === 'replaced' ? '已作为该机关报告的新版本导入（上一版本留在审计记录中）' : '已导入',
  };
  await collectReport(ctx, staff, agencyId, bulk.year, {
    parsed: {
      fileName: fileLabel(file.fileName),
      report: decoded.report,
      findings: stored.findings.filter((f) => f.code.startsWith('import.')),
    },
    within: async (trx, record, _reportId, findings) => {
      result.findings = findings.slice(0, MAX_FINDINGS);
      result.errors = findings.filter((f) => f.severity === 'error').length;
      result.warnings = findings.filter((f) => f.severity === 'warning').length;
      const ok = await setBulkFileOutcome(trx, file.id, from, {
        outcome: decided.outcome,
        agencyId,
        result: JSON.stringify(result),
        at: nowIso(ctx),
      });
      if (!ok) throw new AppError('conflict', '该文件已被他人处理，请刷新后再操作', 'agencyId');
      await record({
        agencyId: bulk.agencyId,
        entityType: 'bulk_import',
        entityId: bulk.id,
        action: 'pick_agency',
        actor: actorOf(staff),
        actorRole: staff.roles.join(','),
        data: { seq: file.seq, fileName: file.fileName, from, outcome: decided.outcome, agencyId },
      });
    },
  });
  const names = new Map(candidates.map((c) => [c.id, c.name]));
  return fileView((await findBulkFile(db, file.id))!, names);
}
