import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyInstance, onRouteHookHandler } from 'fastify';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { App } from '../app.ts';
import { errorHandler } from './errors.ts';
import { notFoundPage } from './pages/not-found.ts';
import { registerStoredPages } from './pages/portal/page-store.ts';
import { rewriteAgencyPrefix } from './pages/portal/requests.ts';
import { authPlugin } from './plugins/auth.ts';
import { registerDemoBanner } from './plugins/demo-banner.ts';
import { registerInputGuard } from './plugins/input-guard.ts';
import { registerJsonBody } from './plugins/json-body.ts';
import { databaseRateLimitStore } from './plugins/rate-limit-store.ts';
import { registerSecurityHeaders, securityHeaders } from './plugins/security-headers.ts';
import { trustConfiguredProxies } from './plugins/trusted-proxy.ts';
import { routes } from './routes/index.ts';

/** A URL as logged: the path, with "?…" where a query string was (its values are not written). */
export function withoutQuery(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? url : `${url.slice(0, at)}?…`;
}

export const BODY_LIMIT = 2 * 1024 * 1024;
export const UPLOAD_LIMIT = 20 * 1024 * 1024;

/**
 * The HTTP server: security headers, then external plugins (cookies, forms, uploads, rate limits, OpenAPI),
 * then our plugins (session/CSRF), then the routes; one error handler; Chinese 404s.
 */
/**
 * A request's id, in its answer's X-Request-Id and in every log line of it: the proxy's X-Request-Id when the
 * request comes from a trusted proxy and the id looks like one (so a request is followed from nginx's log into
 * ours), otherwise a new UUID — a client cannot choose the id its lines are logged under.
 */
function requestId(
  request: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } },
  trustedProxy: ((address: string, hop: number) => boolean) | null,
): string {
  const given = request.headers['x-request-id'];
  const fromProxy = trustedProxy?.(request.socket?.remoteAddress ?? '', 0) ?? false;
  return fromProxy && typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

export async function buildServer(
  app: App,
  /** `onRoute` sees every route as it is added (the fuzz suite enumerates them this way) */
  options: {
    onRoute?: onRouteHookHandler;
    /** where the log goes when LOG_LEVEL is not silent (default stdout; tests read it) */
    logStream?: { write(line: string): void };
  } = {},
): Promise<FastifyInstance> {
  // behind the proxy (GONGKAI_TLS): the proxies whose X-Forwarded-For and X-Request-Id are believed
  const trustedProxy = app.config.tls ? trustConfiguredProxies(app.config.trustedProxies) : null;
  const server = Fastify({
    // structured (JSON) logs, one line per request with its id; the proxy's X-Request-Id is kept when sane
    logger:
      app.config.logLevel === 'silent'
        ? false
        : {
            level: app.config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // the query string stays out of the log: it carries searches by an applicant's name, 查询码 …
            serializers: {
              req: (request: { method: string; url: string; ip?: string }) => ({
                method: request.method,
                url: withoutQuery(request.url),
                remoteAddress: request.ip,
              }),
            },
          },
    // an agency's portal under a path prefix: /a/CODE/… is /…?agency=CODE
    rewriteUrl: (request) => rewriteAgencyPrefix(request.url ?? '/'),
    requestIdHeader: false,
    genReqId: (request) => requestId(request, trustedProxy),
    bodyLimit: BODY_LIMIT,
    trustProxy: trustedProxy ?? false,
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: false } },
    // malformed URLs (bad percent-encoding, over-long parameters) are refused by the router itself, before
    // any hook has set the security headers: set them here
    frameworkErrors: (error, request, reply) => {
      void reply.headers(securityHeaders(app.config.tls));
      errorHandler(error, request, reply);
    },
  });
  if (options.onRoute) server.addHook('onRoute', options.onRoute);
  // every answer says which request id it had (the log lines of the request carry the same)
  server.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  registerSecurityHeaders(server, app.config.tls);
  registerStoredPages(server, app);
  registerDemoBanner(server, app);
  registerJsonBody(server, BODY_LIMIT);
  registerInputGuard(server);
  await server.register(cookie);
  await server.register(formbody, { bodyLimit: BODY_LIMIT });
  await server.register(multipart, {
    limits: { fileSize: UPLOAD_LIMIT, files: 10, fields: 50, fieldSize: BODY_LIMIT },
  });
  await server.register(rateLimit, { global: false, store: databaseRateLimitStore(app.database) });
  await server.register(swagger, {
    openapi: {
      info: { title: 'Gongkai API', description: '政府信息公开工作系统 API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gk_session' },
          // read-only API tokens of the supervising office (supervision GET routes: routes/supervision-caller.ts)
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'gks_…',
            description:
              '上级政务公开办签发的只读 API 令牌（Authorization: Bearer gks_…），仅用于监督类只读接口',
          },
        },
      },
    },
  });
  await server.register(fastifyStatic, {
    root: join(import.meta.dirname, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
  });

  server.setErrorHandler(errorHandler);
  server.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/'))
      return reply.status(404).send({
        error: {
          code: 'not_found',
          message: `没有这个接口：${request.method} ${request.url.split('?')[0]}`,
        },
      });
    return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage());
  });

  await server.register(authPlugin, { ctx: app.ctx });
  for (const route of routes) await server.register(route, { app });
  server.get('/api/openapi.json', { schema: { hide: true } }, async () => server.swagger());
  return server;
}
