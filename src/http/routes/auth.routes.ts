import { ROLE_LABEL } from '../../domain/access/roles.ts';
import { login, logout } from '../../services/auth.service.ts';
import { todayInChina } from '../../services/context.ts';
import { SESSION_COOKIE, requireStaff, staffOf } from '../plugins/auth.ts';
import { sameOriginOnly } from '../plugins/same-origin.ts';
import type { AppRoutes } from './app-routes.ts';

/** Staff login/logout and "who am I". Login is rate-limited per IP; lockout is per username and client; cross-site
 * login posts are refused. */
export const authRoutes: AppRoutes = async (server, { app }) => {
  server.post(
    '/api/auth/login',
    {
      // no session yet, so no session token: a cross-site post is refused by its Origin/Referer instead
      config: { csrfExempt: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      preHandler: sameOriginOnly(app.config.publicUrl),
      schema: {
        tags: ['auth'],
        summary: '工作人员登录',
        body: {
          type: 'object',
          required: ['username', 'password'],
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 80 },
            password: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body as { username: string; password: string };
      const result = await login(app.ctx, username, password, request.ip);
      void reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.tls,
        maxAge: 12 * 3600,
      });
      return {
        user: { ...describe(result.principal), agencyName: result.agencyName },
        csrfToken: result.csrfToken,
        today: todayInChina(app.ctx),
      };
    },
  );

  server.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(app.ctx, token);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  server.get(
    '/api/auth/me',
    { preHandler: requireStaff(), schema: { tags: ['auth'], summary: '当前登录的工作人员' } },
    async (request) => {
      const p = staffOf(request);
      return { user: { ...describe(p), agencyName: request.agencyName }, csrfToken: request.csrfToken };
    },
  );
};

function describe(p: { userId: number; agencyId: number; roles: (keyof typeof ROLE_LABEL)[]; name: string }) {
  return {
    id: p.userId,
    agencyId: p.agencyId,
    name: p.name,
    roles: p.roles,
    roleLabels: p.roles.map((r) => ROLE_LABEL[r]),
  };
}
