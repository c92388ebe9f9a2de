import { DISCLOSURE_METHODS, MATTER_AUDIENCES, MATTER_LIMITS } from '../../domain/catalog/index.ts';
import type { MatterInput } from '../../domain/catalog/index.ts';
import { agencyCoverage, subordinateCoverage } from '../../services/catalog/coverage.service.ts';
import {
  createMatter,
  exportMatters,
  importMatters,
  listMatters,
  loadHealthStarter,
  removeMatter,
  updateMatterFields,
} from '../../services/catalog/matter.service.ts';
import { todayInChina } from '../../services/context.ts';
import { requireStaff } from '../plugins/auth.ts';
import { idParams, uploadedFile } from './catalog.routes.ts';
import { attachment, CONTENT_TYPE } from './report-tool.routes.ts';
import type { AppRoutes } from './app-routes.ts';

/**
 * The 政务公开事项标准目录 (issue 18): the agency's 公开事项 (read by staff and supervisors; edited by 管理员 or
 * 负责人, loaded from the 卫生健康 starter set or an XLSX sheet, exported as XLSX) and its coverage in a year; the
 * supervisor's coverage of every agency below it.
 */
const STAFF = { preHandler: requireStaff() };
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const matterBody = {
  type: 'object',
  required: ['level1', 'level2', 'timeLimit'],
  additionalProperties: false,
  properties: {
    level1: text(MATTER_LIMITS.level1),
    level2: text(MATTER_LIMITS.level2),
    content: text(MATTER_LIMITS.content),
    basis: text(MATTER_LIMITS.basis),
    timeLimit: text(MATTER_LIMITS.timeLimit),
    subject: text(MATTER_LIMITS.subject),
    channels: text(MATTER_LIMITS.channels),
    audience: { type: 'string', enum: [...MATTER_AUDIENCES] },
    method: { type: 'string', enum: [...DISCLOSURE_METHODS] },
    county: { type: 'boolean' },
    township: { type: 'boolean' },
  },
} as const;
const yearQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { year: { type: 'integer', minimum: 2008, maximum: 2100 } },
} as const;

const withDefaults = (b: Partial<MatterInput>): MatterInput => ({
  level1: b.level1 ?? '',
  level2: b.level2 ?? '',
  content: b.content ?? '',
  basis: b.basis ?? '',
  timeLimit: b.timeLimit ?? '',
  subject: b.subject ?? '',
  channels: b.channels ?? '',
  audience: b.audience ?? 'public',
  method: b.method ?? 'proactive',
  county: b.county ?? true,
  township: b.township ?? false,
});

export const standardCatalogRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const tags = ['catalog'];
  const thisYear = () => Number(todayInChina(ctx).slice(0, 4));

  server.get(
    '/api/catalog/agencies/:agencyId/matters',
    {
      ...STAFF,
      schema: { tags, summary: '政务公开事项标准目录（本机关的公开事项）', params: idParams('agencyId') },
    },
    async (request) => ({
      matters: await listMatters(ctx, request.principal, (request.params as { agencyId: number }).agencyId),
    }),
  );

  server.post(
    '/api/catalog/agencies/:agencyId/matters',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '新增公开事项（管理员、负责人）',
        params: idParams('agencyId'),
        body: matterBody,
      },
    },
    async (request, reply) => {
      const { agencyId } = request.params as { agencyId: number };
      return reply
        .status(201)
        .send(
          await createMatter(ctx, request.principal, agencyId, withDefaults(request.body as MatterInput)),
        );
    },
  );

  server.put(
    '/api/catalog/matters/:id',
    {
      ...STAFF,
      schema: { tags, summary: '修改公开事项（管理员、负责人）', params: idParams('id'), body: matterBody },
    },
    async (request) =>
      updateMatterFields(
        ctx,
        request.principal,
        (request.params as { id: number }).id,
        withDefaults(request.body as MatterInput),
      ),
  );

  server.delete(
    '/api/catalog/matters/:id',
    { ...STAFF, schema: { tags, summary: '删除公开事项（其下没有信息时）', params: idParams('id') } },
    async (request) => {
      await removeMatter(ctx, request.principal, (request.params as { id: number }).id);
      return { deleted: true };
    },
  );

  server.post(
    '/api/catalog/agencies/:agencyId/matters/starter',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '载入卫生健康（医疗卫生）领域起步目录（已有的同名事项更新）',
        params: idParams('agencyId'),
        body: {
          type: 'object',
          required: ['sector'],
          additionalProperties: false,
          properties: { sector: { type: 'string', enum: ['health'] } },
        },
      },
    },
    async (request) =>
      loadHealthStarter(ctx, request.principal, (request.params as { agencyId: number }).agencyId),
  );

  server.post(
    '/api/catalog/agencies/:agencyId/matters/import',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '从 XLSX 导入公开事项（multipart/form-data，字段 file；全部无误才导入）',
        consumes: ['multipart/form-data'],
        params: idParams('agencyId'),
      },
    },
    async (request) => {
      const file = await uploadedFile(request);
      return importMatters(ctx, request.principal, (request.params as { agencyId: number }).agencyId, file);
    },
  );

  server.get(
    '/api/catalog/agencies/:agencyId/matters/export.xlsx',
    { ...STAFF, schema: { tags, summary: '导出政务公开事项标准目录（XLSX）', params: idParams('agencyId') } },
    async (request, reply) => {
      const file = await exportMatters(
        ctx,
        request.principal,
        (request.params as { agencyId: number }).agencyId,
      );
      return reply
        .type(CONTENT_TYPE.xlsx)
        .header('content-disposition', attachment(file.fileName))
        .send(file.body);
    },
  );

  server.get(
    '/api/catalog/agencies/:agencyId/coverage',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '标准目录落实情况：每个事项本年度已公开、超期、缺项',
        params: idParams('agencyId'),
        querystring: yearQuery,
      },
    },
    async (request) => {
      const { agencyId } = request.params as { agencyId: number };
      const { year } = request.query as { year?: number };
      return agencyCoverage(ctx, request.principal, agencyId, year ?? thisYear());
    },
  );

  server.get(
    '/api/supervision/coverage',
    {
      ...STAFF,
      schema: {
        tags: ['supervision'],
        summary: '所辖机关的标准目录落实情况（缺项、超期）',
        querystring: yearQuery,
      },
    },
    async (request) =>
      subordinateCoverage(ctx, request.principal, (request.query as { year?: number }).year ?? thisYear()),
  );
};
