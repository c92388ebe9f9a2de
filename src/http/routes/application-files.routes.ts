import type { ServiceInput } from '../../domain/application/index.ts';
import { SERVICE_METHODS } from '../../domain/application/index.ts';
import {
  addReplyAttachment,
  listReplyAttachments,
  openReplyAttachment,
  removeReplyAttachment,
} from '../../services/applications/reply-attachments.ts';
import { recordLetterService } from '../../services/applications/service-records.ts';
import { requireStaff } from '../plugins/auth.ts';
import type { AppRoutes } from './app-routes.ts';
import { sendAttachment } from './catalog-files.ts';
import { uploadedFile } from './catalog.routes.ts';

const ids = (...names: string[]) => ({
  type: 'object',
  required: names,
  properties: Object.fromEntries(names.map((n) => [n, { type: 'integer', minimum: 1 }])),
});
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

/** 送达 records of an application's letters, and the files a reply hands over (条例第三十六条、第三十七条). */
export const applicationFileRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const tags = ['applications'];

  server.post(
    '/api/applications/:id/letters/:letterId/service',
    {
      preHandler: requireStaff('registrar', 'handler'),
      schema: {
        tags,
        summary: '登记文书送达：方式、日期、凭证（邮寄须填邮件号）；期限自送达之次日起计算',
        params: ids('id', 'letterId'),
        body: {
          type: 'object',
          required: ['service'],
          additionalProperties: false,
          properties: {
            service: {
              type: 'object',
              required: ['method', 'servedOn'],
              additionalProperties: false,
              properties: {
                method: { type: 'string', enum: [...SERVICE_METHODS] },
                servedOn: date,
                proof: { type: ['string', 'null'], maxLength: 500 },
                trackingNumber: { type: ['string', 'null'], maxLength: 40 },
              },
            },
            version: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request) => {
      const { id, letterId } = request.params as { id: number; letterId: number };
      const body = request.body as { service: ServiceInput; version?: number };
      return recordLetterService(ctx, request.principal, id, letterId, body.service, body.version);
    },
  );

  server.get(
    '/api/applications/:id/attachments',
    {
      preHandler: requireStaff(),
      schema: { tags, summary: '答复附件（随答复提供的政府信息）', params: ids('id') },
    },
    async (request) => listReplyAttachments(ctx, request.principal, (request.params as { id: number }).id),
  );

  server.post(
    '/api/applications/:id/attachments',
    {
      preHandler: requireStaff('registrar', 'handler'),
      schema: {
        tags,
        summary: '上传答复附件（multipart/form-data，字段 file；redacted=1 标明已作区分处理）',
        consumes: ['multipart/form-data'],
        params: ids('id'),
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { redacted: { type: 'boolean' }, note: { type: 'string', maxLength: 200 } },
        },
      },
    },
    async (request, reply) => {
      const file = await uploadedFile(request);
      const q = request.query as { redacted?: boolean; note?: string };
      const list = await addReplyAttachment(
        ctx,
        request.principal,
        (request.params as { id: number }).id,
        file,
        {
          redacted: q.redacted ?? false,
          note: q.note ?? null,
        },
      );
      return reply.status(201).send(list);
    },
  );

  server.delete(
    '/api/applications/:id/attachments/:attachmentId',
    {
      preHandler: requireStaff('registrar', 'handler'),
      schema: { tags, summary: '删除尚未随答复送出的附件', params: ids('id', 'attachmentId') },
    },
    async (request) => {
      const { id, attachmentId } = request.params as { id: number; attachmentId: number };
      return removeReplyAttachment(ctx, request.principal, id, attachmentId);
    },
  );

  server.get(
    '/api/applications/:id/attachments/:attachmentId',
    {
      preHandler: requireStaff(),
      schema: { tags, summary: '下载答复附件', params: ids('id', 'attachmentId') },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params as { id: number; attachmentId: number };
      return sendAttachment(reply, await openReplyAttachment(ctx, request.principal, id, attachmentId));
    },
  );
};
