import {
  answerCosignOf,
  cosignsOfApplication,
  departments,
  openCosigns,
  withdrawCosignOf,
} from '../../services/applications/cosigns.ts';
import { COSIGN_LIMITS } from '../../domain/cosign/index.ts';
import { requireStaff } from '../plugins/auth.ts';
import type { AppRoutes } from './app-routes.ts';

const id = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;
const cosignParams = {
  type: 'object',
  required: ['id', 'cosignId'],
  properties: { id: { type: 'integer', minimum: 1 }, cosignId: { type: 'integer', minimum: 1 } },
} as const;

/**
 * 内部会签 (issue 12 point 2): the agency's departments, a case's 会签, opening them (承办人 or 负责人) and answering
 * one (a member of the department, or the handler recording it), and withdrawing an unanswered one (撤回会签:
 * who opened it, the handler or the head, with a reason). Lengths are checked by the domain, with the
 * count in the message, so the schema sets only generous outer bounds.
 */
export const cosignRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  server.get(
    '/api/departments',
    { preHandler: requireStaff(), schema: { tags: ['applications'], summary: '本机关的科室（会签对象）' } },
    async (request) => departments(ctx, request.principal),
  );
  server.get(
    '/api/applications/:id/cosigns',
    {
      preHandler: requireStaff(),
      schema: { tags: ['applications'], summary: '本申请的内部会签（会签不中止答复期限）', params: id },
    },
    async (request) => cosignsOfApplication(ctx, request.principal, (request.params as { id: number }).id),
  );
  server.post(
    '/api/applications/:id/cosigns',
    {
      preHandler: requireStaff('handler', 'head'),
      schema: {
        tags: ['applications'],
        summary: '发起内部会签：一个或多个科室，各自的会签期限（在答复期限内）',
        params: id,
        body: {
          type: 'object',
          required: ['question', 'departments'],
          additionalProperties: false,
          properties: {
            question: { type: 'string', maxLength: COSIGN_LIMITS.question * 4 },
            departments: {
              type: 'array',
              maxItems: 50,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['department'],
                properties: {
                  department: { type: 'string', maxLength: 200 },
                  workingDays: { type: ['integer', 'null'] },
                  dueOn: { type: ['string', 'null'], maxLength: 20 },
                },
              },
            },
          },
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await openCosigns(
            ctx,
            request.principal,
            (request.params as { id: number }).id,
            request.body as { question: string; departments: unknown[] },
          ),
        ),
  );
  server.post(
    '/api/applications/:id/cosigns/:cosignId/answer',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['applications'],
        summary: '答复会签：本科室工作人员填写会签意见，或承办人代为登记（写明答复人）',
        params: cosignParams,
        body: {
          type: 'object',
          required: ['opinion'],
          additionalProperties: false,
          properties: {
            opinion: { type: 'string', maxLength: COSIGN_LIMITS.opinion * 4 },
            answererName: { type: ['string', 'null'], maxLength: 200 },
          },
        },
      },
    },
    async (request) => {
      const { id: appId, cosignId } = request.params as { id: number; cosignId: number };
      return answerCosignOf(ctx, request.principal, appId, cosignId, request.body as { opinion: string });
    },
  );
  server.post(
    '/api/applications/:id/cosigns/:cosignId/withdraw',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['applications'],
        summary: '撤回会签：发起人、承办人或负责人撤回尚未答复的会签（须写明撤回理由）',
        params: cosignParams,
        body: {
          type: 'object',
          required: ['reason'],
          additionalProperties: false,
          properties: { reason: { type: 'string', maxLength: COSIGN_LIMITS.withdrawReason * 4 } },
        },
      },
    },
    async (request) => {
      const { id: appId, cosignId } = request.params as { id: number; cosignId: number };
      return withdrawCosignOf(ctx, request.principal, appId, cosignId, request.body as { reason: string });
    },
  );
};
