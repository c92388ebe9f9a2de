import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.ts';
import type { NarrativeSection } from '../../domain/report-workspace/index.ts';
import { NARRATIVE_SECTIONS } from '../../domain/report-workspace/index.ts';
import type { ReportFormat } from '../../domain/report/index.ts';
import type { RenderTarget } from '../../render/report/index.ts';
import { RENDER_TARGETS } from '../../render/report/index.ts';
import { reportCharts } from '../../services/report-workspace/charts.service.ts';
import { reportCell } from '../../services/report-workspace/drilldown.service.ts';
import type { ErratumInput } from '../../services/report-workspace/erratum.service.ts';
import { publishErratum } from '../../services/report-workspace/erratum.service.ts';
import { exportReport } from '../../services/report-workspace/export.service.ts';
import { agencyReports, reportHistory } from '../../services/report-workspace/history.service.ts';
import {
  deleteImport,
  importedReport,
  importReport,
} from '../../services/report-workspace/import.service.ts';
import type { StatusAction } from '../../services/report-workspace/transitions.service.ts';
import { changeStatus } from '../../services/report-workspace/transitions.service.ts';
import {
  editNarrative,
  reportWorkspace,
  setReportFigures,
  startReport,
} from '../../services/report-workspace/workspace.service.ts';
import { requireStaff, staffOf } from '../plugins/auth.ts';
import type { AppRoutes } from './app-routes.ts';
import { attachment, CONTENT_TYPE } from './report-tool.routes.ts';

const yearParams = {
  type: 'object',
  required: ['year'],
  properties: { year: { type: 'integer', minimum: 2008, maximum: 2100 } },
} as const;
const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;
const agencyQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { agencyId: { type: 'integer', minimum: 1 } },
} as const;
const STATUS_ACTIONS: readonly StatusAction[] = ['submit', 'recall', 'return', 'clear', 'publish'];
const narrativeText = { type: ['string', 'null'], maxLength: 20_000 } as const;

/** The agency a request is about: ?agencyId= (a supervisor looking below), else the staff member's own. */
const agencyOf = (request: FastifyRequest) =>
  (request.query as { agencyId?: number }).agencyId ?? staffOf(request).agencyId;
const yearOf = (request: FastifyRequest) => (request.params as { year: number }).year;

/**
 * The annual-report workspace (issue 6) and its supervision steps (issue 7): the report of an agency-year
 * computed from the records while drafted, frozen when submitted and published; narrative, table 二 figures,
 * drill-down, charts, export, last year's report imported, history and errata.
 */
