import type { FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { todayInChina } from '../../services/context.ts';
import { isLoopbackAddress } from '../plugins/trusted-proxy.ts';
import type { AppRoutes } from './app-routes.ts';

export const CONSOLE_DIST = join(import.meta.dirname, '../../../dist/console');

/** The staff console: the built React app at /console/ (any deeper path falls back to its index.html). */
export const consoleRoutes: AppRoutes = async (server, { app }) => {
  server.get(
    '/api/console/info',
    {
      schema: {
        tags: ['console'],
        summary:
          '工作台信息：是否演示模式、演示账号（仅演示模式下、仅对本机访问者显示）、已登录时本机关名称、服务器的北京时间日期',
      },
    },
    async (request) => ({
      // the demo is on: every page carries the banner
      demoMode: app.demoLogin !== null,
      // the demo password only while the demo is on, and only to a client on this machine
      demo: app.demoLogin && isLoopbackAddress(request.ip) ? app.demoLogin : null,
      // the signed-in staff member's agency (null on the login page)
      agencyName: request.principal.kind === 'staff' ? request.agencyName : null,
      // today in China by the services' clock, so the console and the deadlines agree on the date
      today: todayInChina(app.ctx),
    }),
  );
  if (!existsSync(join(CONSOLE_DIST, 'index.html'))) {
    server.get('/console/*', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>工作台未构建</title><body><p>工作台尚未构建：请运行 <code>npm run build</code>（<code>npm start</code> 会自动构建）。</p></body></html>',
        ),
    );
    return;
  }
  const index = readFileSync(join(CONSOLE_DIST, 'index.html'), 'utf8');
  await server.register(fastifyStatic, {
    root: CONSOLE_DIST,
    prefix: '/console/',
    decorateReply: false,
    index: false,
    wildcard: false,
  });
  const sendIndex = async (_request: unknown, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  server.get('/console', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/console/'));
  server.get('/console/', { schema: { hide: true } }, sendIndex);
  server.get('/console/*', { schema: { hide: true } }, sendIndex);
};
