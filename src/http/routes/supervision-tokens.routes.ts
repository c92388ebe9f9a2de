import {
  supervisionSettings,
  updateSupervisionSettings,
} from '../../services/supervision/settings.service.ts';
import { createToken, listTokens, revokeTokenById } from '../../services/supervision/tokens.service.ts';
import { requireStaff } from '../plugins/auth.ts';
import type { AppRoutes } from './app-routes.ts';

const monthDay = { type: ['string', 'null'], pattern: '^\\d{2}-\\d{2}$' } as const;

/**
 * The supervising agency's own set-up: its internal collection dates and outlier thresholds (supervisors and
 * administrators), and the read-only API tokens a provincial platform pulls figures with (administrators).
 */
export const supervisionTokenRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const tags = ['supervision'];

  server.get(
    '/api/supervision/settings',
    {
      preHandler: requireStaff('supervisor', 'admin'),
      schema: {
        tags,
        summary: '监督参数：内部报送日期、异常数值核查的阈值、排名最低申请量、考核权重、法定栏目更新周期',
      },
    },
    async (request) => supervisionSettings(ctx, request.principal),
  );

  server.put(
    '/api/supervision/settings',
    {
      preHandler: requireStaff('supervisor', 'admin'),
      schema: {
        tags,
        summary: '修改监督参数（整体替换：未提交的项恢复默认值；每次修改记入审计日志）',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            departmentDue: monthDay,
            governmentDue: monthDay,
            jumpFactor: { type: 'number', minimum: 1, maximum: 100 },
            jumpMinimum: { type: 'integer', minimum: 1, maximum: 1_000_000 },
            manyItems: { type: 'integer', minimum: 1, maximum: 10_000_000 },
            // range and sum checked by the domain (a Chinese message naming the field)
            rankMinimum: { type: ['number', 'null'] },
            scoreWeights: {
              type: ['object', 'null'],
              maxProperties: 10,
              additionalProperties: { type: ['number', 'null'] },
            },
            columnStaleMonths: {
              type: ['object', 'null'],
              maxProperties: 40,
              additionalProperties: { type: ['number', 'null'] },
            },
          },
        },
      },
    },
    async (request) => updateSupervisionSettings(ctx, request.principal, request.body as object),
  );

  server.get(
    '/api/supervision/tokens',
    { preHandler: requireStaff('admin'), schema: { tags, summary: '本机关的只读 API 令牌（不含令牌本身）' } },
    async (request) => ({ tokens: await listTokens(ctx, request.principal) }),
  );

  server.post(
    '/api/supervision/tokens',
    {
      preHandler: requireStaff('admin'),
      schema: {
        tags,
        summary: '新建只读 API 令牌（令牌只在此时显示一次）',
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string', maxLength: 100 } },
        },
      },
    },
    async (request, reply) => {
      const { token, record } = await createToken(ctx, request.principal, request.body as { name: string });
      return reply.status(201).send({ token, record });
    },
  );

  server.delete(
    '/api/supervision/tokens/:id',
    {
      preHandler: requireStaff('admin'),
      schema: {
        tags,
        summary: '撤销 API 令牌',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
      },
    },
    async (request, reply) => {
      await revokeTokenById(ctx, request.principal, (request.params as { id: number }).id);
      return reply.status(204).send();
    },
  );
};
