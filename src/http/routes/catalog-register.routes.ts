import { NORMATIVE_STATUSES } from '../../domain/catalog/index.ts';
import type { NormativeKind, NormativeStatus } from '../../domain/catalog/index.ts';
import type { ReportFormat } from '../../domain/report/index.ts';
import {
  activeTableFor,
  importYearlyFigures,
  removeYearlyFigure,
  setYearlyFigures,
  yearlyFigures,
} from '../../services/catalog/figures.service.ts';
import type { NormativeInput } from '../../services/catalog/normative.service.ts';
import {
  createNormativeDocument,
  listNormativeDocuments,
  repealNormativeDocument,
  updateNormativeDocumentFields,
} from '../../services/catalog/normative.service.ts';
import { requireReader } from '../../services/catalog/access.ts';
import { publishAnnualReport, publishedReports } from '../../services/catalog/report.service.ts';
import { requireStaff } from '../plugins/auth.ts';
import { date, idParams, uploadedFile } from './catalog.routes.ts';
import type { AppRoutes } from './app-routes.ts';

/**
 * The console's JSON API for table 二: the register of 规章 and 行政规范性文件, the yearly figures from other
 * systems (entered or imported), table 二 of an agency-year, and publishing annual reports written outside Gongkai
 * to the portal (those of the report workspace are published by its workflow).
 */
const STAFF = { preHandler: requireStaff() };
const KINDS = ['rules', 'normative_documents'] as const;
const year = { type: 'integer', minimum: 2008, maximum: 2100 } as const;
const format = {
  type: 'object',
  additionalProperties: false,
  properties: { format: { type: 'string', enum: ['2019', '2021'] } },
} as const;
const agencyYear = {
  type: 'object',
  required: ['agencyId', 'year'],
  properties: { agencyId: { type: 'integer', minimum: 1 }, year },
} as const;
const documentProperties = {
  kind: { type: 'string', enum: [...KINDS] },
  title: { type: 'string', maxLength: 200 },
  docNumber: { type: ['string', 'null'], maxLength: 100 },
  issuedOn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  effectiveOn: date,
  expiresOn: date,
  publishedOn: date,
} as const;
const { kind: _kind, ...patchableProperties } = documentProperties;

