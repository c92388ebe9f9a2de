import type { FastifyRequest } from 'fastify';
import {
  DISCLOSURE_METHODS,
  DISCLOSURE_SCOPES,
  INTERPRETATION_FORMS,
  ITEM_KINDS,
  ITEM_STATES,
  REVIEW_ACTIONS,
} from '../../domain/catalog/index.ts';
import type { ItemInput, ReviewAction } from '../../domain/catalog/index.ts';
import { AppError } from '../../domain/errors.ts';
import { eventsOf } from '../../persistence/repositories/event.repository.ts';
import {
  addAttachment,
  openAttachment,
  removeAttachment,
} from '../../services/catalog/attachment.service.ts';
import { catalogConfig, setCategories } from '../../services/catalog/config.service.ts';
import type { ItemQuery } from '../../services/catalog/item.service.ts';
import {
  createItem,
  itemView,
  listCatalogItems,
  reviewQueue,
  updateItemFields,
} from '../../services/catalog/item.service.ts';
import { requireReader } from '../../services/catalog/access.ts';
import { actOnItem, clearScanHit } from '../../services/catalog/review.service.ts';
import { requireStaff } from '../plugins/auth.ts';
import { sendAttachment } from './catalog-files.ts';
import type { AppRoutes } from './app-routes.ts';

/**
 * The console's JSON API for catalog work (主动公开): items, their review chain and scanner hits, attachments and
 * the agency's categories. Staff only; the services check the role and the agency of every request.
 */
export const idParams = (...names: string[]) =>
  ({
    type: 'object',
    required: names,
    properties: Object.fromEntries(names.map((n) => [n, { type: 'integer', minimum: 1 }])),
  }) as const;
export const date = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const nullableText = (maxLength: number) => ({ type: ['string', 'null'], maxLength }) as const;

const itemProperties = {
  title: text(200),
  publisher: text(100),
  docNumber: nullableText(100),
  writtenOn: date,
  changedOn: date,
  effectiveOn: date,
  categoryCode: text(32),
  topic: nullableText(60),
  method: { type: 'string', enum: [...DISCLOSURE_METHODS] },
  scope: { type: 'string', enum: [...DISCLOSURE_SCOPES] },
  summary: text(500),
  body: text(1_000_000),
  matterId: { type: ['integer', 'null'], minimum: 1 },
  kind: { type: 'string', enum: [...ITEM_KINDS] },
  interpretsItemId: { type: ['integer', 'null'], minimum: 1 },
  interpretationForm: { type: ['string', 'null'], enum: [...INTERPRETATION_FORMS, null] },
  mediaUrl: nullableText(500),
  concernSource: nullableText(200),
  concernRaisedOn: date,
} as const;

/** One uploaded file from a multipart request (field "file"). */
export async function uploadedFile(
  request: FastifyRequest,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  if (!request.isMultipart())
    throw new AppError('unsupported_media', '请以 multipart/form-data 上传文件（字段名 file）', 'file');
  const part = await request.file();
  if (!part) throw new AppError('validation', '没有收到文件（字段名 file）', 'file');
  return { fileName: part.filename, bytes: await part.toBuffer() };
}

const STAFF = { preHandler: requireStaff() };

