import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.ts';
import type { ReportStatus } from '../../domain/report-workspace/index.ts';
import type { ReportFormat, Severity } from '../../domain/report/index.ts';
import type { FindingKind, RankMetric } from '../../domain/supervision/index.ts';
import { FINDING_KINDS, RANK_METRICS, ROLLUP_STATUSES } from '../../domain/supervision/index.ts';
import { crossAgencyFindings } from '../../services/supervision/checks.service.ts';
import { collectReport } from '../../services/supervision/collect.service.ts';
import type { CollectInput } from '../../services/supervision/collect.service.ts';
import { reportCollection } from '../../services/supervision/collection.service.ts';
import { exportStatutoryColumns, statutoryColumns } from '../../services/supervision/columns.service.ts';
import { exportNotice } from '../../services/supervision/notice-export.service.ts';
import { urgeReport } from '../../services/supervision/urge.service.ts';
import type { PerformanceTarget } from '../../services/supervision/performance-export.service.ts';
import { exportPerformance } from '../../services/supervision/performance-export.service.ts';
import { performanceDashboard } from '../../services/supervision/performance.service.ts';
import { prefillFromRollup } from '../../services/supervision/prefill.service.ts';
import type { RollupTarget } from '../../services/supervision/rollup-export.service.ts';
import { exportRollup } from '../../services/supervision/rollup-export.service.ts';
import type { RollupQuery } from '../../services/supervision/rollup.service.ts';
import { reportRollup, rollupBreakdown, rollupCell } from '../../services/supervision/rollup.service.ts';
import { requireStaff } from '../plugins/auth.ts';
import type { AppRoutes } from './app-routes.ts';
import { attachment, CONTENT_TYPE } from './report-tool.routes.ts';
import { callerOf, requireSupervisionReader, SUPERVISION_READER_SECURITY } from './supervision-caller.ts';
import { supervisionTokenRoutes } from './supervision-tokens.routes.ts';
import { bulkImportRoutes } from './bulk-import.routes.ts';

const year = { type: 'integer', minimum: 2008, maximum: 2100 } as const;
const root = { type: 'integer', minimum: 1 } as const;
const rollupProps = {
  year,
  root,
  format: { type: 'string', enum: ['2019', '2021'] },
  status: { type: 'array', items: { type: 'string', enum: [...ROLLUP_STATUSES] }, maxItems: 3 },
} as const;
const reportParams = {
  type: 'object',
  required: ['agencyId', 'year'],
  properties: { agencyId: { type: 'integer', minimum: 1 }, year },
} as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

/** The year being reported on by default: last year (reports are collected in the first months). */
const lastYear = (request: FastifyRequest, now: Date) =>
  (request.query as { year?: number }).year ?? new Date(now.getTime() + 8 * 3600_000).getUTCFullYear() - 1;

type RollupParams = { year?: number; root?: number; format?: ReportFormat; status?: ReportStatus[] };
const rollupQuery = (q: RollupParams, y: number): RollupQuery => ({
  year: y,
  ...(q.root !== undefined ? { root: q.root } : {}),
  ...(q.format !== undefined ? { format: q.format } : {}),
  ...(q.status?.length ? { statuses: q.status } : {}),
});

/**
 * Supervision (issue 7), read by a supervisor's session or a provincial platform's API token over the caller's
 * subtree: the year's report collection, findings across agencies, the rollup (with per-agency breakdown and
 * exports) and the performance dashboard. Session-only steps: collecting the report of an agency not on Gongkai
 * and pre-filling the 本级人民政府's report from the rollup. Returning and clearing reports are the workspace's
 * transitions (POST /api/reports/{year}/actions?agencyId=).
 */