export const catalogRegisterRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const tags = ['catalog'];

  server.get(
    '/api/catalog/agencies/:agencyId/normative-documents',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '规章和行政规范性文件台账（制发 → 现行有效 → 废止）',
        params: idParams('agencyId'),
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: [...KINDS] },
            status: { type: 'string', enum: [...NORMATIVE_STATUSES] },
          },
        },
      },
    },
    async (request) => {
      const { agencyId } = request.params as { agencyId: number };
      const filter = request.query as { kind?: NormativeKind; status?: NormativeStatus };
      return { documents: await listNormativeDocuments(ctx, request.principal, agencyId, filter) };
    },
  );

  server.post(
    '/api/catalog/agencies/:agencyId/normative-documents',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '登记未经目录发布的规章或行政规范性文件',
        params: idParams('agencyId'),
        body: {
          type: 'object',
          required: ['kind', 'title', 'issuedOn'],
          additionalProperties: false,
          properties: documentProperties,
        },
      },
    },
    async (request, reply) => {
      const { agencyId } = request.params as { agencyId: number };
      return reply
        .status(201)
        .send(
          await createNormativeDocument(ctx, request.principal, agencyId, request.body as NormativeInput),
        );
    },
  );

  server.patch(
    '/api/catalog/normative-documents/:id',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '更正文件信息（名称、文号、日期）',
        params: idParams('id'),
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: patchableProperties,
        },
      },
    },
    async (request) =>
      updateNormativeDocumentFields(
        ctx,
        request.principal,
        (request.params as { id: number }).id,
        request.body as Partial<NormativeInput>,
      ),
  );

  server.post(
    '/api/catalog/normative-documents/:id/repeal',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '废止（已在目录发布的文件请在信息条目上废止）',
        params: idParams('id'),
        body: {
          type: 'object',
          required: ['repealedOn', 'reason'],
          additionalProperties: false,
          properties: {
            repealedOn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
            reason: { type: 'string', maxLength: 500 },
          },
        },
      },
    },
    async (request) =>
      repealNormativeDocument(
        ctx,
        request.principal,
        (request.params as { id: number }).id,
        request.body as { repealedOn: string; reason: string },
      ),
  );

  server.get(
    '/api/catalog/agencies/:agencyId/figures/:year',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '某年度需填报的表二数据（来自其他系统）及已填数值',
        params: agencyYear,
        querystring: format,
      },
    },
    async (request) => {
      const { agencyId, year } = request.params as { agencyId: number; year: number };
      const { format } = request.query as { format?: ReportFormat };
      return yearlyFigures(ctx, request.principal, agencyId, year, format);
    },
  );

  server.put(
    '/api/catalog/agencies/:agencyId/figures/:year',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '填报某年度的表二数据（全部校验通过才保存）',
        params: agencyYear,
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
                  key: { type: 'string', maxLength: 40 },
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
      const { agencyId, year } = request.params as { agencyId: number; year: number };
      const { figures } = request.body as { figures: { key: string; value: number; note?: string | null }[] };
      return { figures: await setYearlyFigures(ctx, request.principal, agencyId, year, figures) };
    },
  );

  server.delete(
    '/api/catalog/agencies/:agencyId/figures/:year/:key',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '删除一项已填的表二数据',
        params: {
          ...agencyYear,
          required: ['agencyId', 'year', 'key'],
          properties: { ...agencyYear.properties, key: { type: 'string', maxLength: 40 } },
        },
      },
    },
    async (request) => {
      const { agencyId, year, key } = request.params as { agencyId: number; year: number; key: string };
      await removeYearlyFigure(ctx, request.principal, agencyId, year, key);
      return { ok: true };
    },
  );

  server.post(
    '/api/catalog/agencies/:agencyId/figures/import',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '从 CSV 或 XLSX 导入表二数据（表头：年度、事项、指标、数值、备注；有任何错误则不导入）',
        consumes: ['multipart/form-data'],
        params: idParams('agencyId'),
      },
    },
    async (request) => {
      const { agencyId } = request.params as { agencyId: number };
      return importYearlyFigures(ctx, request.principal, agencyId, await uploadedFile(request));
    },
  );

  server.get(
    '/api/catalog/agencies/:agencyId/table2/:year',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '年度报告表二（主动公开政府信息情况）：2021 年版，2019–2020 年度为 2019 年版',
        params: agencyYear,
        querystring: format,
      },
    },
    async (request) => {
      const { agencyId, year } = request.params as { agencyId: number; year: number };
      const { format } = request.query as { format?: ReportFormat };
      return activeTableFor(ctx, request.principal, agencyId, year, format);
    },
  );

  server.get(
    '/api/catalog/agencies/:agencyId/published-reports',
    { ...STAFF, schema: { tags, summary: '已在网站公布的年度报告', params: idParams('agencyId') } },
    async (request) => {
      const { agencyId } = request.params as { agencyId: number };
      await requireReader(ctx, request.principal, agencyId);
      return { reports: await publishedReports(ctx, agencyId) };
    },
  );

  server.post(
    '/api/catalog/agencies/:agencyId/published-reports',
    {
      ...STAFF,
      schema: {
        tags,
        summary:
          '在网站公布在本系统外编制的年度报告（interchange JSON；已在年度报告工作台编制的年度须在工作台发布；有错误的报告不能公布；更正以新版本公布）',
        params: idParams('agencyId'),
        body: {
          type: 'object',
          required: ['report'],
          additionalProperties: false,
          properties: { report: { type: 'object' } },
        },
      },
    },
    async (request, reply) => {
      const { agencyId } = request.params as { agencyId: number };
      const published = await publishAnnualReport(
        ctx,
        request.principal,
        agencyId,
        (request.body as { report: unknown }).report,
      );
      const { reportJson: _, ...meta } = published;
      return reply.status(201).send(meta);
    },
  );
};