export const catalogRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const tags = ['catalog'];

  server.get(
    '/api/catalog/agencies/:agencyId/items',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '信息条目列表（任何状态，可筛选；timeliness=late 为超期公开，overdue 为已超期未公开）',
        params: idParams('agencyId'),
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            state: { type: 'string', enum: [...ITEM_STATES] },
            category: text(32),
            year: { type: 'integer', minimum: 2000, maximum: 2100 },
            q: text(100),
            timeliness: { type: 'string', enum: ['late', 'overdue'] },
            page: { type: 'integer', minimum: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 100 },
          },
        },
      },
    },
    async (request) => {
      const { agencyId } = request.params as { agencyId: number };
      const q = request.query as ItemQuery & { category?: string };
      return listCatalogItems(ctx, request.principal, agencyId, {
        ...q,
        ...(q.category ? { categoryCode: q.category } : {}),
      });
    },
  );

  server.post(
    '/api/catalog/agencies/:agencyId/items',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '起草信息条目（草稿）',
        params: idParams('agencyId'),
        body: {
          type: 'object',
          required: ['title', 'publisher', 'categoryCode'],
          additionalProperties: false,
          properties: itemProperties,
        },
      },
    },
    async (request, reply) => {
      const { agencyId } = request.params as { agencyId: number };
      return reply
        .status(201)
        .send(await createItem(ctx, request.principal, agencyId, request.body as ItemInput));
    },
  );

  server.get(
    '/api/catalog/agencies/:agencyId/review-queue',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '审核队列：审核、保密审查、领导签发、待发布中的信息',
        params: idParams('agencyId'),
      },
    },
    async (request) => ({
      items: await reviewQueue(ctx, request.principal, (request.params as { agencyId: number }).agencyId),
    }),
  );

  server.get(
    '/api/catalog/items/:id',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '信息条目详情：元数据、正文、附件、敏感信息检查结果、可执行的操作',
        params: idParams('id'),
      },
    },
    async (request) => itemView(ctx, request.principal, (request.params as { id: number }).id),
  );

  server.patch(
    '/api/catalog/items/:id',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '修改草稿（只提交要改的字段）',
        params: idParams('id'),
        body: { type: 'object', additionalProperties: false, minProperties: 1, properties: itemProperties },
      },
    },
    async (request) =>
      updateItemFields(
        ctx,
        request.principal,
        (request.params as { id: number }).id,
        request.body as Partial<ItemInput>,
      ),
  );

  server.post(
    '/api/catalog/items/:id/actions',
    {
      ...STAFF,
      schema: {
        tags,
        summary:
          '审核流程操作：submit 提交审核、approve 审核通过、pass_secrecy 保密审查通过、sign 领导签发、publish 发布、return 退回、expire 失效、repeal 废止、withdraw 撤回',
        params: idParams('id'),
        body: {
          type: 'object',
          required: ['action'],
          additionalProperties: false,
          properties: { action: { type: 'string', enum: [...REVIEW_ACTIONS] }, reason: nullableText(500) },
        },
      },
    },
    async (request) => {
      const { action, reason } = request.body as { action: ReviewAction; reason?: string | null };
      return actOnItem(ctx, request.principal, (request.params as { id: number }).id, action, {
        reason: reason ?? null,
      });
    },
  );

  server.get(
    '/api/catalog/items/:id/events',
    { ...STAFF, schema: { tags, summary: '信息条目的操作记录（审计日志）', params: idParams('id') } },
    async (request) => {
      const item = await itemView(ctx, request.principal, (request.params as { id: number }).id);
      return { events: await eventsOf(ctx.database.db, 'catalog_item', item.id) };
    },
  );

  server.post(
    '/api/catalog/hits/:id/clear',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '审核人确认一处敏感信息检查结果（须说明理由）',
        params: idParams('id'),
        body: {
          type: 'object',
          required: ['note'],
          additionalProperties: false,
          properties: { note: text(500) },
        },
      },
    },
    async (request) =>
      clearScanHit(
        ctx,
        request.principal,
        (request.params as { id: number }).id,
        (request.body as { note: string }).note,
      ),
  );

  server.post(
    '/api/catalog/items/:id/attachments',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '上传附件（multipart/form-data，字段 file；PDF、DOCX、XLSX、TXT、PNG、JPEG）',
        consumes: ['multipart/form-data'],
        params: idParams('id'),
      },
    },
    async (request, reply) => {
      const file = await uploadedFile(request);
      return reply
        .status(201)
        .send(await addAttachment(ctx, request.principal, (request.params as { id: number }).id, file));
    },
  );

  server.delete(
    '/api/catalog/items/:id/attachments/:attachmentId',
    { ...STAFF, schema: { tags, summary: '删除草稿的附件', params: idParams('id', 'attachmentId') } },
    async (request) => {
      const { id, attachmentId } = request.params as { id: number; attachmentId: number };
      return removeAttachment(ctx, request.principal, id, attachmentId);
    },
  );

  server.get(
    '/api/catalog/items/:id/attachments/:attachmentId',
    { ...STAFF, schema: { tags, summary: '下载附件', params: idParams('id', 'attachmentId') } },
    async (request, reply) => {
      const { id, attachmentId } = request.params as { id: number; attachmentId: number };
      return sendAttachment(reply, await openAttachment(ctx, request.principal, id, attachmentId));
    },
  );

  server.get(
    '/api/catalog/agencies/:agencyId/categories',
    { ...STAFF, schema: { tags, summary: '目录分类与索引号规则', params: idParams('agencyId') } },
    async (request) => {
      const { agencyId } = request.params as { agencyId: number };
      await requireReader(ctx, request.principal, agencyId);
      const config = await catalogConfig(ctx.database.db, agencyId);
      return {
        categories: config.categories,
        custom: config.customCategories,
        indexScheme: config.scheme.text,
        extraMarks: config.extraMarks,
      };
    },
  );

  server.put(
    '/api/catalog/agencies/:agencyId/categories',
    {
      ...STAFF,
      schema: {
        tags,
        summary: '设置本机关的目录分类（管理员、负责人）',
        params: idParams('agencyId'),
        body: {
          type: 'object',
          required: ['categories'],
          additionalProperties: false,
          properties: {
            categories: {
              type: 'array',
              minItems: 1,
              maxItems: 200,
              items: {
                type: 'object',
                required: ['code', 'name'],
                additionalProperties: false,
                properties: {
                  code: text(32),
                  name: text(40),
                  parent: nullableText(32),
                  article: nullableText(40),
                  normative: { type: ['string', 'null'], enum: ['rules', 'normative_documents', null] },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const { agencyId } = request.params as { agencyId: number };
      return {
        categories: await setCategories(
          ctx,
          request.principal,
          agencyId,
          (request.body as { categories: unknown }).categories,
        ),
      };
    },
  );
};