export const supervisionRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const tags = ['supervision'];
  const reader = { preValidation: requireSupervisionReader };
  await server.register(supervisionTokenRoutes, { app });
  await server.register(noticeRoutes, { app });
  await server.register(columnRoutes, { app });
  await server.register(bulkImportRoutes, { app });

  server.get(
    '/api/supervision/collection',
    {
      ...reader,
      schema: {
        tags,
        security: SUPERVISION_READER_SECURITY,
        summary:
          '（会话或 API 令牌）年度报告收集情况：所辖各机关的状态、报送期限、是否按时、核对发现的问题数',
        querystring: { type: 'object', additionalProperties: false, properties: { year, root } },
      },
    },
    async (request) => {
      const q = request.query as { root?: number };
      return reportCollection(ctx, callerOf(request), {
        year: lastYear(request, ctx.now()),
        ...(q.root !== undefined ? { root: q.root } : {}),
      });
    },
  );

  server.get(
    '/api/supervision/findings',
    {
      ...reader,
      schema: {
        tags,
        security: SUPERVISION_READER_SECURITY,
        summary:
          '跨机关核对：各机关报告的核对结果、跨年度核对和异常数值（可按规则、严重程度、机关、类别筛选）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            year,
            root,
            code: { type: 'array', items: { type: 'string', maxLength: 80 }, maxItems: 50 },
            severity: { type: 'string', enum: ['error', 'warning'] },
            agencyId: { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 200 },
            kind: { type: 'array', items: { type: 'string', enum: [...FINDING_KINDS] }, maxItems: 3 },
            limit: { type: 'integer', minimum: 1, maximum: 1000 },
            offset: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query as {
        root?: number;
        code?: string[];
        severity?: Severity;
        agencyId?: number[];
        kind?: FindingKind[];
        limit?: number;
        offset?: number;
      };
      return crossAgencyFindings(ctx, callerOf(request), {
        year: lastYear(request, ctx.now()),
        ...(q.root !== undefined ? { root: q.root } : {}),
        ...(q.code ? { codes: q.code } : {}),
        ...(q.severity ? { severity: q.severity } : {}),
        ...(q.agencyId ? { agencyIds: q.agencyId } : {}),
        ...(q.kind ? { kinds: q.kind } : {}),
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
        ...(q.offset !== undefined ? { offset: q.offset } : {}),
      });
    },
  );

  server.get(
    '/api/supervision/rollup',
    {
      ...reader,
      schema: {
        tags,
        security: SUPERVISION_READER_SECURITY,
        summary: '汇总表：所辖机关已报送报告的表二、表三、表四逐项相加（同一格式），并列出未计入的机关及原因',
        querystring: { type: 'object', additionalProperties: false, properties: rollupProps },
      },
    },
    async (request) =>
      reportRollup(
        ctx,
        callerOf(request),
        rollupQuery(request.query as RollupParams, lastYear(request, ctx.now())),
      ),
  );

  server.get(
    '/api/supervision/rollup/cell',
    {
      ...reader,
      schema: {
        tags,
        security: SUPERVISION_READER_SECURITY,
        summary: '汇总表某一单元格的分机关明细',
        querystring: {
          type: 'object',
          required: ['path'],
          additionalProperties: false,
          properties: { ...rollupProps, path: { type: 'string', maxLength: 80 } },
        },
      },
    },
    async (request) => {
      const q = request.query as RollupParams & { path: string };
      return rollupCell(ctx, callerOf(request), {
        ...rollupQuery(q, lastYear(request, ctx.now())),
        path: q.path,
      });
    },
  );

  server.get(
    '/api/supervision/rollup/breakdown',
    {
      ...reader,
      schema: {
        tags,
        security: SUPERVISION_READER_SECURITY,
        summary: '汇总表全部单元格的分机关明细（每个计入的机关一行）',
        querystring: { type: 'object', additionalProperties: false, properties: rollupProps },
      },
    },
    async (request) =>
      rollupBreakdown(
        ctx,
        callerOf(request),
        rollupQuery(request.query as RollupParams, lastYear(request, ctx.now())),
      ),
  );

  server.get(
    '/api/supervision/rollup/export',
    {
      ...reader,
      schema: {
        tags,
        security: SUPERVISION_READER_SECURITY,
        summary: '导出汇总表：DOCX（官方格式表格）或 XLSX（另含分机关明细和未计入机关）',
        querystring: {
          type: 'object',
          required: ['to'],
          additionalProperties: false,
          properties: { ...rollupProps, to: { type: 'string', enum: ['docx', 'xlsx'] } },
        },
      },
    },
    async (request, reply) => {
      const q = request.query as RollupParams & { to: RollupTarget };
      const file = await exportRollup(
        ctx,
        callerOf(request),
        rollupQuery(q, lastYear(request, ctx.now())),
        q.to,
      );
      return reply
        .type(CONTENT_TYPE[q.to])
        .header('content-disposition', attachment(file.fileName))
        .send(file.body);
    },
  );

  server.post(
    '/api/supervision/rollup/draft',
    {
      preHandler: requireStaff(),
      schema: {
        tags,
        summary: '以汇总表生成本级人民政府年度报告草稿（本机关的年度报告记录，正文按模板预填）',
        body: {
          type: 'object',
          required: ['year'],
          additionalProperties: false,
          properties: {
            year,
            format: rollupProps.format,
            status: rollupProps.status,
            version: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request, reply) => {
      const b = request.body as {
        year: number;
        format?: ReportFormat;
        status?: ReportStatus[];
        version?: number;
      };
      const result = await prefillFromRollup(ctx, request.principal, {
        ...rollupQuery(b, b.year),
        ...(b.version !== undefined ? { version: b.version } : {}),
      });
      return reply.status(201).send(result);
    },
  );

  server.post(
    '/api/supervision/reports/:agencyId/:year/upload',
    {
      preHandler: requireStaff('supervisor'),
      schema: {
        tags,
        summary: '收集未使用本系统的下级机关的年度报告：上传报告文件（multipart 字段 file、receivedOn）',
        params: reportParams,
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('unsupported_media', '请以 multipart/form-data 上传文件（字段名 file）', 'file');
      const { agencyId, year: y } = request.params as { agencyId: number; year: number };
      let file: { fileName: string; bytes: Uint8Array } | null = null;
      let receivedOn: string | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.fieldname === 'file') file = { fileName: part.filename, bytes };
        } else if (part.fieldname === 'receivedOn' && String(part.value).trim() !== '')
          receivedOn = String(part.value).trim();
      }
      if (!file) throw new AppError('validation', '没有收到文件（字段名 file）', 'file');
      const result = await collectReport(ctx, request.principal, agencyId, y, {
        file,
        ...(receivedOn !== undefined ? { receivedOn } : {}),
      });
      return reply.status(201).send(result);
    },
  );

  server.put(
    '/api/supervision/reports/:agencyId/:year/entry',
    {
      preHandler: requireStaff('supervisor'),
      schema: {
        tags,
        summary: '收集未使用本系统的下级机关的年度报告：录入报告 JSON 或逐格修改',
        params: reportParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            json: { type: 'string', maxLength: 1_000_000 },
            edits: {
              type: 'object',
              maxProperties: 500,
              additionalProperties: { type: 'string', maxLength: 40 },
            },
            format: { type: 'string', enum: ['2019', '2021'] },
            receivedOn: date,
            version: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request) => {
      const { agencyId, year: y } = request.params as { agencyId: number; year: number };
      return collectReport(ctx, request.principal, agencyId, y, request.body as CollectInput);
    },
  );

  server.get(
    '/api/supervision/performance',
    {
      ...reader,
      schema: {
        tags,
        security: SUPERVISION_READER_SECURITY,
        summary:
          '工作绩效：所辖机关按月的收到申请、按时答复率、逾期、平均用时、办理结果、复议诉讼纠正、主动公开超期，排名',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            year,
            root,
            from: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
            until: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
            rank: { type: 'string', enum: [...RANK_METRICS] },
          },
        },
      },
    },
    async (request) => performanceDashboard(ctx, callerOf(request), performanceQuery(request.query)),
  );

  server.get(
    '/api/supervision/performance/export',
    {
      ...reader,
      schema: {
        tags,
        security: SUPERVISION_READER_SECURITY,
        summary: '导出工作绩效：CSV（按机关按月）或 XLSX（排名和按月两张表）',
        querystring: {
          type: 'object',
          required: ['to'],
          additionalProperties: false,
          properties: {
            year,
            root,
            from: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
            to: { type: 'string', enum: ['csv', 'xlsx'] },
            until: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
            rank: { type: 'string', enum: [...RANK_METRICS] },
          },
        },
      },
    },
    async (request, reply) => {
      const q = request.query as { to: PerformanceTarget };
      const file = await exportPerformance(ctx, callerOf(request), performanceQuery(request.query), q.to);
      return reply
        .type(q.to === 'csv' ? 'text/csv; charset=utf-8' : CONTENT_TYPE.xlsx)
        .header('content-disposition', attachment(file.fileName))
        .send(file.body);
    },
  );
};

