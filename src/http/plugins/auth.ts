import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Principal } from '../../domain/access/principal.ts';
import { ANONYMOUS } from '../../domain/access/principal.ts';
import type { Role } from '../../domain/access/roles.ts';
import { AppError } from '../../domain/errors.ts';
import { authenticate } from '../../services/auth.service.ts';
import type { ServiceContext } from '../../services/context.ts';

export const SESSION_COOKIE = 'gk_session';
/** Double-submit cookie for forms posted without a session (the public application form). */
export const FORM_CSRF_COOKIE = 'gk_form';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    /** the session's CSRF token, when a staff member is logged in */
    csrfToken: string | null;
    agencyName: string | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Reads the session cookie into `request.principal` and enforces CSRF protection: a state-changing request
 * made with a session cookie must carry the session's token in the `x-csrf-token` header or a `_csrf` form
 * field. The cookie is httpOnly and SameSite=Lax; the token check covers what SameSite does not.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { ctx: ServiceContext }) => {
  app.decorateRequest('principal', null as never);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('agencyName', null);
  // A route guarded by requireStaff() is checked before its body is validated: a caller without the right
  // session is told 401/403, never details of the schema. The guard is moved to preValidation here, centrally.
  app.addHook('onRoute', (route) => {
    const handlers = [route.preHandler ?? []].flat();
    const guards = handlers.filter((h) => STAFF_GUARDS.has(h as never));
    if (guards.length === 0) return;
    route.preHandler = handlers.filter((h) => !STAFF_GUARDS.has(h as never)) as typeof route.preHandler;
    route.preValidation = [...guards, ...[route.preValidation ?? []].flat()] as typeof route.preValidation;
  });
  app.addHook('preValidation', async (request) => {
    request.principal = ANONYMOUS;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await authenticate(opts.ctx, token);
      if (session) {
        request.principal = session.principal;
        request.csrfToken = session.csrfToken;
        request.agencyName = session.agencyName;
      }
    }
    if (!SAFE.has(request.method) && request.csrfToken) {
      const body = request.body as Record<string, unknown> | undefined;
      const sent =
        request.headers['x-csrf-token'] ?? (body && typeof body === 'object' ? body._csrf : undefined);
      const exempt = request.routeOptions.config?.csrfExempt === true;
      if (!exempt && sent !== request.csrfToken)
        throw new AppError('forbidden', '缺少或无效的 CSRF 令牌，请刷新页面后重试');
    }
  });
});

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the route is public and changes nothing a forged request could abuse (e.g. login) */
    csrfExempt?: boolean;
  }
}

const STAFF_GUARDS = new WeakSet<object>();

/**
 * The request must come from a logged-in staff member holding one of `roles` (any role if none). Used as a
 * route's `preHandler`; the auth plugin runs it before body validation.
 */
export function requireStaff(...roles: Role[]): preHandlerAsyncHookHandler {
  const guard = async (request: FastifyRequest, _reply: FastifyReply) => {
    const p = request.principal;
    if (p.kind !== 'staff') throw new AppError('unauthenticated', '请先登录');
    if (roles.length > 0 && !roles.some((r) => p.roles.includes(r)))
      throw new AppError('forbidden', '您的角色无权执行此操作');
  };
  STAFF_GUARDS.add(guard);
  return guard;
}

export function staffOf(request: FastifyRequest): Extract<Principal, { kind: 'staff' }> {
  const p = request.principal;
  if (p.kind !== 'staff') throw new AppError('unauthenticated', '请先登录');
  return p;
}
