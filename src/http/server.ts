import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyInstance, onRouteHookHandler } from 'fastify';
import { join } from 'node:path';
import type { App } from '../app.ts';
import { errorHandler } from './errors.ts';
import { notFoundPage } from './pages/not-found.ts';
import { authPlugin } from './plugins/auth.ts';
import { registerInputGuard } from './plugins/input-guard.ts';
import { registerJsonBody } from './plugins/json-body.ts';
import { trustOneLocalProxy } from './plugins/trusted-proxy.ts';
import { routes } from './routes/index.ts';

export const BODY_LIMIT = 2 * 1024 * 1024;
const HSTS_MAX_AGE = 31536000;
const CSP: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The headers that matter on a response no hook has seen (the router's own refusals). */
function baselineHeaders(tls: boolean): Record<string, string> {
  const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return {
    'content-security-policy': Object.entries(CSP)
      .map(([k, v]) => `${kebab(k)} ${v.join(' ')}`)
      .join(';'),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'no-referrer',
    ...(tls ? { 'strict-transport-security': `max-age=${HSTS_MAX_AGE}; includeSubDomains` } : {}),
  };
}
export const UPLOAD_LIMIT = 20 * 1024 * 1024;

/**
 * The HTTP server: external plugins first (security headers, cookies, forms, uploads, rate limits, OpenAPI),
 * then our plugins (session/CSRF), then the routes; one error handler; Chinese 404s.
 */
export async function buildServer(
  app: App,
  /** `onRoute` sees every route as it is added (the fuzz suite enumerates them this way) */
  options: { onRoute?: onRouteHookHandler } = {},
): Promise<FastifyInstance> {
  const server = Fastify({
    logger: app.config.logLevel === 'silent' ? false : { level: app.config.logLevel },
    bodyLimit: BODY_LIMIT,
    trustProxy: app.config.tls ? trustOneLocalProxy : false,
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: false } },
    // malformed URLs (bad percent-encoding, over-long parameters) are refused by the router itself, before
    // any hook has set the security headers: set them here
    frameworkErrors: (error, request, reply) => {
      void reply.headers(baselineHeaders(app.config.tls));
      errorHandler(error, request, reply);
    },
  });
  if (options.onRoute) server.addHook('onRoute', options.onRoute);
  await server.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP },
    hsts: app.config.tls ? { maxAge: HSTS_MAX_AGE, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  registerJsonBody(server, BODY_LIMIT);
  registerInputGuard(server);
  await server.register(cookie);
  await server.register(formbody, { bodyLimit: BODY_LIMIT });
  await server.register(multipart, {
    limits: { fileSize: UPLOAD_LIMIT, files: 10, fields: 50, fieldSize: BODY_LIMIT },
  });
  await server.register(rateLimit, { global: false });
  await server.register(swagger, {
    openapi: {
      info: { title: 'Gongkai API', description: '政府信息公开工作系统 API', version: '1' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gk_session' } },
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