/** 催报 and the 通报名单 (issue 12 point 9). */
export const noticeRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const tags = ['supervision'];
  server.post(
    '/api/supervision/reports/:agencyId/:year/urge',
    {
      preValidation: requireStaff(),
      schema: {
        tags,
        summary: '催报：提醒所辖机关报送年度报告（工作台显示，并发送邮件给该机关的负责人、承办人、管理员）',
        params: reportParams,
        // not closed: whether the agency is the caller's to urge is decided first (403/404), not by the body's shape
        body: {
          type: ['object', 'null'],
          properties: { message: { type: ['string', 'null'], maxLength: 2000 } },
        },
      },
    },
    async (request, reply) => {
      const p = request.params as { agencyId: number; year: number };
      const body = (request.body ?? {}) as { message?: string | null };
      return reply.status(201).send(await urgeReport(ctx, request.principal, p.agencyId, p.year, body));
    },
  );
  server.get(
    '/api/supervision/notice/export',
    {
      preValidation: requireSupervisionReader,
      schema: {
        tags,
        security: SUPERVISION_READER_SECURITY,
        summary: '导出通报名单：逾期未报送、逾期报送、提前报送（年度未结束）的机关（CSV 或 XLSX）',
        querystring: {
          type: 'object',
          required: ['to'],
          additionalProperties: false,
          properties: { year, root, to: { type: 'string', enum: ['csv', 'xlsx'] } },
        },
      },
    },
    async (request, reply) => {
      const q = request.query as { root?: number; to: 'csv' | 'xlsx' };
      const file = await exportNotice(
        ctx,
        callerOf(request),
        { year: lastYear(request, ctx.now()), ...(q.root !== undefined ? { root: q.root } : {}) },
        q.to,
      );
      return reply
        .type(q.to === 'csv' ? 'text/csv; charset=utf-8' : CONTENT_TYPE.xlsx)
        .header('content-disposition', attachment(file.fileName))
        .send(file.body);
    },
  );
};

