import { findAgencyByCode } from '../../persistence/repositories/agency.repository.ts';
import { submitOnline } from '../../services/applications/intake.ts';
import type { NewApplicationInput } from '../../services/applications/intake.ts';
import { lookupByTrackingCode } from '../../services/applications/queries.ts';
import { AppError } from '../../domain/errors.ts';
import { DELIVERY_METHODS, INFORMATION_FORMS } from '../../domain/application/index.ts';
import { applicantSchema, itemsSchema } from './applications.routes.ts';
import type { AppRoutes } from './app-routes.ts';

/**
 * The public JSON API of 依申请公开: submit an application online (网络渠道) and follow it with the 查询码 and the
 * secret. Both are rate-limited per IP; nothing else of any application is reachable without a staff session.
 */
export const publicApplicationRoutes: AppRoutes = async (server, { app }) => {
  server.post(
    '/api/public/applications',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: '在线提交政府信息公开申请',
        body: {
          type: 'object',
          required: ['agency', 'applicant', 'items', 'form', 'delivery'],
          additionalProperties: false,
          properties: {
            agency: { type: 'string', maxLength: 32, description: '受理机关的机构代码' },
            applicant: applicantSchema,
            items: itemsSchema,
            form: { type: 'string', enum: [...INFORMATION_FORMS] },
            delivery: { type: 'string', enum: [...DELIVERY_METHODS] },
          },
        },
      },
    },
    async (request, reply) => {
      const body = request.body as Omit<NewApplicationInput, 'receipt'> & { agency: string };
      const agency = await findAgencyByCode(app.ctx.database.db, body.agency);
      if (!agency) throw new AppError('validation', `没有机构代码为“${body.agency}”的行政机关`, 'agency');
      const { application, secret } = await submitOnline(app.ctx, agency.id, body);
      return reply.status(201).send({
        trackingCode: application.trackingCode,
        secret,
        receivedOn: application.application.receivedOn,
        replyDue: application.application.deadlines.reply?.date ?? null,
      });
    },
  );

  server.post(
    '/api/public/applications/lookup',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: '凭查询码和查询密码查看本人申请的办理进度',
        body: {
          type: 'object',
          required: ['trackingCode', 'secret'],
          additionalProperties: false,
          properties: {
            trackingCode: { type: 'string', minLength: 4, maxLength: 40 },
            secret: { type: 'string', minLength: 4, maxLength: 40 },
          },
        },
      },
    },
    async (request) => {
      const { trackingCode, secret } = request.body as { trackingCode: string; secret: string };
      return lookupByTrackingCode(app.ctx, trackingCode, secret);
    },
  );
};