export const reportWorkspaceRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const tags = ['reports'];
  const staff = { preHandler: requireStaff() };

  server.get(
    '/api/reports',
    {
      ...staff,
      schema: { tags, summary: '本机关各年度的年度报告（状态、期限）和导入的报告', querystring: agencyQuery },
    },
    async (request) => agencyReports(ctx, request.principal, agencyOf(request)),
  );

  server.get(
    '/api/reports/:year',
    {
      ...staff,
      schema: {
        tags,
        summary: '年度报告工作台：表格、正文、核对结果、上年对比、可执行的操作',
        params: yearParams,
        querystring: agencyQuery,
      },
    },
    async (request) => reportWorkspace(ctx, request.principal, agencyOf(request), yearOf(request)),
  );

  server.post(
    '/api/reports/:year/start',
    {
      ...staff,
      schema: {
        tags,
        summary: '开始编制年度报告',
        params: yearParams,
        querystring: agencyQuery,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { format: { type: 'string', enum: ['2019', '2021'] } },
        },
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as { format?: ReportFormat };
      const view = await startReport(ctx, request.principal, agencyOf(request), yearOf(request), body);
      return reply.status(201).send(view);
    },
  );

  server.put(
    '/api/reports/:year/narrative',
    {
      ...staff,
      schema: {
        tags,
        summary: '修改正文（一、五、六）；null 恢复为模板',
        params: yearParams,
        querystring: agencyQuery,
        body: {
          type: 'object',
          required: ['sections'],
          additionalProperties: false,
          properties: {
            sections: {
              type: 'object',
              additionalProperties: false,
              properties: Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s, narrativeText])),
            },
            version: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request) => {
      const body = request.body as {
        sections: Partial<Record<NarrativeSection, string | null>>;
        version?: number;
      };
      return editNarrative(
        ctx,
        request.principal,
        agencyOf(request),
        yearOf(request),
        body.sections,
        body.version,
      );
    },
  );

  server.put(
    '/api/reports/:year/figures',
    {
      ...staff,
      schema: {
        tags,
        summary: '填报表二中来自其他系统的数字（每项附说明）',
        params: yearParams,
        querystring: agencyQuery,
        body: {
          type: 'object',
          required: ['figures'],
          additionalProperties: false,
          properties: {
            figures: {
              type: 'array',
              minItems: 1,
              maxItems: 50,
              items: {
                type: 'object',
                required: ['key', 'value'],
                additionalProperties: false,
                properties: {
                  key: { type: 'string', maxLength: 60 },
                  value: { type: 'number' },
                  note: { type: ['string', 'null'], maxLength: 200 },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const body = request.body as { figures: { key: string; value: number; note?: string | null }[] };
      return setReportFigures(ctx, request.principal, agencyOf(request), yearOf(request), body.figures);
    },
  );

  server.post(
    '/api/reports/:year/actions',
    {
      ...staff,
      schema: {
        tags,
        summary:
          '报送、撤回、退回修改（上级，附意见）、审核通过（上级，附审核意见）、公开发布；报告未完成（〔待填〕、空白单元格、核对错误）时拒绝并列出缺项；年度结束前报送须 acknowledgeEarly',
        params: yearParams,
        querystring: agencyQuery,
        body: {
          type: 'object',
          required: ['action'],
          additionalProperties: false,
          properties: {
            action: { type: 'string', enum: [...STATUS_ACTIONS] },
            comment: { type: ['string', 'null'], maxLength: 2000 },
            version: { type: 'integer', minimum: 1 },
            acknowledgeEarly: { type: 'boolean' },
          },
        },
      },
    },
    async (request) => {
      const body = request.body as {
        action: StatusAction;
        comment?: string | null;
        version?: number;
        acknowledgeEarly?: boolean;
      };
      return changeStatus(ctx, request.principal, agencyOf(request), yearOf(request), body.action, body);
    },
  );

  server.post(
    '/api/reports/:year/erratum',
    {
      ...staff,
      schema: {
        tags,
        summary: '发布更正（新版本，保留历史版本）',
        params: yearParams,
        querystring: agencyQuery,
        body: {
          type: 'object',
          required: ['reason'],
          additionalProperties: false,
          properties: {
            reason: { type: 'string', maxLength: 500 },
            recompute: { type: 'boolean' },
            active: {
              type: 'array',
              maxItems: 50,
              items: {
                type: 'object',
                required: ['key', 'value'],
                additionalProperties: false,
                properties: {
                  key: { type: 'string', maxLength: 60 },
                  value: { type: ['number', 'null'] },
                  note: { type: ['string', 'null'], maxLength: 200 },
                },
              },
            },
            narrative: {
              type: 'object',
              additionalProperties: false,
              properties: Object.fromEntries(
                NARRATIVE_SECTIONS.map((s) => [s, { type: 'string', maxLength: 20_000 }]),
              ),
            },
            version: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request) =>
      publishErratum(
        ctx,
        request.principal,
        agencyOf(request),
        yearOf(request),
        request.body as ErratumInput,
      ),
  );

  server.get(
    '/api/reports/:year/cell',
    {
      ...staff,
      schema: {
        tags,
        summary: '单元格追溯：该单元格统计的申请、案件或规范性文件',
        params: yearParams,
        querystring: {
          type: 'object',
          required: ['path'],
          additionalProperties: false,
          properties: { agencyId: { type: 'integer', minimum: 1 }, path: { type: 'string', maxLength: 80 } },
        },
      },
    },
    async (request) =>
      reportCell(
        ctx,
        request.principal,
        agencyOf(request),
        yearOf(request),
        (request.query as { path: string }).path,
      ),
  );

  server.get(
    '/api/reports/:year/charts',
    {
      ...staff,
      schema: {
        tags,
        summary: '本年度图表数据：按月申请量、办理结果、按时答复率、主动公开分类',
        params: yearParams,
        querystring: agencyQuery,
      },
    },
    async (request) => reportCharts(ctx, request.principal, agencyOf(request), yearOf(request)),
  );

  server.get(
    '/api/reports/:year/history',
    {
      ...staff,
      schema: {
        tags,
        summary: '年度报告的全部操作记录和已公开的各版本',
        params: yearParams,
        querystring: agencyQuery,
      },
    },
    async (request) => reportHistory(ctx, request.principal, agencyOf(request), yearOf(request)),
  );

  server.get(
    '/api/reports/:year/export',
    {
      ...staff,
      schema: {
        tags,
        summary: '导出年度报告：DOCX / PDF / HTML / XLSX / Markdown（当前稿或某一公开版本）',
        params: yearParams,
        querystring: {
          type: 'object',
          required: ['to'],
          additionalProperties: false,
          properties: {
            agencyId: { type: 'integer', minimum: 1 },
            to: { type: 'string', enum: [...RENDER_TARGETS] },
            version: { type: 'integer', minimum: 1 },
            findings: { type: 'boolean' },
          },
        },
      },
    },
    async (request, reply) => {
      const q = request.query as { to: RenderTarget; version?: number; findings?: boolean };
      const file = await exportReport(ctx, request.principal, agencyOf(request), yearOf(request), q.to, {
        ...(q.version !== undefined ? { version: q.version } : {}),
        withFindings: q.findings === true,
      });
      return reply
        .type(CONTENT_TYPE[q.to])
        .header('content-disposition', attachment(file.fileName))
        .send(file.body);
    },
  );

  server.post(
    '/api/reports/imports',
    {
      ...staff,
      schema: {
        tags,
        summary: '导入往年年度报告（Word、PDF、网页、文本或 JSON；multipart 字段 file、year）',
        querystring: agencyQuery,
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('unsupported_media', '请以 multipart/form-data 上传文件（字段名 file）', 'file');
      let file: { fileName: string; bytes: Uint8Array } | null = null;
      let year: number | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.fieldname === 'file') file = { fileName: part.filename, bytes };
        } else if (part.fieldname === 'year' && String(part.value).trim() !== '') {
          year = Number(part.value);
          if (!Number.isInteger(year)) throw new AppError('validation', '年度应为四位数年份', 'year');
        }
      }
      if (!file) throw new AppError('validation', '没有收到文件（字段名 file）', 'file');
      const result = await importReport(ctx, request.principal, agencyOf(request), {
        ...file,
        ...(year !== undefined ? { year } : {}),
      });
      return reply.status(201).send(result);
    },
  );

  server.get(
    '/api/reports/imports/:id',
    {
      ...staff,
      schema: {
        tags,
        summary: '一份导入的年度报告及其导入核对结果',
        params: idParams,
        querystring: agencyQuery,
      },
    },
    async (request) =>
      importedReport(ctx, request.principal, agencyOf(request), (request.params as { id: number }).id),
  );

  server.delete(
    '/api/reports/imports/:id',
    {
      ...staff,
      schema: { tags, summary: '删除误导入的年度报告', params: idParams, querystring: agencyQuery },
    },
    async (request, reply) => {
      await deleteImport(ctx, request.principal, agencyOf(request), (request.params as { id: number }).id);
      return reply.status(204).send();
    },
  );
};