/** The 法定栏目 check of the subordinate portals (issue 12 point 9). */
export const columnRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const tags = ['supervision'];
  server.get(
    '/api/supervision/columns',
    {
      preValidation: requireSupervisionReader,
      schema: {
        tags,
        security: SUPERVISION_READER_SECURITY,
        summary:
          '法定栏目检查：所辖各机关门户“政府信息公开”专栏的法定栏目（国办公开办函〔2019〕61号、条例第二十条）是否未设、为空或未及时更新，附各栏目的信息数',
        querystring: { type: 'object', additionalProperties: false, properties: { root } },
      },
    },
    async (request) => {
      const q = request.query as { root?: number };
      return statutoryColumns(ctx, callerOf(request), q.root !== undefined ? { root: q.root } : {});
    },
  );
  server.get(
    '/api/supervision/columns/export',
    {
      preValidation: requireSupervisionReader,
      schema: {
        tags,
        security: SUPERVISION_READER_SECURITY,
        summary: '导出法定栏目检查结果（需关注的栏目；all=true 时全部栏目），CSV 或 XLSX',
        querystring: {
          type: 'object',
          required: ['to'],
          additionalProperties: false,
          properties: { root, all: { type: 'boolean' }, to: { type: 'string', enum: ['csv', 'xlsx'] } },
        },
      },
    },
    async (request, reply) => {
      const q = request.query as { root?: number; all?: boolean; to: 'csv' | 'xlsx' };
      const file = await exportStatutoryColumns(
        ctx,
        callerOf(request),
        { ...(q.root !== undefined ? { root: q.root } : {}), ...(q.all ? { all: true } : {}) },
        q.to,
      );
      return reply
        .type(q.to === 'csv' ? 'text/csv; charset=utf-8' : CONTENT_TYPE.xlsx)
        .header('content-disposition', attachment(file.fileName))
        .send(file.body);
    },
  );
};

function performanceQuery(query: unknown) {
  const q = query as { year?: number; root?: number; from?: string; until?: string; rank?: RankMetric };
  return {
    ...(q.year !== undefined ? { year: q.year } : {}),
    ...(q.root !== undefined ? { root: q.root } : {}),
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.until !== undefined ? { until: q.until } : {}),
    ...(q.rank !== undefined ? { rank: q.rank } : {}),
  };
}
