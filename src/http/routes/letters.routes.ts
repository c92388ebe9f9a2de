import type { LetterKind } from '../../domain/letters/index.ts';
import { LETTER_KIND_LABEL, LETTER_KINDS, letterFillKeys } from '../../domain/letters/index.ts';
import { renderLetterHtml } from '../../render/letters/index.ts';
import { letterSeal } from '../../services/agency-seal.service.ts';
import type { LetterExtras } from '../../services/applications/letters.ts';
import { previewLetter, sentLetter } from '../../services/applications/letters.ts';
import { requireStaff, staffOf } from '../plugins/auth.ts';
import { letterExtrasSchema } from './applications.routes.ts';
import { attachment, CONTENT_TYPE } from './report-tool.routes.ts';
import type { AppRoutes } from './app-routes.ts';

/** The letters (告知书) of an application: preview before sending, and the sent letters as HTML, DOCX or PDF. */
export const letterRoutes: AppRoutes = async (server, { app }) => {
  server.get(
    '/api/letters/fill-keys',
    {
      preHandler: requireStaff(),
      schema: { tags: ['letters'], summary: '各类文书可编辑的填写项（机关自定义模板用）' },
    },
    async () =>
      Object.fromEntries(
        LETTER_KINDS.map((k) => [k, { label: LETTER_KIND_LABEL[k], fills: letterFillKeys(k) }]),
      ),
  );

  server.post(
    '/api/applications/:id/letters/preview',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['letters'],
        summary: '预览将要发出的文书（按当前办理情况和填写项）',
        params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } } },
        body: {
          type: 'object',
          required: ['kind'],
          additionalProperties: false,
          properties: { kind: { type: 'string', enum: [...LETTER_KINDS] }, ...letterExtrasSchema.properties },
        },
      },
    },
    async (request) => {
      const body = request.body as { kind: LetterKind } & LetterExtras;
      const { document, missing } = await previewLetter(
        app.ctx,
        request.principal,
        (request.params as { id: number }).id,
        body.kind,
        body,
      );
      const seal = await letterSeal(app.ctx, staffOf(request).agencyId);
      return { html: renderLetterHtml(document, { seal }), missing, warnings: document.warnings };
    },
  );

  server.get(
    '/api/applications/:id/letters/:letterId',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['letters'],
        summary:
          '已发出的文书（HTML、DOCX 或 PDF）：仅承办机关的登记员、承办人、审核人、负责人；每次查看都记入审计日志',
        params: {
          type: 'object',
          properties: { id: { type: 'integer', minimum: 1 }, letterId: { type: 'integer', minimum: 1 } },
        },
        querystring: {
          type: 'object',
          properties: { format: { type: 'string', enum: ['html', 'docx', 'pdf'] } },
        },
      },
    },
    async (request, reply) => {
      const { id, letterId } = request.params as { id: number; letterId: number };
      const format = (request.query as { format?: 'html' | 'docx' | 'pdf' }).format ?? 'html';
      const document = await sentLetter(app.ctx, request.principal, id, letterId, format);
      // with the agency's seal when it has one; DOCX and PDF are made in a document worker
      const seal = await letterSeal(app.ctx, staffOf(request).agencyId);
      if (format === 'html') return reply.type(CONTENT_TYPE.html).send(renderLetterHtml(document, { seal }));
      const body = await app.ctx.documents.renderLetter(document, format, seal);
      return reply
        .type(CONTENT_TYPE[format])
        .header('content-disposition', attachment(`${document.title}（${document.number}）.${format}`))
        .send(body);
    },
  );
};
