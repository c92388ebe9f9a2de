import { findAgency } from '../../persistence/repositories/agency.repository.ts';
import { changeUser, createUser, updateSettings, usersOf } from '../../services/staff.service.ts';
import { ROLES } from '../../domain/access/roles.ts';
import { SESSION_COOKIE, requireStaff, staffOf } from '../plugins/auth.ts';
import type { AppRoutes } from './app-routes.ts';
import { agencySettingsSchema } from './agency-settings-schema.ts';
import { removeSeal, sealFile, uploadSeal } from '../../services/agency-seal.service.ts';
import { sendAttachment } from './catalog-files.ts';
import { uploadedFile } from './catalog.routes.ts';

const userBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    username: { type: 'string', maxLength: 40 },
    displayName: { type: 'string', maxLength: 50 },
    roles: { type: 'array', minItems: 1, maxItems: 6, items: { type: 'string', enum: [...ROLES] } },
    password: { type: 'string', maxLength: 200 },
    disabled: { type: 'boolean' },
    email: { type: ['string', 'null'], maxLength: 254 },
    // 所在科室 (one of the agency's departments; 会签, #12 point 2)
    department: { type: ['string', 'null'], maxLength: 30 },
  },
} as const;

/** Administration of one's own agency: settings and staff accounts (管理员 only). */
export const adminRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  server.get(
    '/api/admin/agency',
    { preHandler: requireStaff(), schema: { tags: ['admin'], summary: '本机关信息与设置' } },
    async (request) => findAgency(ctx.database.db, staffOf(request).agencyId),
  );
  server.patch(
    '/api/admin/agency',
    {
      preHandler: requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: '修改本机关设置（名称、地址、办公时间、受理渠道、文书模板、索引号规则等）',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 2, maxLength: 100 },
            settings: agencySettingsSchema,
          },
        },
      },
    },
    async (request) => {
      const body = request.body as { name?: string; settings?: Record<string, unknown> };
      return updateSettings(ctx, request.principal, staffOf(request).agencyId, body);
    },
  );
  // the agency's 印章 for its letters (#12 point 6): uploaded, shown, removed here only, never by PATCH
  server.post(
    '/api/admin/agency/seal',
    {
      preHandler: requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary:
          '上传本机关印章图片（multipart/form-data，字段 file；PNG 或 JPEG，不超过 2 MB），告知书 PDF 和 Word 版在落款处加盖',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const file = await uploadedFile(request);
      return reply
        .status(201)
        .send(await uploadSeal(ctx, request.principal, staffOf(request).agencyId, file));
    },
  );
  server.get(
    '/api/admin/agency/seal',
    { preHandler: requireStaff(), schema: { tags: ['admin'], summary: '本机关印章图片' } },
    async (request, reply) =>
      sendAttachment(reply, await sealFile(ctx, request.principal, staffOf(request).agencyId)),
  );
  server.delete(
    '/api/admin/agency/seal',
    {
      preHandler: requireStaff('admin'),
      schema: { tags: ['admin'], summary: '删除本机关印章图片（告知书落款处留空，加盖实体印章）' },
    },
    async (request, reply) => {
      await removeSeal(ctx, request.principal, staffOf(request).agencyId);
      return reply.status(204).send();
    },
  );
  server.get(
    '/api/admin/users',
    { preHandler: requireStaff('admin'), schema: { tags: ['admin'], summary: '本机关工作人员账号' } },
    async (request) => usersOf(ctx, request.principal, staffOf(request).agencyId),
  );
  server.post(
    '/api/admin/users',
    {
      preHandler: requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: '新建工作人员账号',
        body: { ...userBody, required: ['username', 'displayName', 'roles', 'password'] },
      },
    },
    async (request, reply) => {
      const body = request.body as {
        username: string;
        displayName: string;
        roles: string[];
        password: string;
        email?: string | null;
        department?: string | null;
      };
      return reply
        .status(201)
        .send(await createUser(ctx, request.principal, { ...body, agencyId: staffOf(request).agencyId }));
    },
  );
  server.patch(
    '/api/admin/users/:id',
    {
      preHandler: requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: '修改账号（姓名、角色、停用、重置密码）',
        params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } } },
        body: userBody,
      },
    },
    async (request) =>
      changeUser(
        ctx,
        request.principal,
        (request.params as { id: number }).id,
        request.body as {
          displayName?: string;
          roles?: string[];
          disabled?: boolean;
          password?: string;
          email?: string | null;
          department?: string | null;
        },
        request.cookies[SESSION_COOKIE],
      ),
  );
};
